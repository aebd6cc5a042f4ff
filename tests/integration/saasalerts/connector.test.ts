import { describe, expect, it } from 'vitest'
import { failure, useSims } from '../../helpers/connector-test'
import {
  createSaasAlertsConnector,
  EVENTS_PAGE_SIZE,
  type SaasAlertsConnectorOptions
} from '../../../src/main/connectors/saasalerts'
import { companyNames } from '../../sims/common'
import { startSaasAlertsSim, type SaasAlertsSim, type SaasAlertsSimOptions } from '../../sims/saasalerts'

const track = useSims<SaasAlertsSim>()

async function setup(simOpts: SaasAlertsSimOptions = {}, clientOpts: Partial<SaasAlertsConnectorOptions> = {}) {
  const sim = track(await startSaasAlertsSim({ seed: 5, orgs: 4, ...simOpts }))
  const sa = createSaasAlertsConnector({
    apiKey: sim.apiKey,
    baseUrl: sim.baseUrl,
    rateLimit: { limit: 1000, intervalMs: 1000 },
    retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 50 },
    ...clientOpts
  })
  return { sim, sa }
}

const T0 = Date.parse('2026-03-01T00:00:00.000Z')
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString()

describe('SaaS Alerts connector against the simulator', () => {
  it('verifies the key with GET /customers and lists the organizations by their names', async () => {
    const { sim, sa } = await setup()
    expect(await sa.verify()).toEqual({ displayName: 'SaaS Alerts (4 organizations)', orgCount: 4 })
    const orgs = await sa.listOrganizations()
    expect(orgs.map((o) => o.name).sort()).toEqual([...companyNames(5, 4)].sort())
    expect(orgs.map((o) => o.id)).toEqual(sim.state.customers.map((c) => c.customerId))
    expect(sim.exchanges.every((x) => x.headers['api_key'] === sim.apiKey)).toBe(true)
  })

  it('reads a single customer sent as a bare object (saasalerts.md: clients coerce to an array)', async () => {
    const { sa } = await setup({ orgs: 1 })
    expect(await sa.listOrganizations()).toHaveLength(1)
  })

  it('says the key was rejected on 401 and on 403, on the apiKey field', async () => {
    const { sim } = await setup()
    const bad = createSaasAlertsConnector({ apiKey: 'wrong', baseUrl: sim.baseUrl })
    const e = await failure(bad.verify())
    expect(e.code).toBe('auth')
    expect(e.field).toBe('apiKey')
    expect(e.message).toContain('HTTP 401')
    expect(e.message).not.toContain('wrong')
    sim.faults.add({ kind: 'status', status: 403, body: { message: 'REST API not enabled' }, count: 1 })
    const sa = createSaasAlertsConnector({ apiKey: sim.apiKey, baseUrl: sim.baseUrl })
    const f = await failure(sa.verify())
    expect([f.code, f.field]).toEqual(['auth', 'apiKey'])
    expect(f.message).toContain('REST API not enabled')
  })

  it('refuses an empty key before any request', async () => {
    expect(() => createSaasAlertsConnector({ apiKey: '  ' })).toThrow(/API key/)
  })

  it('reads every event of a window across pages even when the server serves fewer than asked', async () => {
    const { sim, sa } = await setup({ maxPageSize: 120 })
    const c = sim.state.customers[0]!
    sim.state.events.length = 0
    sim.control.addEvents(
      Array.from({ length: 1000 }, (_, i) => ({
        customerId: c.customerId,
        eventType: 'login.failure',
        timestamp: at(i)
      }))
    )
    const events = await sa.fetchEvents({ orgIds: [c.customerId], start: new Date(at(0)), end: new Date(at(1000)) })
    expect(events).toHaveLength(1000)
    expect(events.map((e) => e.timestamp)).toEqual([...events.map((e) => e.timestamp)].sort())
    const calls = sim.exchanges.filter((x) => x.path.endsWith('/reports/events'))
    // 1000 / 120 → 9 pages, the 9th (40) shorter than the others ends the window.
    expect(calls).toHaveLength(9)
    expect(calls.every((x) => x.query.get('customerId') === c.customerId && x.query.get('timeSort') === 'asc')).toBe(
      true
    )
    expect(calls[0]!.query.get('size')).toBe(String(EVENTS_PAGE_SIZE))
  })

  it('keeps [start, end): an event exactly at end is left for the next window, one at start is read', async () => {
    const { sim, sa } = await setup()
    const c = sim.state.customers[1]!
    sim.state.events.length = 0
    sim.control.addEvents([
      { customerId: c.customerId, eventType: 'mfa.disable', timestamp: at(0) },
      { customerId: c.customerId, eventType: 'mfa.disable', timestamp: at(60) }
    ])
    const events = await sa.fetchEvents({ orgIds: [c.customerId], start: new Date(at(0)), end: new Date(at(60)) })
    expect(events.map((e) => e.timestamp)).toEqual([at(0)])
  })

  it('pages past the 10,000-row result window by moving the window start, without duplicates', async () => {
    const { sim, sa } = await setup()
    const c = sim.state.customers[0]!
    sim.state.events.length = 0
    sim.control.addEvents(
      Array.from({ length: 10_300 }, (_, i) => ({
        customerId: c.customerId,
        eventType: 'login.failure',
        timestamp: at(Math.floor(i / 3))
      }))
    )
    const events = await sa.fetchEvents({ orgIds: [c.customerId], start: new Date(at(0)), end: new Date(at(5000)) })
    expect(events).toHaveLength(10_300)
    expect(new Set(events.map((e) => e.id)).size).toBe(10_300)
    expect(sim.exchanges.filter((x) => x.status === 400)).toEqual([])
  })

  it('asks once for several organizations and keeps only theirs; maps severity, type, user, time, text', async () => {
    const { sim, sa } = await setup()
    const [a, b, other] = sim.state.customers
    sim.state.events.length = 0
    sim.control.addEvents([
      { customerId: a!.customerId, eventType: 'admin.new.admin', user: 'ana@a.example.com', timestamp: at(1) },
      { customerId: b!.customerId, eventType: 'login.failure', alertStatus: 'low', timestamp: at(2) },
      { customerId: other!.customerId, eventType: 'mfa.disable', timestamp: at(3) }
    ])
    const events = await sa.fetchEvents({
      orgIds: [a!.customerId, b!.customerId],
      start: new Date(at(0)),
      end: new Date(at(10))
    })
    expect(events.map((e) => [e.orgId, e.eventType, e.severity])).toEqual([
      [a!.customerId, 'admin.new.admin', 'critical'],
      [b!.customerId, 'login.failure', 'low']
    ])
    expect(events[0]).toMatchObject({
      user: 'ana@a.example.com',
      message: 'IAM Event - New Admin Added',
      timestamp: at(1)
    })
    const calls = sim.exchanges.filter((x) => x.path.endsWith('/reports/events'))
    expect(calls.every((x) => !x.query.has('customerId'))).toBe(true)
  })

  it('sends event type filters as a repeated eventType and none at all for an empty list', async () => {
    const { sim, sa } = await setup()
    const id = sim.state.customers[0]!.customerId
    const q = { orgIds: [id], start: new Date(at(0)), end: new Date(at(10)) }
    await sa.fetchEvents({ ...q, eventTypes: ['mfa.disable', 'admin.new.admin'] })
    expect(sim.exchanges.at(-1)!.query.getAll('eventType')).toEqual(['mfa.disable', 'admin.new.admin'])
    const before = sim.exchanges.length
    expect(await sa.fetchEvents({ ...q, eventTypes: [] })).toEqual([])
    expect(await sa.fetchEvents({ ...q, orgIds: [] })).toEqual([])
    expect(sim.exchanges.length).toBe(before)
  })

  it('tolerates odd events: no eventId (stable digest id), epoch-ms time, unknown severity, extra keys', async () => {
    const { sim, sa } = await setup()
    const c = sim.state.customers[0]!
    sim.state.events.length = 0
    const odd = {
      eventType: 'custom.rule',
      alertStatus: 'SEVERE',
      customerId: c.customerId,
      userId: null,
      timestamp: T0 + 5000,
      futureField: { x: 1 }
    }
    sim.state.events.push(odd as never, { ...odd, timestamp: at(6) } as never)
    const q = { orgIds: [c.customerId], start: new Date(at(0)), end: new Date(at(10)) }
    const first = await sa.fetchEvents(q)
    const again = await sa.fetchEvents(q)
    expect(first.map((e) => e.id)).toEqual(again.map((e) => e.id))
    expect(new Set(first.map((e) => e.id)).size).toBe(2)
    expect(first[0]).toMatchObject({ timestamp: at(5), severity: undefined, user: undefined, eventType: 'custom.rule' })
    expect((first[0]!.raw as { futureField: unknown }).futureField).toEqual({ x: 1 })
  })

  it('fails the page clearly on an event without a type or customer instead of guessing', async () => {
    const { sim, sa } = await setup()
    const c = sim.state.customers[0]!
    sim.state.events.length = 0
    sim.state.events.push({ customerId: c.customerId, timestamp: at(1) } as never)
    const e = await failure(sa.fetchEvents({ orgIds: [c.customerId], start: new Date(at(0)), end: new Date(at(10)) }))
    expect(e.code).toBe('bad-response')
    expect(e.message).toContain('eventType')
  })

  it('reads billing dates and the billable users of each organization on a billing date', async () => {
    const { sim, sa } = await setup()
    const [a, b] = sim.state.customers
    sim.control.setBillableUsers({ billingDate: '2026-02-15', users: { [a!.customerId]: 12, [b!.customerId]: 0 } })
    const dates = await sa.listBillingDates()
    expect(dates).toContain('2026-02-15')
    expect(dates).toEqual([...dates].sort())
    const users = await sa.getBillableUsers('2026-02-15')
    expect(users.get(a!.customerId)).toBe(12)
    expect(users.get(b!.customerId)).toBe(0)
    expect(users.has(sim.state.customers[2]!.customerId)).toBe(false)
    expect(sim.exchanges.at(-1)!.query.get('billingDate')).toBe('2026-02-15')
    await expect(sa.getBillableUsers('15/02/2026')).rejects.toThrow(/YYYY-MM-DD/)
  })

  it('creates an organization once: a second call with the same name reuses it', async () => {
    const { sim, sa } = await setup()
    const made = await sa.createOrganization({ name: 'Brand New Dental LLC' })
    expect(made.name).toBe('Brand New Dental LLC')
    expect(sim.state.customers.some((c) => c.customerId === made.id)).toBe(true)
    const again = await sa.createOrganization({ name: ' brand new dental llc ' })
    expect(again.id).toBe(made.id)
    expect(sim.exchanges.filter((x) => x.method === 'POST')).toHaveLength(1)
    expect(sim.exchanges.find((x) => x.method === 'POST')!.body).toEqual({ name: 'Brand New Dental LLC' })
  })

  it('waits and retries a quota message even without a 429, and a 429', async () => {
    const { sim, sa } = await setup()
    sim.faults.add({ kind: 'status', status: 500, body: { message: 'Quota exceeded for quota metric' }, count: 1 })
    sim.faults.add({ kind: 'status', status: 429, body: { message: 'Too many' }, count: 1 })
    expect((await sa.listOrganizations()).length).toBe(4)
    expect(sim.stats().byRoute['GET /reportApi/api/v1/customers']).toBe(3)
  })

  it('reports a lasting quota refusal as rate-limited', async () => {
    const { sim, sa } = await setup({}, { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 5 } })
    sim.faults.add({ kind: 'status', status: 400, body: 'Rate limit reached, throttled' })
    const e = await failure(sa.listBillingDates())
    expect(e.code).toBe('rate-limited')
  })
})
