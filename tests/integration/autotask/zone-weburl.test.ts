import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { discoverAutotaskZone } from '../../../src/main/connectors/autotask/zone'

let server: Server | undefined
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())))

/** A zone lookup that answers with webUrl(origin) and a valid API url on its own origin. */
async function lookup(webUrl: (origin: string) => string): Promise<string> {
  server = createServer((_req, res) => {
    const origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ zoneName: 'Test', url: `${origin}/ATServicesRest/`, webUrl: webUrl(origin), ci: 1 }))
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/atservicesrest/`
}

describe('Autotask zone discovery: webUrl', () => {
  it('keeps a webUrl on the allowed host and drops anything else instead of trusting it for links', async () => {
    const base = await lookup(() => 'javascript:alert(1)')
    const zone = await discoverAutotaskZone({ username: 'api@msp.example', zoneLookupUrl: base })
    expect(zone.webUrl).toBe('')
    expect(zone.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ATServicesRest\/$/)
  })

  it('keeps a webUrl that passes the same host rule as the API url', async () => {
    const base = await lookup((origin) => `${origin}/ui/`)
    const zone = await discoverAutotaskZone({ username: 'api@msp.example', zoneLookupUrl: base })
    expect(zone.webUrl).toBe(`${new URL(base).origin}/ui/`)
  })
})
