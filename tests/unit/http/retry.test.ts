import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpClient } from '../../../src/main/connectors/http'
import type { AppError } from '../../../src/shared/errors'
import { json, refusedPort, startTestServer, type TestServer } from './test-server'

const Ok = z.object({ ok: z.boolean() })
let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

// Tiny base delay keeps retries fast; the jitter source is fixed so timings are reproducible.
const fast = { retries: 3, baseDelayMs: 5, maxDelayMs: 5_000 }

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected the request to fail')
}

describe('retries', () => {
  it('retries a GET on 503 and then succeeds', async () => {
    server = await startTestServer((_req, res, _a, i) =>
      i < 2 ? json(res, 503, { error: 'busy' }) : json(res, 200, { ok: true })
    )
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: fast, random: () => 0.5 })
    const res = await client.request({ method: 'GET', url: '/customers', schema: Ok })
    expect(res.data).toEqual({ ok: true })
    expect(server.arrivals).toHaveLength(3)
    expect(client.stats()).toEqual({ requests: 3, retries: 2, rateLimited: 0 })
  })

  it('gives up after the configured retries with unavailable', async () => {
    server = await startTestServer((_req, res) => json(res, 503, { error: 'busy' }))
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: fast })
    const err = await rejection(client.request({ method: 'GET', url: '/customers', schema: Ok }))
    expect(err.code).toBe('unavailable')
    expect(err.message).toContain('after 4 attempts')
    expect(server.arrivals).toHaveLength(4)
  })

  it('honours Retry-After on 429 and pauses the whole client meanwhile', async () => {
    server = await startTestServer((_req, res, _a, i) =>
      i === 0 ? json(res, 429, { error: 'slow down' }, { 'retry-after': '1' }) : json(res, 200, { ok: true })
    )
    // One slot: the second call waits behind the first, so it is queued when the 429 arrives.
    const client = createHttpClient({
      name: 'Syncro',
      baseURL: server.url,
      retry: fast,
      concurrency: { max: 1, key: () => 'all' }
    })
    const results = await Promise.all([
      client.request({ method: 'GET', url: '/a', schema: Ok }),
      client.request({ method: 'GET', url: '/b', schema: Ok })
    ])
    expect(results.map((r) => r.data.ok)).toEqual([true, true])
    const [first, ...later] = server.arrivals
    expect(first?.url).toBe('/a')
    expect(later).toHaveLength(2)
    for (const a of later) expect(a.at - (first?.at ?? 0)).toBeGreaterThanOrEqual(995)
    expect(client.stats()).toEqual({ requests: 3, retries: 1, rateLimited: 1 })
  })

  it('caps a long Retry-After at maxDelayMs', async () => {
    server = await startTestServer((_req, res, _a, i) =>
      i === 0 ? json(res, 503, {}, { 'retry-after': '3600' }) : json(res, 200, { ok: true })
    )
    const client = createHttpClient({ name: 'JumpCloud', baseURL: server.url, retry: { retries: 1, maxDelayMs: 50 } })
    await client.request({ method: 'GET', url: '/x', schema: Ok })
    const [a, b] = server.arrivals
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(45)
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeLessThan(3_000)
  })

  it('does not retry a POST on 500 (the write may have happened)', async () => {
    server = await startTestServer((_req, res) => json(res, 500, { error: 'boom' }))
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: fast })
    const err = await rejection(client.request({ method: 'POST', url: '/tickets', data: { subject: 'x' }, schema: Ok }))
    expect(err.code).toBe('unavailable')
    expect(server.arrivals).toHaveLength(1)
    expect(client.stats().retries).toBe(0)
  })

  it('does not retry a POST whose connection was reset after sending', async () => {
    server = await startTestServer((req) => req.socket.destroy())
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: fast })
    const err = await rejection(client.request({ method: 'POST', url: '/tickets', data: {}, schema: Ok }))
    expect(err.code).toBe('unavailable')
    expect(server.arrivals).toHaveLength(1)
  })

  it('retries a GET whose connection was reset', async () => {
    server = await startTestServer((req, res, _a, i) => (i === 0 ? req.socket.destroy() : json(res, 200, { ok: true })))
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: fast })
    await client.request({ method: 'GET', url: '/customers', schema: Ok })
    expect(server.arrivals).toHaveLength(2)
  })

  it('retries a POST on 429 (certainly not processed)', async () => {
    server = await startTestServer((_req, res, _a, i) =>
      i === 0 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 201, { ok: true })
    )
    const client = createHttpClient({ name: 'Autotask', baseURL: server.url, retry: fast })
    const res = await client.request({ method: 'POST', url: '/Tickets', data: { title: 't' }, schema: Ok })
    expect(res.status).toBe(201)
    expect(server.arrivals.map((a) => a.body)).toEqual(['{"title":"t"}', '{"title":"t"}'])
  })

  it('retries a POST when the connection is refused, then reports unavailable', async () => {
    const port = await refusedPort()
    const sent: string[] = []
    const client = createHttpClient({
      name: 'Syncro',
      baseURL: `http://127.0.0.1:${port}`,
      retry: { retries: 2, baseDelayMs: 1 },
      onRequest: (r) => sent.push(`${r.method} ${r.url}`)
    })
    const err = await rejection(client.request({ method: 'POST', url: '/tickets', data: {}, schema: Ok }))
    expect(err.code).toBe('unavailable')
    expect(err.message).toMatch(/refused/)
    expect(sent).toEqual(['POST /tickets', 'POST /tickets', 'POST /tickets'])
  })

  it('lets the vendor declare a 500 final (Autotask business rule)', async () => {
    server = await startTestServer((_req, res) => json(res, 500, { errors: ['Cannot delete a posted item.'] }))
    const client = createHttpClient({
      name: 'Autotask',
      baseURL: server.url,
      retry: fast,
      isRetryable: (ctx) => (ctx.status === 500 ? false : undefined)
    })
    const err = await rejection(client.request({ method: 'GET', url: '/V1.0/Companies/1', schema: Ok }))
    expect(server.arrivals).toHaveLength(1)
    expect(err.message).toContain('Cannot delete a posted item.')
  })

  it('a vendor override cannot make a POST retry on 5xx', async () => {
    server = await startTestServer((_req, res) => json(res, 502, {}))
    const client = createHttpClient({ name: 'X', baseURL: server.url, retry: fast, isRetryable: () => true })
    await rejection(client.request({ method: 'POST', url: '/t', data: {}, schema: Ok }))
    expect(server.arrivals).toHaveLength(1)
  })

  it('an explicitly idempotent POST (a search) is retried on 503', async () => {
    server = await startTestServer((_req, res, _a, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, { ok: true })))
    const client = createHttpClient({ name: 'JumpCloud', baseURL: server.url, retry: fast })
    await client.request({
      method: 'POST',
      url: '/insights/directory/v1/events',
      data: {},
      idempotent: true,
      schema: Ok
    })
    expect(server.arrivals).toHaveLength(2)
  })

  it('stops at once when aborted', async () => {
    server = await startTestServer(() => undefined) // never answers
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: fast })
    const ac = new AbortController()
    const p = client.request({ method: 'GET', url: '/slow', schema: Ok, signal: ac.signal })
    ac.abort()
    const err = await rejection(p)
    expect(err.code).toBe('cancelled')
  })
})
