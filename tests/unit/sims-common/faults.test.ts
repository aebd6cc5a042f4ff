import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { Router, startSimServer, type SimServer } from '../../sims/common'

const servers: SimServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function start(seed = 7): Promise<{ sim: SimServer; state: { writes: number } }> {
  const state = { writes: 0 }
  const router = new Router()
    .add('GET', '/things', () => ({ status: 200, body: { ok: true } }))
    .add('POST', '/things', () => {
      state.writes++
      return { status: 201, body: { id: state.writes } }
    })
  const sim = await startSimServer({ name: 'T', router, seed })
  servers.push(sim)
  return { sim, state }
}

const get = (s: SimServer, path = '/things') => fetch(`${s.url}${path}`)
const post = (s: SimServer) => fetch(`${s.url}/things`, { method: 'POST', body: '{}' })

describe('faults', () => {
  it('status: replies the status with Retry-After for the next `count` requests, handler not run', async () => {
    const { sim, state } = await start()
    sim.faults.add({ kind: 'status', status: 429, retryAfter: 2, count: 2, body: { errors: ['slow down'] } })
    const a = await post(sim)
    expect(a.status).toBe(429)
    expect(a.headers.get('retry-after')).toBe('2')
    expect(await a.json()).toEqual({ errors: ['slow down'] })
    expect((await post(sim)).status).toBe(429)
    expect((await post(sim)).status).toBe(201)
    expect(state.writes).toBe(1)
    expect(sim.stats().rejected429).toBe(2)
    expect(sim.faults.fired()).toEqual({ '429+retry-after': 2 })
  })

  it('counts the faults that fired by kind and tells each arriving request to a listener', async () => {
    const { sim } = await start()
    const seen: string[] = []
    const off = sim.onRequest((method, path) => seen.push(`${method} ${path}`))
    sim.faults.add({ kind: 'reset', count: 1 })
    sim.faults.add({ kind: 'status', status: 502, count: 1 })
    await get(sim).catch(() => undefined)
    expect((await post(sim)).status).toBe(502)
    off()
    await get(sim)
    expect(seen).toEqual(['GET /things', 'POST /things'])
    expect(sim.faults.fired()).toEqual({ reset: 1, '502': 1 })
  })

  it('match narrows a fault by method and path regex', async () => {
    const { sim } = await start()
    sim.faults.add({ kind: 'status', status: 500, match: { method: 'post', path: '^/things$' } })
    expect((await get(sim)).status).toBe(200)
    expect((await post(sim)).status).toBe(500)
  })

  it('rate fires on about that share of requests, identically for the same seed', async () => {
    const pattern = async (seed: number): Promise<string> => {
      const { sim } = await start(seed)
      sim.faults.add({ kind: 'status', status: 503, rate: 0.3 })
      let out = ''
      for (let i = 0; i < 60; i++) out += (await get(sim)).status === 503 ? 'x' : '.'
      return out
    }
    const [a, b, c] = [await pattern(1), await pattern(1), await pattern(2)]
    expect(a).toBe(b)
    expect(a).not.toBe(c)
    const hits = [...a].filter((ch) => ch === 'x').length
    expect(hits).toBeGreaterThan(6)
    expect(hits).toBeLessThan(30)
  })

  it('reset: the connection drops before the handler runs', async () => {
    const { sim, state } = await start()
    sim.faults.add({ kind: 'reset', count: 1 })
    await expect(post(sim)).rejects.toThrow()
    expect(state.writes).toBe(0)
    expect((await post(sim)).status).toBe(201)
  })

  it('drop-reply: the handler runs (state changes) but the client sees a dropped connection', async () => {
    const { sim, state } = await start()
    sim.faults.add({ kind: 'drop-reply', count: 1 })
    await expect(post(sim)).rejects.toThrow()
    expect(state.writes).toBe(1)
    expect(sim.stats().writes).toBe(1)
  })

  it('malformed: 200 with a body that is not JSON', async () => {
    const { sim } = await start()
    sim.faults.add({ kind: 'malformed', count: 1 })
    const res = await get(sim)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(() => JSON.parse(text)).toThrow()
  })

  it('delay: the reply comes at least delayMs later and is otherwise normal', async () => {
    const { sim } = await start()
    sim.faults.add({ kind: 'delay', delayMs: 150, count: 1 })
    const t0 = performance.now()
    const res = await get(sim)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('clear removes every fault', async () => {
    const { sim } = await start()
    sim.faults.add({ kind: 'status', status: 500 })
    sim.faults.clear()
    expect((await get(sim)).status).toBe(200)
  })

  it('rejects an invalid fault spec', async () => {
    const { sim } = await start()
    expect(() => sim.faults.add({ kind: 'status', rate: 2 })).toThrow()
  })
})
