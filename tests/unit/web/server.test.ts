import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventName } from '../../../src/shared/contract'
import type { Envelope } from '../../../src/shared/errors'
import { BRIDGE_CSP, startWebServer, type BridgeApp, type WebServer } from '../../../src/main/web/server'
import { resolveStaticPath } from '../../../src/main/web/static'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw node:http so the test controls Host/Origin/Cookie exactly as an attacker could. */
function send(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() })
        )
      }
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

function fakeApp() {
  const calls: Array<{ name: unknown; input: unknown }> = []
  const listeners = new Set<(name: EventName, payload: unknown) => void>()
  let signalUnsubscribed: () => void = () => {}
  const unsubscribed = new Promise<void>((r) => (signalUnsubscribed = r))
  const app: BridgeApp = {
    async dispatch(name, input): Promise<Envelope<unknown>> {
      calls.push({ name, input })
      if (name === 'fail') return { ok: false, error: { code: 'auth', message: 'nope', hint: 'check it' } }
      return { ok: true, value: { echo: input } }
    },
    events: {
      onAny(cb) {
        listeners.add(cb)
        return () => {
          listeners.delete(cb)
          signalUnsubscribed()
        }
      }
    }
  }
  return { app, calls, listeners, unsubscribed, emit: (n: EventName, p: unknown) => listeners.forEach((l) => l(n, p)) }
}

let dir: string
let staticDir: string
let server: WebServer
let fake: ReturnType<typeof fakeApp>
const TOKEN = 't'.repeat(43)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'psa-web-'))
  staticDir = join(dir, 'renderer')
  await mkdir(join(staticDir, 'assets'), { recursive: true })
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>PSA</title>')
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(dir, 'secret.txt'), 'outside the root')
  fake = fakeApp()
  server = await startWebServer({ app: fake.app, staticDir, token: TOKEN, maxBodyBytes: 1024 })
})

afterEach(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

const bearer = () => ({ Authorization: `Bearer ${TOKEN}` })
const json = (extra: Record<string, string> = {}) => ({ ...bearer(), 'Content-Type': 'application/json', ...extra })

describe('token and cookie', () => {
  it('refuses static files and API calls without the token', async () => {
    expect((await send(server.port, '/')).status).toBe(401)
    expect((await send(server.port, '/assets/app.js')).status).toBe(401)
    const api = await send(server.port, '/api/getStatus', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect(api.status).toBe(401)
    expect((await send(server.port, '/api/events')).status).toBe(401)
    expect(fake.calls).toHaveLength(0)
  })

  it('refuses a wrong token, in the link, the header or the cookie', async () => {
    expect((await send(server.port, '/?token=wrong')).status).toBe(401)
    expect((await send(server.port, '/', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401)
    expect((await send(server.port, '/', { headers: { Cookie: `psa_bridge_${server.port}=wrong` } })).status).toBe(401)
  })

  it('swaps the launch token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    expect(server.launchUrl).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`)
    const res = await send(server.port, `/?token=${TOKEN}`)
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/')
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toContain(`psa_bridge_${server.port}=${TOKEN}`)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const page = await send(server.port, '/', { headers: { Cookie: cookie.split(';')[0]! } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>PSA</title>')
  })

  it('generates a distinct 32-byte token per launch when none is given', async () => {
    const a = await startWebServer({ app: fake.app, staticDir })
    const b = await startWebServer({ app: fake.app, staticDir })
    try {
      expect(Buffer.from(a.token, 'base64url')).toHaveLength(32)
      expect(a.token).not.toBe(b.token)
    } finally {
      await a.close()
      await b.close()
    }
  })
})

describe('host and origin checks', () => {
  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await send(server.port, '/', { headers: { ...bearer(), Host: `evil.example:${server.port}` } })
    expect(res.status).toBe(421)
    const other = await send(server.port, '/', { headers: { ...bearer(), Host: '127.0.0.1:1' } })
    expect(other.status).toBe(421)
  })

  it('accepts localhost:PORT as host', async () => {
    const res = await send(server.port, '/', { headers: { ...bearer(), Host: `localhost:${server.port}` } })
    expect(res.status).toBe(200)
  })

  it('refuses a cross-origin POST and accepts a same-origin one', async () => {
    const bad = await send(server.port, '/api/getStatus', {
      method: 'POST',
      headers: json({ Origin: 'http://evil.example' }),
      body: '{}'
    })
    expect(bad.status).toBe(403)
    expect(fake.calls).toHaveLength(0)
    const good = await send(server.port, '/api/getStatus', {
      method: 'POST',
      headers: json({ Origin: server.origin }),
      body: '{}'
    })
    expect(good.status).toBe(200)
  })
})

describe('API', () => {
  it('passes method name and parsed body to dispatch and returns the envelope', async () => {
    const res = await send(server.port, '/api/saveSyncro', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ subdomain: 'acme' })
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: { subdomain: 'acme' } } })
    expect(fake.calls).toEqual([{ name: 'saveSyncro', input: { subdomain: 'acme' } }])
  })

  it('returns error envelopes unchanged', async () => {
    const res = await send(server.port, '/api/fail', { method: 'POST', headers: json(), body: '{}' })
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'auth', message: 'nope', hint: 'check it' } })
  })

  it('refuses non-JSON bodies (415), bad JSON (400), oversized bodies (413) and GET (405)', async () => {
    const text = await send(server.port, '/api/getStatus', {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'text/plain' },
      body: '{}'
    })
    expect(text.status).toBe(415)
    const broken = await send(server.port, '/api/getStatus', { method: 'POST', headers: json(), body: '{nope' })
    expect(broken.status).toBe(400)
    const big = await send(server.port, '/api/getStatus', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ x: 'a'.repeat(5000) })
    })
    expect(big.status).toBe(413)
    expect((await send(server.port, '/api/getStatus', { headers: bearer() })).status).toBe(405)
    expect(fake.calls).toHaveLength(0)
  })
})

