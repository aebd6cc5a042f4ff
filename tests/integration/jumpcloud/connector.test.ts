import { describe, expect, it } from 'vitest'
import { failure, useSims } from '../../helpers/connector-test'
import {
  createJumpCloudConnector,
  EVENTS_ORG_CHUNK,
  type JumpCloudConnectorOptions
} from '../../../src/main/connectors/jumpcloud'
import { companyNames } from '../../sims/common'
import { startJumpCloudSim, type JumpCloudSim, type JumpCloudSimOptions } from '../../sims/jumpcloud'

const track = useSims<JumpCloudSim>()

async function setup(simOpts: JumpCloudSimOptions = {}, clientOpts: Partial<JumpCloudConnectorOptions> = {}) {
  const sim = track(await startJumpCloudSim({ seed: 7, orgs: 5, ...simOpts }))
  const jc = createJumpCloudConnector({
    apiKey: sim.apiKey,
    providerId: sim.providerId,
    consoleUrl: sim.consoleUrl,
    insightsUrl: sim.insightsUrl,
    rateLimit: { limit: 1000, intervalMs: 1000 },
    retry: { retries: 4, baseDelayMs: 10, maxDelayMs: 2000 },
    ...clientOpts
  })
  return { sim, jc }
}

describe('JumpCloud connector against the simulator', () => {
  it('verifies and lists the provider organizations with their original names, without x-org-id', async () => {
    const { sim, jc } = await setup()
    const v = await jc.verify()
    expect(v).toEqual({ displayName: `JumpCloud MTP provider ${sim.providerId} (5 organizations)`, orgCount: 5 })
    const orgs = await jc.listOrganizations()
    expect(orgs.map((o) => o.name).sort()).toEqual([...companyNames(7, 5)].sort())
    const orgCalls = sim.exchanges.filter((x) => x.path.endsWith('/organizations'))
    expect(orgCalls.length).toBeGreaterThan(0)
    expect(orgCalls.every((x) => x.orgIds.length === 0 && x.query.get('sort') === '_id')).toBe(true)
  })

  it('follows every page of 1,234 organizations (limit 100)', async () => {
    const { sim, jc } = await setup({ orgs: 1234 })
    const orgs = await jc.listOrganizations()
    expect(orgs).toHaveLength(1234)
    expect(new Set(orgs.map((o) => o.id)).size).toBe(1234)
    expect(sim.stats().byRoute['GET /api/v2/providers/:providerId/organizations']).toBe(13)
  })

  it('counts users (suspended included) and devices with one cheap call each, sending x-org-id', async () => {
    const { sim, jc } = await setup({ orgs: 3 })
    const org = sim.state.orgs[1]!
    org.users[0]!.suspended = true
    const counts = await jc.getUsageCounts(org.id)
    expect(counts).toEqual({ users: org.users.length, devices: org.systems.length })
    sim.control.setUsage({ orgId: org.id, users: 250, devices: 3 })
    expect(await jc.getUsageCounts(org.id)).toEqual({ users: 250, devices: 3 })
    const countCalls = sim.exchanges.filter((x) => x.path === '/api/systemusers' || x.path === '/api/systems')
    expect(countCalls).toHaveLength(4)
    for (const c of countCalls) {
      expect(c.orgIds).toEqual([org.id])
      expect([c.query.get('limit'), c.query.get('fields')]).toEqual(['1', '_id'])
    }
  })

  it('lists all devices of an org with serials, OS and MACs from System Insights', async () => {
    const { sim, jc } = await setup({ orgs: 2 })
    const org = sim.state.orgs[0]!
    sim.control.setUsage({ orgId: org.id, devices: 230 })
    const devices = await jc.listDevices(org.id)
    expect(devices).toHaveLength(230)
    const first = org.systems[0]!
    const d = devices.find((x) => x.id === first._id)!
    expect(d).toEqual({
      id: first._id,
      orgId: org.id,
      hostname: first.hostname,
      displayName: first.displayName,
      serial: first.serialNumber,
      macs: first.networkInterfaces.map((i) => i.mac),
      os: `${first.os} ${first.version}`,
      lastContact: first.lastContact,
      chassisTypes: first.chassisTypes,
      model: first.hardwareModel
    })
    expect(sim.stats().byRoute['GET /api/systems']).toBe(3)
  })

  it('fetches events of many orgs in ONE request (repeated x-org-id), filtered, mapped and oldest first', async () => {
    const { sim, jc } = await setup({ orgs: 4 })
    sim.clock.set('2026-03-10T12:00:00Z')
    const [a, b, c] = sim.state.orgs
    const user = a!.users[0]!
    const host = b!.systems[0]!.hostname
    sim.control.addEvents([
      { orgId: a!.id, eventType: 'user_lockout', user: user.username, timestamp: '2026-03-10T10:00:00Z' },
      { orgId: b!.id, eventType: 'system_fde_key_decrypt', device: host, timestamp: '2026-03-10T09:00:00Z' },
      { orgId: b!.id, eventType: 'login_attempt', user: user.username, timestamp: '2026-03-10T09:30:00Z' },
      { orgId: c!.id, eventType: 'user_lockout', user: 'someone', timestamp: '2026-03-10T09:45:00Z' },
      { orgId: a!.id, eventType: 'user_lockout', user: user.username, timestamp: '2026-03-10T11:00:00Z' }
    ])
    sim.resetStats()
    const events = await jc.fetchEvents({
      orgIds: [a!.id, b!.id],
      eventTypes: ['user_lockout', 'system_fde_key_decrypt'],
      start: new Date('2026-03-10T08:00:00Z'),
      end: new Date('2026-03-10T11:00:00Z') // exclusive: the 11:00 event is left out
    })
    expect(sim.stats().byRoute['POST /insights/directory/v1/events']).toBe(1)
    expect(sim.exchanges.at(-1)!.orgIds).toEqual([a!.id, b!.id])
    expect(events.map((e) => [e.orgId, e.eventType, e.timestamp, e.user, e.device])).toEqual([
      [b!.id, 'system_fde_key_decrypt', '2026-03-10T09:00:00.000Z', undefined, host],
      [a!.id, 'user_lockout', '2026-03-10T10:00:00.000Z', user.username, undefined]
    ])
    expect(events[0]!.deviceId).toBe(b!.systems[0]!._id)
  })

  it('reads an event with odd descriptive fields instead of failing the page (intake must not stall)', async () => {
    const { sim, jc } = await setup({ orgs: 2 })
    const org = sim.state.orgs[0]!
    const [id] = sim.control.addEvents([
      { orgId: org.id, eventType: 'user_lockout', user: 'alice', timestamp: '2026-03-10T10:00:00Z' }
    ])
    const stored = org.events.find((e) => e.id === id)! as unknown as Record<string, unknown>
    stored.resource = 'not-an-object'
    stored.message = 42
    stored.system = { hostname: ['x'] }
    const events = await jc.fetchEvents({
      orgIds: [org.id],
      eventTypes: ['user_lockout'],
      start: new Date('2026-03-10T08:00:00Z'),
      end: new Date('2026-03-10T11:00:00Z')
    })
    expect(events.map((e) => [e.id, e.eventType, e.user, e.device, e.message])).toEqual([
      [id, 'user_lockout', undefined, undefined, undefined]
    ])
  })

  it('splits very many orgs into chunks of EVENTS_ORG_CHUNK repeated headers and merges them oldest first', async () => {
    const { sim, jc } = await setup({ orgs: EVENTS_ORG_CHUNK * 2 + 50 })
    const orgs = sim.state.orgs
    const picks = [orgs[0]!, orgs[EVENTS_ORG_CHUNK + 3]!, orgs.at(-1)!]
    sim.control.addEvents(
      picks.map((o, i) => ({
        orgId: o.id,
        eventType: 'user_password_expired',
        user: o.users[0]!.username,
        timestamp: `2026-04-0${3 - i}T00:00:00Z`
      }))
    )
    sim.resetStats()
    const events = await jc.fetchEvents({
      orgIds: orgs.map((o) => o.id),
      eventTypes: ['user_password_expired'],
      start: new Date('2026-04-01T00:00:00Z'),
      end: new Date('2026-04-05T00:00:00Z')
    })
    expect(sim.stats().byRoute['POST /insights/directory/v1/events']).toBe(3)
    expect(sim.exchanges.filter((x) => x.path.endsWith('/events')).map((x) => x.orgIds.length)).toEqual([
      EVENTS_ORG_CHUNK,
      EVENTS_ORG_CHUNK,
      50
    ])
    expect(events.map((e) => e.orgId)).toEqual([picks[2]!.id, picks[1]!.id, picks[0]!.id])
  })

  it('pages Directory Insights with search_after until X-Result-Count < X-Limit', async () => {
    const { sim, jc } = await setup({ orgs: 2 })
    const org = sim.state.orgs[0]!
    const base = Date.parse('2026-02-01T00:00:00Z')
    const n = 10_000 * 2 + 17
    sim.control.addEvents(
      Array.from({ length: n }, (_, i) => ({
        orgId: org.id,
        eventType: 'user_lockout',
        user: org.users[0]!.username,
        // Many events share a timestamp: the id tie-break in search_after must not lose any.
        timestamp: new Date(base + Math.floor(i / 3) * 1000).toISOString()
      }))
    )
    sim.resetStats()
    const events = await jc.fetchEvents({
      orgIds: [org.id],
      eventTypes: ['user_lockout'],
      start: new Date(base),
      end: new Date(base + 86_400_000)
    })
    expect(events).toHaveLength(n)
    expect(new Set(events.map((e) => e.id)).size).toBe(n)
    expect(sim.stats().byRoute['POST /insights/directory/v1/events']).toBe(3)
    const bodies = sim.exchanges.filter((x) => x.path.endsWith('/events')).map((x) => x.body as Record<string, unknown>)
    expect(bodies[0]!.search_after).toBeUndefined()
    expect(bodies[1]!.search_after).toEqual(expect.any(Array))
  })

  it('survives a 429 storm with Retry-After: every call succeeds, no sooner than Retry-After', async () => {
    const { sim, jc } = await setup({ orgs: 3 })
    sim.faults.add({
      kind: 'status',
      status: 429,
      retryAfter: 0.3,
      count: 3,
      body: { code: 429, message: 'slow down', status: 'Too Many Requests' }
    })
    const started = performance.now()
    const ids = sim.state.orgs.map((o) => o.id)
    const results = await Promise.all(ids.map((id) => jc.getUsageCounts(id)))
    expect(performance.now() - started).toBeGreaterThanOrEqual(300)
    expect(results).toEqual(sim.state.orgs.map((o) => ({ users: o.users.length, devices: o.systems.length })))
    expect(sim.stats().rejected429).toBe(3)
  })

  it("is throttled by the sim's own rate limit and still completes", async () => {
    const { sim, jc } = await setup({ orgs: 3, rateLimit: { limit: 4, windowMs: 1000 } })
    const started = performance.now()
    const orgs = await jc.listOrganizations()
    const counts = await Promise.all(orgs.map((o) => jc.getUsageCounts(o.id)))
    expect(counts).toHaveLength(3)
    expect(sim.stats().rejected429).toBeGreaterThan(0)
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000)
  })

  it('retries a 503 and then succeeds', async () => {
    const { sim, jc } = await setup()
    sim.faults.add({ kind: 'status', status: 503, count: 2 })
    expect(await jc.listOrganizations()).toHaveLength(5)
    expect(sim.stats().byRoute['GET /api/v2/providers/:providerId/organizations']).toBe(3)
  })

  it('reports a timeout when JumpCloud is too slow', async () => {
    const { sim, jc } = await setup({}, { timeoutMs: 100, retry: { retries: 0 } })
    sim.faults.add({ kind: 'delay', delayMs: 400 })
    expect((await failure(jc.listOrganizations())).code).toBe('timeout')
  })

  it('turns a malformed body into a clean bad-response', async () => {
    const { sim, jc } = await setup()
    sim.faults.add({ kind: 'malformed', count: 1 })
    const e = await failure(jc.verify())
    expect(e.code).toBe('bad-response')
    expect(e.message).toMatch(/JumpCloud/)
  })

  it('rejects a DI reply without paging headers as bad-response', async () => {
    const { sim, jc } = await setup()
    sim.faults.add({ kind: 'status', status: 200, body: [], match: { path: '/events$' } })
    const e = await failure(
      jc.fetchEvents({
        orgIds: [sim.state.orgs[0]!.id],
        eventTypes: ['user_lockout'],
        start: new Date(0),
        end: new Date()
      })
    )
    expect(e.code).toBe('bad-response')
    expect(e.message).toMatch(/X-Result-Count/)
  })

  it('maps a wrong API key to a clean auth error that never echoes the key', async () => {
    const { sim } = await setup()
    const jc = createJumpCloudConnector({
      apiKey: 'wrong-key-123',
      providerId: sim.providerId,
      consoleUrl: sim.consoleUrl,
      insightsUrl: sim.insightsUrl
    })
    const e = await failure(jc.verify())
    expect(e.code).toBe('auth')
    expect(e.message).toMatch(/^JumpCloud rejected the API key/)
    expect(e.hint).toMatch(/Generate New API Key/)
    expect(JSON.stringify({ m: e.message, h: e.hint, j: e.toJSON() })).not.toContain('wrong-key-123')
  })

  it('maps an unknown provider id to not-found with a hint', async () => {
    const { sim } = await setup()
    const jc = createJumpCloudConnector({
      apiKey: sim.apiKey,
      providerId: 'ffffffffffffffffffffffff',
      consoleUrl: sim.consoleUrl,
      insightsUrl: sim.insightsUrl
    })
    const e = await failure(jc.verify())
    expect(e.code).toBe('not-found')
    expect(e.field).toBe('providerId')
    expect(e.hint).toMatch(/Account Overview/)
  })

  it('maps an unknown organization to not-found', async () => {
    const { jc } = await setup()
    expect((await failure(jc.getUsageCounts('0123456789abcdef01234567'))).code).toBe('not-found')
  })
})

