import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/main/app/app'
import { createMemoryStore } from '../../src/main/secrets'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { cookieName } from '../../src/main/web/guard'
import { useTempDirs } from '../helpers/tmp'
import { dbDigest } from './support/hostile'
import { report } from './support/proof'

// The browser bridge in front of the real core: every way a web page or another local user could reach it
// without being the admin's own tab is refused, and nothing reaches the database. (tests/unit/web/server.test.ts
// covers each guard alone against a fake core; this is the end-to-end table.)

const tmp = useTempDirs()
const closing: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c()
})

function send(port: number, path: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    // A fresh connection each time: a refused request may leave its socket unusable for the next one.
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

interface Attack {
  name: string
  path?: string
  method?: string
  headers: (s: WebServer) => Record<string, string>
  body?: string
}

const WRITE = JSON.stringify({ orgId: 'o-1', customerId: 'c-1' })
const host = (s: WebServer) => `127.0.0.1:${s.port}`
const cookie = (s: WebServer) => `${cookieName(s.port)}=${s.token}`
const ATTACKS: Attack[] = [
  { name: 'no token', headers: (s) => ({ Host: host(s), 'Content-Type': 'application/json' }) },
  { name: 'wrong token', headers: (s) => ({ Host: host(s), Authorization: `Bearer ${'x'.repeat(43)}` }) },
  { name: 'token in the query only', path: '/api/mapOrg?token=', headers: (s) => ({ Host: host(s) }) },
  { name: 'another port’s cookie', headers: (s) => ({ Host: host(s), Cookie: `psa_bridge_1=${s.token}` }) },
  ...['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '127.0.0.1', '[::1]', '0.0.0.0'].map(
    (h): Attack => ({
      name: `DNS rebinding (Host ${h})`,
      headers: (s) => ({ Host: h.includes(':') || h === '127.0.0.1' ? h : `${h}:${s.port}`, Cookie: cookie(s) })
    })
  ),
  ...['http://evil.example', 'null', `http://127.0.0.1.evil.example`, 'https://127.0.0.1'].map((o): Attack => ({
    name: `foreign Origin ${o}`,
    headers: (s) => ({ Host: host(s), Cookie: cookie(s), Origin: o, 'Content-Type': 'application/json' })
  })),
  {
    name: 'cross-site form POST (urlencoded)',
    headers: (s) => ({ Host: host(s), Cookie: cookie(s), 'Content-Type': 'application/x-www-form-urlencoded' }),
    body: 'orgId=o-1&customerId=c-1'
  },
  {
    name: 'cross-site form POST (multipart)',
    headers: (s) => ({ Host: host(s), Cookie: cookie(s), 'Content-Type': 'multipart/form-data; boundary=x' }),
    body: '--x\r\nContent-Disposition: form-data; name="orgId"\r\n\r\no-1\r\n--x--\r\n'
  },
  {
    name: 'text/plain CSRF body (JSON inside a text/plain form)',
    headers: (s) => ({ Host: host(s), Cookie: cookie(s), 'Content-Type': 'text/plain' }),
    body: `${WRITE.slice(0, -1)}, "x=":"="}`
  },
  {
    name: 'text/plain CSRF body with a foreign Origin',
    headers: (s) => ({ Host: host(s), Cookie: cookie(s), Origin: 'http://evil.example', 'Content-Type': 'text/plain' })
  },
  {
    name: 'GET of a method (an <img> or link)',
    method: 'GET',
    headers: (s) => ({ Host: host(s), Cookie: cookie(s) })
  }
]

describe('the browser bridge refuses every foreign caller', () => {
  it(`${ATTACKS.length} attacks against the real core: refused, nothing written`, async () => {
    const dataDir = tmp()
    const app = await createApp({ dataDir, secrets: createMemoryStore() })
    closing.push(() => app.close())
    const staticDir = join(tmp(), 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PSA Bridge</title>')
    const server = await startWebServer({ app, staticDir })
    closing.push(() => server.close())
    const dbFile = join(dataDir, 'psa-bridge.db')
    const before = dbDigest(dbFile)

    const outcomes: string[] = []
    for (const a of ATTACKS) {
      const path = a.path === '/api/mapOrg?token=' ? `${a.path}${server.token}` : (a.path ?? '/api/mapOrg')
      const res = await send(server.port, path, a.method ?? 'POST', a.headers(server), a.body ?? WRITE)
      outcomes.push(`${a.name}: ${res.status}`)
      expect(res.status, `${a.name} → ${res.status} ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400)
      expect(res.body, a.name).not.toContain('"ok":')
    }
    // The page itself is refused too without the token or with a foreign Host.
    expect((await send(server.port, '/', 'GET', { Host: host(server) })).status).toBeGreaterThanOrEqual(400)
    expect(
      (await send(server.port, '/', 'GET', { Host: `evil.example:${server.port}`, Cookie: cookie(server) })).status
    ).toBe(421)
    expect(dbDigest(dbFile), 'nothing written').toBe(before)

    // The admin's own tab (same origin, cookie, JSON) is served: the guards refuse attackers, not the app.
    const own = await send(
      server.port,
      '/api/getStatus',
      'POST',
      { Host: host(server), Cookie: cookie(server), Origin: server.origin, 'Content-Type': 'application/json' },
      '{}'
    )
    expect(own.status).toBe(200)
    expect(JSON.parse(own.body)).toMatchObject({ ok: true })
    report('bridge', { attacks: ATTACKS.length, refused: outcomes.length, outcomes })
  })
})
