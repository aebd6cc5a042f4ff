import { afterEach, describe, expect, it } from 'vitest'
import { startSaasAlertsSim, type SaasAlertsSim } from '../../sims/saasalerts'

// The simulator itself: what the connector does not exercise (scroll, count, errors, control API).

const sims: SaasAlertsSim[] = []
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

async function start(orgs = 3): Promise<SaasAlertsSim> {
  const sim = await startSaasAlertsSim({ seed: 2, orgs })
  sims.push(sim)
  return sim
}

async function get(sim: SaasAlertsSim, path: string, init: RequestInit = {}) {
  const res = await fetch(`${sim.baseUrl}${path}`, {
    ...init,
    headers: { api_key: sim.apiKey, 'content-type': 'application/json', ...init.headers }
  })
  return { status: res.status, body: (await res.json()) as unknown }
}

describe('SaaS Alerts simulator', () => {
  it('answers 401 when the key is not in the api_key header', async () => {
    const sim = await start()
    const res = await fetch(`${sim.baseUrl}/customers`, { headers: { 'x-api-key': sim.apiKey } })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ message: 'Unauthorized: invalid API key' })
  })

  it('pages a scroll cursor to the end and counts with the same filters', async () => {
    const sim = await start()
    const c = sim.state.customers[0]!
    sim.state.events.length = 0
    sim.control.addEvents(
      Array.from({ length: 25 }, (_, i) => ({
        customerId: c.customerId,
        eventType: i % 5 ? 'login.failure' : 'mfa.disable',
        timestamp: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()
      }))
    )
    const first = (await get(sim, `/reports/events?customerId=${c.customerId}&scroll=true&size=10&timeSort=asc`))
      .body as { scrollId: string; events: unknown[] }
    const seen = [...first.events]
    for (;;) {
      const next = (
        await get(sim, '/reports/events/scroll', { method: 'POST', body: JSON.stringify({ scrollId: first.scrollId }) })
      ).body as { events: unknown[] }
      if (next.events.length === 0) break
      seen.push(...next.events)
    }
    expect(seen).toHaveLength(25)
    expect((await get(sim, '/reports/events/count?eventType=mfa.disable&alertStatus=critical')).body).toEqual({
      count: 5
    })
  })

  it('refuses a result window past 10,000, bad severities and bad billing dates like a search index would', async () => {
    const sim = await start()
    expect((await get(sim, '/reports/events?from=9900&size=200')).status).toBe(400)
    expect((await get(sim, '/reports/events?alertStatus=high')).status).toBe(400)
    expect((await get(sim, '/reports/billing-details?billingDate=2026-13')).status).toBe(400)
    expect((await get(sim, '/reports/billing-details?billingDate=1999-01-01')).body).toEqual([])
  })

  it('takes events, billable users and a reseed through /__sim/', async () => {
    const sim = await start()
    const id = sim.state.customers[1]!.customerId
    const post = (name: string, body: unknown) =>
      fetch(`${sim.url}/__sim/${name}`, { method: 'POST', body: JSON.stringify(body) })
    const ev = await post('events', { customerId: id, eventType: 'impossible.travel', user: 'x@y.example.com' })
    expect(ev.status).toBe(201)
    const added = sim.state.events.at(-1)!
    expect(added).toMatchObject({ customerId: id, alertStatus: 'critical', userId: 'x@y.example.com' })
    expect((await post('events', { customerId: 'nope', eventType: 'x' })).status).toBe(400)
    expect((await post('billing', { billingDate: '2026-04-05', users: { [id]: 17 } })).status).toBe(200)
    expect((await get(sim, '/reports/billing-details?billingDate=2026-04-05')).body).toEqual([
      expect.objectContaining({ customerId: id, billableUsers: 17 })
    ])
    const reseeded = (await (await post('seed', { orgs: 5 })).json()) as { customers: unknown[] }
    expect(reseeded.customers).toHaveLength(5)
    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { customers: unknown[] }
    expect(state.customers).toHaveLength(5)
  })
})
