import { afterEach, describe, expect, it } from 'vitest'
import { companyNames, messyVariant, mulberry32 } from '../../sims/common'
import { seedSyncro, SIM_TOKEN, type SyncroSim } from '../../sims/syncro'
import { withSim } from './setup'

// The simulator itself: seeding convention, paging and envelopes, control routes, write routes.

let sim: SyncroSim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${sim!.baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${SIM_TOKEN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('Syncro simulator seeding', () => {
  it('is deterministic and follows the shared twin convention', () => {
    const a = seedSyncro({ seed: 3, size: 40 })
    expect(seedSyncro({ seed: 3, size: 40 })).toEqual(a)
    expect(seedSyncro({ seed: 4, size: 40 })).not.toEqual(a)

    const orgs = companyNames(3, 40)
    const twin = mulberry32(4)
    const expectedTwins: string[] = []
    for (const name of orgs) if (twin() < 0.85) expectedTwins.push(messyVariant(name, twin))
    const businesses = a.accounts.acme!.customers.filter((c) => c.business_name !== null).map((c) => c.business_name)
    expect(businesses.slice(0, expectedTwins.length)).toEqual(expectedTwins)
    expect(expectedTwins.length).toBeGreaterThan(40 * 0.6)
    expect(expectedTwins.length).toBeLessThan(40)
    // Customers with no org: names past the org list.
    const extra = companyNames(3, 44).slice(40)
    expect(businesses.slice(expectedTwins.length)).toEqual(extra)
  })

  it('seeds people, technicians, schedules with 1–3 known lines, and assets', () => {
    const acct = seedSyncro({ seed: 5, size: 200 }).accounts.acme!
    expect(acct.customers.some((c) => c.business_name === null && c.firstname && c.lastname)).toBe(true)
    expect(acct.users.length).toBeGreaterThanOrEqual(2)
    expect(acct.users.length).toBeLessThanOrEqual(4)
    const perCustomer = new Map<number, number>()
    for (const s of acct.schedules) perCustomer.set(s.customer_id, (perCustomer.get(s.customer_id) ?? 0) + 1)
    expect(Math.max(...perCustomer.values())).toBeLessThanOrEqual(2)
    expect(perCustomer.size).toBeLessThan(acct.customers.length) // some have none
    for (const s of acct.schedules) {
      expect(s.lines.length).toBeGreaterThanOrEqual(1)
      expect(s.lines.length).toBeLessThanOrEqual(3)
      for (const l of s.lines) {
        expect(['JumpCloud Users', 'JumpCloud Devices', 'Managed Services']).toContain(l.name)
        expect(l.quantity).toMatch(/^\d+\.0$/)
      }
    }
    expect(acct.assets.length).toBeGreaterThan(0)
  })
})

describe('Syncro simulator API', () => {
  it('pages customers with full meta, honours per_page, and answers an empty page past the end', async () => {
    ;({ sim } = await withSim({ size: 30 }))
    const n = sim.account().customers.length
    const p1 = await api('/customers?per_page=10&page=1')
    expect(p1.body.meta).toEqual({ total_pages: Math.ceil(n / 10), total_entries: n, per_page: 10, page: 1 })
    expect(p1.body.customers).toHaveLength(10)
    const past = await api(`/customers?per_page=10&page=${Math.ceil(n / 10) + 1}`)
    expect(past).toMatchObject({ status: 200, body: { customers: [] } })
    const tickets = await api('/tickets')
    expect(tickets.body.meta).toEqual({ total_pages: 1, page: 1 }) // tickets meta has no totals
    const users = await api('/users')
    expect(users.body.users).toEqual(sim.account().users.map((u) => [u.id, u.full_name]))
  })

  it('adds and removes schedule lines, deletes schedules, updates and deletes tickets', async () => {
    ;({ sim } = await withSim())
    const acct = sim.account()
    const s = acct.schedules[0]!
    const added = await api(`/schedules/${s.id}/add_line_item`, {
      method: 'POST',
      body: { name: 'Extra', quantity: 2.5, price_retail: 12.5 }
    })
    expect(added.body.schedule_line_item).toMatchObject({
      name: 'Extra',
      quantity: '2.5',
      retail_cents: 1250,
      price_retail: 12.5
    })
    const lineId = (added.body.schedule_line_item as { id: number }).id
    expect((await api(`/schedules/${s.id}/add_line_item`, { method: 'POST', body: {} })).body).toEqual({
      error: ["Name can't be blank"]
    })
    expect(
      (await api(`/schedules/${s.id}/remove_line_item`, { method: 'POST', body: { schedule_line_item_id: lineId } }))
        .status
    ).toBe(200)
    expect(s.lines.some((l) => l.id === lineId)).toBe(false)
    expect(
      (await api(`/schedules/${s.id}/remove_line_item`, { method: 'POST', body: { line_item_id: lineId } })).status
    ).toBe(404)
    expect((await api(`/schedules/${s.id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await api(`/schedules/${s.id}`)).toEqual({ status: 404, body: { message: 'Not found' } })

    const created = await api('/tickets', {
      method: 'POST',
      body: { customer_id: acct.customers[0]!.id, subject: 'x' }
    })
    const id = (created.body.ticket as { id: number }).id
    expect((await api('/tickets', { method: 'POST', body: { subject: 'no customer' } })).body).toEqual({
      error: 'Customer required field'
    })
    const resolved = await api(`/tickets/${id}`, { method: 'PUT', body: { status: 'Resolved' } })
    expect(resolved.body.ticket).toMatchObject({ status: 'Resolved', resolved_at: expect.any(String) })
    expect((await api('/tickets?status=Not%20Closed')).body.tickets).toEqual([])
    expect((await api(`/tickets/${id}`, { method: 'PUT', body: { subject: '' } })).body).toEqual({
      success: false,
      message: ["Subject can't be blank"]
    })
    expect((await api(`/tickets/${id}`, { method: 'DELETE' })).body).toEqual({
      message: 'Ticket was successfully deleted. '
    })
    expect((await api(`/tickets/${id}`)).status).toBe(404)
  })

  it('exposes state and re-seeds through /__sim/', async () => {
    ;({ sim } = await withSim({ size: 10 }))
    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as {
      accounts: Record<string, { customers: unknown[] }>
    }
    expect(state.accounts.acme!.customers).toHaveLength(sim.account().customers.length)
    const res = await fetch(`${sim.url}/__sim/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 9, size: 50, subdomain: 'other' })
    })
    expect(await res.json()).toEqual({ accounts: ['other'] })
    expect(sim.account('other').customers.length).toBe(
      seedSyncro({ seed: 9, size: 50, subdomain: 'other' }).accounts.other!.customers.length
    )
    expect(
      (await fetch(`${sim.url}/acme/api/v1/me`, { headers: { authorization: `Bearer ${SIM_TOKEN}` } })).status
    ).toBe(404)
  })
})
