import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpClient } from '../../../src/main/connectors/http'
import { isAutotaskRetryable, mapAutotaskError } from '../../../src/main/connectors/autotask/errors'
import { AppError } from '../../../src/shared/errors'
import { json, startTestServer, type TestServer } from './test-server'

// A PSA or JumpCloud endpoint that is broken, compromised or impersonated must produce a clear AppError,
// never exhaust memory or escape as a RangeError.

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected the request to fail')
}

const MB = 1024 * 1024
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

describe('reply size cap', () => {
  it('refuses a body over maxResponseBytes (no Content-Length, streamed) with bad-response and does not retry it', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      for (let i = 0; i < 40; i++) res.write(chunk) // 2.5 MB of whitespace
      res.end('{}')
    })
    const client = createHttpClient({
      name: 'Syncro',
      baseURL: server.url,
      maxResponseBytes: 1 * MB,
      retry: { retries: 3, baseDelayMs: 1 }
    })
    const err = await rejection(client.request({ method: 'GET', url: '/customers', schema: z.unknown() }))
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('bad-response')
    expect((err as AppError).message).toBe('Syncro sent a reply larger than 1 MB; it was not read.')
    expect(server.arrivals).toHaveLength(1)
  })

  it('caps the decompressed size, so a small gzip bomb is refused too', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * MB, 0x20))
    expect(bomb.length).toBeLessThan(64 * 1024)
    server = await startTestServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length)
      })
      res.end(bomb)
    })
    const client = createHttpClient({
      name: 'JumpCloud',
      baseURL: server.url,
      maxResponseBytes: 1 * MB,
      retry: { retries: 0 }
    })
    const err = await rejection(client.request({ method: 'GET', url: '/organizations', schema: z.unknown() }))
    expect((err as AppError).code).toBe('bad-response')
  })

  it('applies to error bodies as well', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(Buffer.alloc(2 * MB, 0x41))
    })
    const client = createHttpClient({
      name: 'Autotask',
      baseURL: server.url,
      maxResponseBytes: 1 * MB,
      retry: { retries: 0 }
    })
    const err = await rejection(client.request({ method: 'GET', url: '/Companies', schema: z.unknown() }))
    expect((err as AppError).code).toBe('bad-response')
  })

  it('reads a reply just under the cap normally', async () => {
    const body = { name: 'x'.repeat(MB - 100) }
    server = await startTestServer((_req, res) => json(res, 200, body))
    const client = createHttpClient({
      name: 'Syncro',
      baseURL: server.url,
      maxResponseBytes: 1 * MB,
      retry: { retries: 0 }
    })
    const res = await client.request({ method: 'GET', url: '/customers', schema: z.object({ name: z.string() }) })
    expect(res.data.name).toHaveLength(MB - 100)
  })

  it('has a finite default cap', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(MB, 0x20)
      for (let i = 0; i < 40; i++) res.write(chunk)
      res.end('{}')
    })
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: { retries: 0 } })
    const err = await rejection(client.request({ method: 'GET', url: '/customers', schema: z.unknown() }))
    expect((err as AppError).code).toBe('bad-response')
    expect((err as AppError).message).toBe('Syncro sent a reply larger than 32 MB; it was not read.')
  })
})

describe('deeply nested error bodies', () => {
  it('a 400 whose errors are nested 10,000 deep still maps to a clear validation error', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(`{"errors":[${deep(10_000)}]}`)
    })
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: { retries: 0 } })
    const err = await rejection(client.request({ method: 'POST', url: '/tickets', data: {}, schema: z.unknown() }))
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('validation')
    expect(
      (err as AppError).message.startsWith('Syncro rejected POST /tickets as invalid (HTTP 400): {"errors":[[[')
    ).toBe(true)
  })

  it('the Autotask mapper and retry veto (which read every error string) survive the same body on a 500', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(`{"errors":[{"message":${deep(10_000)}}]}`)
    })
    const client = createHttpClient({
      name: 'Autotask',
      baseURL: server.url,
      retry: { retries: 2, baseDelayMs: 1 },
      mapError: (ctx) => mapAutotaskError(ctx, 'api@example.com'),
      isRetryable: isAutotaskRetryable
    })
    const err = await rejection(client.request({ method: 'GET', url: '/Companies/1', schema: z.unknown() }))
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).not.toBe('internal')
  })

  it('keeps an ordinarily nested error body as parsed JSON', async () => {
    server = await startTestServer((_req, res) => json(res, 422, { errors: { name: ['is taken'] } }))
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: { retries: 0 } })
    const err = await rejection(client.request({ method: 'POST', url: '/customers', data: {}, schema: z.unknown() }))
    expect((err as AppError).message).toBe('Syncro rejected POST /customers as invalid (HTTP 422): name is taken.')
  })
})