describe('JumpCloud simulator x-org-id rules (jumpcloud.md §A.0)', () => {
  it('403 on provider routes with x-org-id, 401 without it on per-org routes, 401 on a bad key', async () => {
    const { sim } = await setup()
    const key = { 'x-api-key': sim.apiKey }
    const org = sim.state.orgs[0]!.id
    const orgs = await fetch(`${sim.consoleUrl}/api/v2/providers/${sim.providerId}/organizations`, {
      headers: { ...key, 'x-org-id': org }
    })
    expect(orgs.status).toBe(403)
    const users = await fetch(`${sim.consoleUrl}/api/systemusers`, { headers: key })
    expect(users.status).toBe(401)
    expect(await users.json()).toMatchObject({ message: 'Unauthorized: no organization selected' })
    const badKey = await fetch(`${sim.consoleUrl}/api/systemusers`, {
      headers: { 'x-api-key': 'nope', 'x-org-id': org }
    })
    expect(badKey.status).toBe(401)
    const over = await fetch(`${sim.consoleUrl}/api/systemusers?limit=101`, { headers: { ...key, 'x-org-id': org } })
    expect(over.status).toBe(400)
  })

  it('DI: invalid service lists the valid ones; a nonsensical limit falls back to 1000', async () => {
    const { sim } = await setup()
    const headers = { 'x-api-key': sim.apiKey, 'x-org-id': sim.state.orgs[0]!.id, 'content-type': 'application/json' }
    const bad = await fetch(`${sim.insightsUrl}/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ service: ['alert'], start_time: '2026-01-01T00:00:00Z' })
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/valid services: alerts, all/)
    const ok = await fetch(`${sim.insightsUrl}/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ service: ['all'], start_time: '2026-01-01T00:00:00Z', limit: 50_000 })
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('x-limit')).toBe('1000')
    expect(ok.headers.get('x-search_after')).not.toBeNull()
  })
})
