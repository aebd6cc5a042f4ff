import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHttpClient } from '../../../src/main/connectors/http'
import { SlidingWindowLimiter } from '../../sims/common/limiters'
import { json, startTestServer, type TestServer } from './test-server'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('rate limit', () => {
  it('never starts more than `limit` requests in any rolling window', async () => {
    server = await startTestServer((_req, res) => json(res, 200, {}))
    const limit = 3
    const intervalMs = 300
    const started: number[] = []
    const client = createHttpClient({
      name: 'Syncro',
      baseURL: server.url,
      rateLimit: { limit, intervalMs },
      onRequest: () => started.push(performance.now())
    })
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.request({ method: 'GET', url: `/c/${i}`, schema: z.unknown() }))
    )
    const arrived = server.arrivals.map((a) => a.at).sort((a, b) => a - b)
    expect(arrived).toHaveLength(10)
    expect(started).toHaveLength(10)
    // Client side: request i and i+limit start a full window apart (2 ms for timer rounding).
    for (let i = 0; i + limit < started.length; i++)
      expect((started[i + limit] as number) - (started[i] as number)).toBeGreaterThanOrEqual(intervalMs - 2)
    // Server side, in this same process, arrival times carry event-loop delay (seen 38 ms instead of 300 on two
    // busy cores), so only the overall span is checked there: 10 requests at 3 per 300 ms span at least two
    // full windows even with that jitter; an unthrottled client arrives within a few ms.
    expect((arrived[9] as number) - (arrived[0] as number)).toBeGreaterThanOrEqual(2 * intervalMs)
  })
})

describe('at the rate limit', () => {
  it('says so while a request waits for the window, and not before or after', async () => {
    server = await startTestServer((_req, res) => json(res, 200, {}))
    const client = createHttpClient({
      name: 'JumpCloud',
      baseURL: server.url,
      rateLimit: { limit: 2, intervalMs: 60_000 }
    })
    const get = (i: number, signal?: AbortSignal) =>
      client.request({ method: 'GET', url: `/w/${i}`, schema: z.unknown(), signal })
    await Promise.all([get(0), get(1)])
    expect(client.atRateLimit()).toBe(false) // the window is spent, but nothing waits for it
    const stop = new AbortController()
    const third = get(2, stop.signal)
    await vi.waitFor(() => expect(client.atRateLimit()).toBe(true))
    stop.abort()
    await expect(third).rejects.toMatchObject({ code: 'cancelled' })
    expect(client.atRateLimit()).toBe(false)
    expect(server.arrivals).toHaveLength(2)
  })
})

describe('rate limit counted by replies', () => {
  it('a server counting a request when it arrives, however late, never sees more than `limit` in its window', async () => {
    const limit = 4
    const windowMs = 150
    const counter = new SlidingWindowLimiter(limit, windowMs)
    let rejected = 0
    // The first four of every eight requests reach the server's counter 60 ms after it got them (network, a busy
    // event loop), the others at once: a client that frees a slot a window after it *started* a request lets the
    // next four arrive inside the window of the late ones.
    server = await startTestServer((_req, res, _arrival, i) => {
      setTimeout(
        () => {
          const verdict = counter.hit('all')
          if (!verdict.ok) rejected++
          json(res, verdict.ok ? 200 : 429, {})
        },
        i % 8 < 4 ? 60 : 0
      )
    })
    const client = createHttpClient({
      name: 'Syncro',
      baseURL: server.url,
      rateLimit: { limit, intervalMs: windowMs },
      retry: { retries: 0 }
    })
    const replies = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) => client.request({ method: 'GET', url: `/r/${i}`, schema: z.unknown() }))
    )
    expect(rejected).toBe(0)
    expect(replies.filter((r) => r.status === 'fulfilled')).toHaveLength(16)
  })
})

describe('per-key concurrency', () => {
  it('keeps at most `max` requests in flight per key, keys independent', async () => {
    const inFlight = new Map<string, number>()
    const maxSeen = new Map<string, number>()
    let totalInFlight = 0
    let maxTotal = 0
    server = await startTestServer((req, res) => {
      const key = (req.url ?? '').split('/')[2] ?? ''
      const n = (inFlight.get(key) ?? 0) + 1
      inFlight.set(key, n)
      maxSeen.set(key, Math.max(maxSeen.get(key) ?? 0, n))
      maxTotal = Math.max(maxTotal, ++totalInFlight)
      // Simulated server latency so requests overlap.
      setTimeout(() => {
        inFlight.set(key, (inFlight.get(key) ?? 1) - 1)
        totalInFlight--
        json(res, 200, {})
      }, 30)
    })
    const client = createHttpClient({
      name: 'Autotask',
      baseURL: server.url,
      concurrency: { max: 3, key: (r) => r.url.split('/')[2] ?? '' }
    })
    const urls = Array.from({ length: 24 }, (_, i) => `/V1.0/${i % 2 ? 'Tickets' : 'Companies'}/${i}`)
    await Promise.all(urls.map((url) => client.request({ method: 'GET', url, schema: z.unknown() })))
    expect(server.arrivals).toHaveLength(24)
    expect(Object.fromEntries(maxSeen)).toEqual({ Tickets: 3, Companies: 3 })
    expect(maxTotal).toBeGreaterThan(3)
  })
})

describe('request shape', () => {
  it('sends a string[] header as repeated header lines', async () => {
    server = await startTestServer((_req, res) => json(res, 200, {}))
    const client = createHttpClient({ name: 'JumpCloud', baseURL: server.url, headers: { 'x-api-key': 'k' } })
    await client.request({
      method: 'POST',
      url: '/insights/directory/v1/events',
      data: {},
      headers: { 'x-org-id': ['a', 'b'] },
      schema: z.unknown()
    })
    expect(server.arrivals[0]?.headersDistinct['x-org-id']).toEqual(['a', 'b'])
    expect(server.arrivals[0]?.headers['x-api-key']).toBe('k')
  })

  it('serialises array params as the key repeated and drops undefined', async () => {
    server = await startTestServer((_req, res) => json(res, 200, {}))
    const client = createHttpClient({ name: 'JumpCloud', baseURL: `${server.url}/api` })
    await client.request({
      method: 'GET',
      url: '/systemusers',
      params: { filter: ['state:eq:ACTIVATED', 'suspended:eq:false'], limit: 100, skip: undefined, q: 'a&b' },
      schema: z.unknown()
    })
    expect(server.arrivals[0]?.url).toBe(
      '/api/systemusers?filter=state%3Aeq%3AACTIVATED&filter=suspended%3Aeq%3Afalse&limit=100&q=a%26b'
    )
  })

  it('sends JSON bodies and reports response headers lower-cased', async () => {
    server = await startTestServer((_req, res) => json(res, 201, { id: 7 }, { 'X-Total-Count': '42' }))
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url })
    const res = await client.request({
      method: 'POST',
      url: '/customers',
      data: { name: 'Café Olé' },
      schema: z.object({ id: z.number() })
    })
    expect(res).toMatchObject({ status: 201, data: { id: 7 } })
    expect(res.headers['x-total-count']).toBe('42')
    expect(JSON.parse(server.arrivals[0]?.body ?? '')).toEqual({ name: 'Café Olé' })
    expect(server.arrivals[0]?.headers['content-type']).toContain('application/json')
  })
})
