import { afterEach, beforeEach, expect, it } from 'vitest'
import { startHarness, type Harness } from './setup'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.sim.close()
})

it('rides out a 429 storm with Retry-After: every call succeeds, no sooner than the Retry-After', async () => {
  h.sim.faults.add({ kind: 'status', status: 429, retryAfter: 1, count: 3, body: { errors: ['Too many requests'] } })
  // maxDelayMs above the Retry-After: the client must honour the server's wait, not cap it
  const patient = h.make({ retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 5_000 } })
  const started = Date.now()
  const results = await Promise.all([patient.listCustomers(), patient.listAssets('1'), patient.getTicket('1')])
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  expect(results[0].length).toBeGreaterThan(0)
  expect(h.sim.stats().rejected429).toBe(3)
})

it('retries a 503 and then succeeds', async () => {
  h.sim.resetStats()
  h.sim.faults.add({ kind: 'status', status: 503, count: 2 })
  const list = await h.connector.listCustomers()
  expect(list.length).toBeGreaterThan(0)
  expect(h.sim.stats().total).toBe(3)
})

it('does not retry a business-rule 500 and surfaces its text', async () => {
  await h.connector.getTicketMetadata() // warms the field cache, so only the create itself is counted
  const before = h.sim.stats().total
  const err = await h.connector
    .createTicket({
      customerId: '424242',
      subject: 's',
      body: 'b',
      queue: '29683482',
      status: '1',
      priority: '2',
      marker: 'mk'
    })
    .catch((e: unknown) => e)
  expect(err).toMatchObject({ code: 'validation' })
  expect((err as Error).message).toContain('Value does not reference an existing entity for companyID')
  expect(h.sim.stats().total - before).toBe(1) // the create, no retry
})

it('times out cleanly when the server is too slow', async () => {
  h.sim.faults.add({ kind: 'delay', delayMs: 400 })
  const slow = h.make({ timeoutMs: 60, retry: { retries: 0 } })
  await expect(slow.listCustomers()).rejects.toMatchObject({ code: 'timeout' })
})

it('reports a malformed body as bad-response', async () => {
  h.sim.faults.add({ kind: 'malformed', count: 5 })
  await expect(h.make({ retry: { retries: 0 } }).verify()).rejects.toMatchObject({ code: 'bad-response' })
})

it('reports a reply of the wrong shape as bad-response naming the field', async () => {
  const row = h.sim.state.tables.Companies.find((c) => c.id === 0)
  if (row) row.companyName = 42
  const err = await h.connector.verify().catch((e: unknown) => e)
  expect(err).toMatchObject({ code: 'bad-response' })
  expect((err as Error).message).toMatch(/companyName/)
})

it('keeps at most 3 requests in flight per entity under a burst, so the thread limit never trips', async () => {
  h.sim.latencyMs = 40
  const customers = (await h.connector.listCustomers()).slice(0, 12)
  h.sim.resetStats()
  await Promise.all([
    ...customers.map((c) => h.connector.listAssets(c.id)),
    ...customers.map((c) => h.connector.findTicketByMarker(c.id, 'nothing')),
    ...customers.map((c) => h.connector.listBillingTargets(c.id))
  ])
  const stats = h.sim.stats()
  expect(stats.rejected429).toBe(0)
  const code = h.sim.state.apiUsers[0]?.integrationCode
  expect(stats.maxInFlight[`${code}|ConfigurationItems`]).toBe(3)
  expect(stats.maxInFlight[`${code}|Tickets`]).toBe(3)
  expect(Math.max(...Object.values(stats.maxInFlight))).toBe(3)
})

it('the sim does reject a 4th parallel request on one entity (so the previous test can fail)', async () => {
  h.sim.latencyMs = 30
  const eager = h.make({ threadLimit: 6, retry: { retries: 0 } })
  const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => eager.listAssets('1')))
  const rejected = outcomes.filter((o) => o.status === 'rejected')
  expect(rejected.length).toBeGreaterThan(0)
  expect(rejected[0]).toMatchObject({
    reason: { code: 'rate-limited', message: expect.stringMatching(/thread limit/) }
  })
})

it('hits the rolling hourly threshold with 429 and recovers when the window slides', async () => {
  await h.sim.close()
  h = await startHarness({ hourlyLimit: 5, hourlyWindowMs: 60_000 })
  const once = h.make({ retry: { retries: 0 } })
  for (let i = 0; i < 5; i++) await once.getTicket('1')
  await expect(once.getTicket('1')).rejects.toMatchObject({
    code: 'rate-limited',
    message: expect.stringMatching(/threshold/)
  })
  h.sim.clock.advance(60_001)
  await expect(once.getTicket('1')).resolves.toBeNull()
})

it('treats a 404 on get-by-id like {"item":null}: the ticket is gone', async () => {
  // the real API answers either way for a missing id (autotask.md §3.2)
  h.sim.faults.add({
    kind: 'status',
    status: 404,
    count: 1,
    body: { errors: ['Not Found'] },
    match: { method: 'GET', path: 'Tickets/77' }
  })
  expect(await h.connector.getTicket('77')).toBeNull()
  expect(h.sim.replies.some((r) => r.path.endsWith('/Tickets/77'))).toBe(false) // the fault answered, not the handler
})

it('slows replies down once half of the hourly allowance is used', async () => {
  await h.sim.close()
  h = await startHarness({ hourlyLimit: 6, throttleLatencyMs: 150 })
  const c = h.make({ retry: { retries: 0 } })
  let started = Date.now()
  await c.getTicket('1')
  await c.getTicket('1')
  expect(Date.now() - started).toBeLessThan(150 * 2)
  started = Date.now()
  await c.getTicket('1')
  expect(Date.now() - started).toBeGreaterThanOrEqual(150)
})