describe('static files', () => {
  it('serves files with their MIME type and the CSP header', async () => {
    const res = await send(server.port, '/assets/app.js', { headers: bearer() })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers['content-security-policy']).toBe(BRIDGE_CSP)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const html = await send(server.port, '/', { headers: bearer() })
    expect(html.headers['content-type']).toMatch(/^text\/html/)
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js'
  ])('refuses traversal %s', async (path) => {
    const res = await send(server.port, path, { headers: bearer() })
    expect(res.status).toBe(404)
    expect(res.body).not.toContain('outside the root')
  })

  it('resolveStaticPath keeps every path inside the root', () => {
    expect(resolveStaticPath('/srv/r', '/')).toBe('/srv/r/index.html')
    expect(resolveStaticPath('/srv/r', '/a/b.js')).toBe('/srv/r/a/b.js')
    expect(resolveStaticPath('/srv/r', '/a/../../etc/passwd')).toBeNull()
    expect(resolveStaticPath('/srv/r', '/%E0%A4%A')).toBeNull()
  })

  it('answers 404 for a missing file', async () => {
    expect((await send(server.port, '/nope.js', { headers: bearer() })).status).toBe(404)
  })
})

describe('server-sent events', () => {
  it('streams core events to the client and unsubscribes when it leaves', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${server.port}`, ...bearer() }
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream')
          let buf = ''
          let emitted = false
          res.on('data', (c: Buffer) => {
            buf += c.toString()
            // Emit only once the stream is open, so the event cannot race the subscription.
            if (!emitted && buf.includes(': connected\n\n')) {
              emitted = true
              fake.emit('integrationsChanged', { kind: 'syncro' })
            }
            const at = buf.indexOf('event:')
            if (at >= 0 && buf.indexOf('\n\n', at) > 0) {
              req.destroy()
              resolve(buf)
            }
          })
        }
      )
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)))
      req.end()
    })
    expect(received).toContain('event: integrationsChanged\ndata: {"kind":"syncro"}\n\n')
    await fake.unsubscribed
    expect(fake.listeners.size).toBe(0)
  })
})

describe('hostile or unlucky requests', () => {
  it('answers a malformed percent-encoded method name with an unknown-method envelope, not a 500', async () => {
    const r = await send(server.port, '/api/%E0%A4%A', { method: 'POST', headers: json(), body: '{}' })
    expect(r.status).toBe(200)
    expect(fake.calls).toEqual([{ name: '%E0%A4%A', input: {} }])
  })

  it('an event raised while the server is closing does not write to an ended stream (no uncaught error)', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${server.port}`, ...bearer() }
        },
        (res) => {
          res.on('data', (c: Buffer) => {
            if (c.toString().includes(': connected')) resolve()
          })
          res.on('error', () => undefined)
        }
      )
      req.on('error', (e) =>
        e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : reject(e)
      )
      req.end()
    })
    const errors: unknown[] = []
    const onUncaught = (e: unknown) => errors.push(e)
    process.on('uncaughtException', onUncaught)
    try {
      const closing = server.close()
      fake.emit('integrationsChanged', { kind: 'syncro' })
      await closing
      // The write-after-end error is emitted on the next tick.
      await new Promise<void>((r) => setImmediate(r))
    } finally {
      process.off('uncaughtException', onUncaught)
    }
    expect(errors).toEqual([])
  })
})
