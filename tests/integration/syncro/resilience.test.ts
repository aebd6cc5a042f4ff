import { describe, expect, it } from 'vitest'
import { createSyncroConnector } from '../../../src/main/connectors/syncro'
import { SIM_TOKEN } from '../../sims/syncro'
import { customerWithSchedule, FAST, useSyncroSim } from './setup'

const { start, current } = useSyncroSim()

const targetOf = (s: { id: number; lines: Array<{ id: number }> }) => ({
  containerId: String(s.id),
  itemId: String(s.lines[0]!.id)
})

describe('Syncro connector: failures and limits', () => {
  it('rides out a 429 storm with Retry-After: every call succeeds, no sooner than the Retry-After', async () => {
    const { connect } = await start({ rateLimit: { limit: 5, windowMs: 1_000, retryAfter: true } })
    const c = connect()
    const s = customerWithSchedule(current())
    const t0 = performance.now()
    const results = await Promise.all(Array.from({ length: 12 }, () => c.getQuantity(targetOf(s))))
    const elapsed = performance.now() - t0
    expect(results.every((r) => r.quantity === Number(s.lines[0]!.quantity))).toBe(true)
    expect(current().stats().rejected429).toBeGreaterThan(0)
    expect(c.stats().rateLimited).toBe(current().stats().rejected429)
    expect(elapsed).toBeGreaterThanOrEqual(1_000) // Retry-After: 1 (seconds) was honoured
  })

  it('backs off on 429 without Retry-After (plain-text body) and succeeds', async () => {
    const { connect } = await start()
    current().faults.add({ kind: 'status', status: 429, body: 'Retry later', count: 2, match: { path: '/me$' } })
    const c = connect()
    await expect(c.verify()).resolves.toMatchObject({ displayName: expect.stringContaining('syncromsp.com') })
    expect(c.stats()).toMatchObject({ rateLimited: 2, retries: 2 })
  })

  it('its own limiter keeps it under the server limit: no 429 at all', async () => {
    // Client at a third of the server's rate: network jitter (new sockets, a busy CI box) can bunch
    // requests at the server, so an exact-rate client could still be caught by a sliding window.
    const { connect } = await start({ rateLimit: { limit: 6, windowMs: 500, retryAfter: true } })
    const c = connect({ rateLimit: { limit: 2, intervalMs: 500 } })
    const s = customerWithSchedule(current())
    await Promise.all(Array.from({ length: 8 }, () => c.getQuantity(targetOf(s))))
    expect(current().stats().rejected429).toBe(0)
    expect(current().stats().total).toBe(8)
  })

  it('retries a GET through 503s and succeeds', async () => {
    const { connect } = await start()
    const s = customerWithSchedule(current())
    current().faults.add({ kind: 'status', status: 503, count: 2, match: { method: 'GET', path: '/schedules' } })
    const c = connect()
    const targets = await c.listBillingTargets(String(s.customer_id))
    expect(targets.map((t) => t.id)).toContain(String(s.id))
    expect(c.stats().retries).toBe(2)
  })

  it('does not retry a ticket POST on 503 (a retry could duplicate the ticket)', async () => {
    const { connect, account } = await start()
    current().faults.add({ kind: 'status', status: 503, count: 1, match: { method: 'POST', path: '/tickets$' } })
    const c = connect()
    await expect(
      c.createTicket({ customerId: String(account.customers[0]!.id), subject: 's', body: 'b', marker: '[m:1]' })
    ).rejects.toMatchObject({ code: 'unavailable' })
    expect(current().stats().byRoute['POST /:subdomain/api/v1/tickets']).toBe(1)
  })

  it('times out cleanly when Syncro does not answer', async () => {
    const { connect } = await start()
    current().faults.add({ kind: 'delay', delayMs: 1_500, match: { path: '/me$' } })
    const c = connect({ timeoutMs: 150, retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 50 } })
    await expect(c.verify()).rejects.toMatchObject({ code: 'timeout' })
  })

  it('a malformed body is a clean bad-response', async () => {
    const { connect } = await start()
    current().faults.add({ kind: 'malformed', match: { path: '/customers$' } })
    await expect(connect().listCustomers()).rejects.toMatchObject({ code: 'bad-response' })
  })

  it('a well-formed reply with a wrong field is a bad-response naming the field', async () => {
    const { connect } = await start()
    const s = customerWithSchedule(current())
    s.lines[0]!.quantity = 'lots'
    await expect(connect().listBillingTargets(String(s.customer_id))).rejects.toMatchObject({
      code: 'bad-response',
      message: expect.stringContaining('quantity')
    })
  })

  it('bad credentials are a clean auth error that never echoes the token', async () => {
    const { connect } = await start()
    const token = 'not-a-real-token-abc123'
    const err = await connect({ apiToken: token })
      .verify()
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      code: 'auth',
      message: 'Syncro rejected the API token.',
      hint: expect.stringContaining('Admin → API Tokens')
    })
    expect(JSON.stringify((err as { toJSON(): unknown }).toJSON())).not.toContain(token)
    expect(String((err as Error).stack)).not.toContain(token)
  })

  it('an unknown subdomain (HTML 404 on /me) says there is no such account', async () => {
    const { sim: s } = await start()
    const c = createSyncroConnector({
      subdomain: 'nosuchmsp',
      apiToken: SIM_TOKEN,
      urlTemplate: s.urlTemplate,
      ...FAST
    })
    await expect(c.verify()).rejects.toMatchObject({
      code: 'not-found',
      field: 'subdomain',
      message: expect.stringContaining('No Syncro account at nosuchmsp.syncromsp.com')
    })
  })

  it("maps a 422 (shape A) to a validation error with Syncro's words", async () => {
    const { connect, account } = await start()
    const c = connect()
    const ref = await c.createTicket({
      customerId: String(account.customers[0]!.id),
      subject: 's',
      body: 'b',
      marker: '[m:2]'
    })
    await expect(c.addTicketNote(ref.id, { title: 'x', body: '  ', internal: true })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining("Body can't be blank")
    })
  })

  it('refuses ids and subdomains that could redirect the request, before sending anything', async () => {
    const { connect, sim: s } = await start()
    const c = connect()
    await expect(c.getTicket('1/../../customers')).rejects.toMatchObject({ code: 'validation' })
    await expect(c.listAssets('1&customer_id=2')).rejects.toMatchObject({ code: 'validation' })
    expect(s.stats().total).toBe(0)
    for (const subdomain of ['evil.com/x', 'acme.syncromsp.com', '', 'a b']) {
      expect(() => createSyncroConnector({ subdomain, apiToken: SIM_TOKEN, urlTemplate: s.urlTemplate })).toThrow(
        expect.objectContaining({ code: 'validation' })
      )
    }
  })
})

describe('Syncro simulator auth (syncro.md §1)', () => {
  it('accepts Bearer, bare token and ?api_key=, and 401s without a valid one', async () => {
    const { sim: s } = await start()
    const me = `${s.baseUrl()}/me`
    expect((await fetch(me, { headers: { authorization: `Bearer ${SIM_TOKEN}` } })).status).toBe(200)
    expect((await fetch(me, { headers: { authorization: SIM_TOKEN } })).status).toBe(200)
    expect((await fetch(`${me}?api_key=${SIM_TOKEN}`)).status).toBe(200)
    const bad = await fetch(me, { headers: { authorization: 'Bearer nope' } })
    expect(bad.status).toBe(401)
    expect((await fetch(me)).status).toBe(401)
  })
})
