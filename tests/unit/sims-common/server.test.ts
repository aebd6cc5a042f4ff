import { afterEach, describe, expect, it } from 'vitest'
import { Router, startSimServer, type SimServer, type SimServerOptions } from '../../sims/common'

let sim: SimServer | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

/** A tiny vendor: a counter that POST increments, so we can tell whether a handler ran. */
async function start(extra: Partial<SimServerOptions> = {}): Promise<{ sim: SimServer; state: { count: number } }> {
  const state = { count: 0 }
  const router = new Router()
    .add('GET', '/api/items/:id', (req) => ({ status: 200, body: { id: req.params.id, q: req.query.get('q') } }))
    .add('POST', '/api/items', (req) => {
      state.count++
      return { status: 201, body: { created: req.body } }
    })
    .add('GET', '/api/echo', (req) => ({
      status: 200,
      body: { orgs: req.headersDistinct['x-org-id'] ?? [], raw: req.rawBody }
    }))
  sim = await startSimServer({ name: 'Test', router, seed: 42, ...extra })
  return { sim, state }
}

const get = (s: SimServer, path: string, init?: RequestInit) => fetch(`${s.url}${path}`, init)
const post = (s: SimServer, path: string, body: unknown) =>
  fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })

describe('startSimServer', () => {
  it('serves routes on 127.0.0.1 with params, query, parsed body and repeated headers', async () => {
    const { sim } = await start()
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`)
    expect(await (await get(sim, '/api/items/9?q=x')).json()).toEqual({ id: '9', q: 'x' })
    const created = await post(sim, '/api/items', { name: 'Café' })
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({ created: { name: 'Café' } })
    const h = new Headers()
    h.append('x-org-id', 'A')
    h.append('x-org-id', 'B')
    // fetch folds repeated headers into one line; the base must still split what node received.
    const echo = (await (await get(sim, '/api/echo', { headers: h })).json()) as { orgs: string[] }
    expect(echo.orgs.join(',').replace(/\s/g, '')).toBe('A,B')
    expect((await get(sim, '/nope')).status).toBe(404)
  })

  it('counts requests by route pattern, writes, 429s and no-route requests', async () => {
    const { sim } = await start({
      before: (req) =>
        req.query.get('limited') ? { status: 429, body: {}, headers: { 'retry-after': '1' } } : undefined
    })
    await get(sim, '/api/items/1')
    await get(sim, '/api/items/2')
    await post(sim, '/api/items', {})
    await get(sim, '/api/items/3?limited=1')
    await get(sim, '/missing')
    expect(sim.stats()).toEqual({
      total: 5,
      byRoute: { 'GET /api/items/:id': 3, 'POST /api/items': 1, 'GET (no route)': 1 },
      writes: 1,
      rejected429: 1,
      maxInFlight: {}
    })
    sim.resetStats()
    expect(sim.stats().total).toBe(0)
  })

  it('tracks the highest in-flight count per key and lets `before` see it', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let arrived = 0
    let allArrived!: () => void
    const three = new Promise<void>((r) => (allArrived = r))
    const router = new Router().add('GET', '/slow/:k', async () => {
      if (++arrived === 3) allArrived()
      await gate
      return { status: 200, body: {} }
    })
    sim = await startSimServer({
      name: 'T',
      router,
      inFlightKey: (req) => req.params.k,
      before: (req, ctx) =>
        ctx.inFlight(req.params.k ?? '') >= 2 ? { status: 429, body: { errors: ['thread threshold'] } } : undefined
    })
    const s = sim
    const replies = [get(s, '/slow/a'), get(s, '/slow/a'), get(s, '/slow/b')]
    await three
    const rejected = await get(s, '/slow/a')
    expect(rejected.status).toBe(429)
    release()
    expect((await Promise.all(replies)).map((r) => r.status)).toEqual([200, 200, 200])
    expect(s.stats().maxInFlight).toEqual({ a: 2, b: 1 })
    expect(s.stats().rejected429).toBe(1)
  })

  it('answers control routes without counting, faulting or calling before', async () => {
    let beforeCalls = 0
    const { sim } = await start({
      before: () => {
        beforeCalls++
        return { status: 401, body: { error: 'no auth' } }
      },
      control: {
        'GET state': () => ({ status: 200, body: { hello: 'state' } }),
        'POST items/:id/touch': (req) => ({ status: 200, body: req.params })
      }
    })
    sim.faults.add({ kind: 'status', status: 500 })
    expect(await (await get(sim, '/__sim/state')).json()).toEqual({ hello: 'state' })
    expect(await (await post(sim, '/__sim/items/5/touch', {})).json()).toEqual({ id: '5' })
    const clock = await post(sim, '/__sim/clock', { now: '2025-01-31T23:59:00Z' })
    expect(await clock.json()).toEqual({ now: '2025-01-31T23:59:00.000Z' })
    const advanced = await post(sim, '/__sim/clock', { advanceMs: 120_000 })
    expect(await advanced.json()).toEqual({ now: '2025-02-01T00:01:00.000Z' })
    expect(sim.clock.now().toISOString()).toBe('2025-02-01T00:01:00.000Z')
    expect((await post(sim, '/__sim/clock', { when: 'now' })).status).toBe(400)
    expect((await get(sim, '/__sim/unknown')).status).toBe(404)
    expect(((await (await get(sim, '/__sim/stats')).json()) as { total: number }).total).toBe(0)
    expect(beforeCalls).toBe(0)
    // The fault still applies to normal routes (status wins before `before`).
    expect((await get(sim, '/api/items/1')).status).toBe(500)
  })

  it('manages faults and stats over the control API', async () => {
    const { sim } = await start()
    expect(
      (await post(sim, '/__sim/faults', { kind: 'status', status: 503, count: 1, match: { path: '^/api/items/' } }))
        .status
    ).toBe(204)
    expect((await get(sim, '/api/items/1')).status).toBe(503)
    expect((await get(sim, '/api/items/1')).status).toBe(200)
    expect((await post(sim, '/__sim/faults', { kind: 'explode' })).status).toBe(400)
    await post(sim, '/__sim/faults', { kind: 'status', status: 502 })
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(204)
    expect((await get(sim, '/api/items/1')).status).toBe(200)
    expect(((await (await get(sim, '/__sim/stats')).json()) as { total: number }).total).toBe(3)
    expect((await post(sim, '/__sim/stats/reset', {})).status).toBe(204)
    expect(sim.stats().total).toBe(0)
  })

  it('turns a throwing handler into a 500 instead of crashing', async () => {
    const router = new Router().add('GET', '/boom', () => {
      throw new Error('kaput')
    })
    sim = await startSimServer({ name: 'T', router })
    const res = await get(sim, '/boom')
    expect(res.status).toBe(500)
    expect(JSON.stringify(await res.json())).toContain('kaput')
  })
})
