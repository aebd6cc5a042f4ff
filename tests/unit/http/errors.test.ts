import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpClient, mapHttpError } from '../../../src/main/connectors/http'
import { AppError } from '../../../src/shared/errors'
import { json, startTestServer, type TestServer } from './test-server'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const noRetry = { retries: 0 }

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected the request to fail')
}

describe('error mapping', () => {
  it('maps a request that gets no answer to timeout, naming the service and the wait', async () => {
    server = await startTestServer(() => undefined) // holds the request until close()
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, timeoutMs: 200, retry: noRetry })
    const err = await rejection(client.request({ method: 'GET', url: '/customers', schema: z.unknown() }))
    expect(err.code).toBe('timeout')
    expect(err.message).toBe('Syncro did not answer within 0.2 s.')
    expect(err.hint).toBeTruthy()
  })

  it('maps malformed JSON to bad-response', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"customers": [')
    })
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: noRetry })
    const err = await rejection(client.request({ method: 'GET', url: '/customers', schema: z.unknown() }))
    expect(err.code).toBe('bad-response')
    expect(err.message).toBe('Syncro sent an unexpected reply: the reply to GET /customers is not JSON.')
  })

  it('names the offending field path when the reply does not match the schema', async () => {
    server = await startTestServer((_req, res) =>
      json(res, 200, { customers: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: '4' }] })
    )
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url, retry: noRetry })
    const schema = z.object({ customers: z.array(z.object({ id: z.number() })) })
    const err = await rejection(client.request({ method: 'GET', url: '/customers', schema }))
    expect(err.code).toBe('bad-response')
    expect(err.message).toBe('Syncro sent an unexpected reply: customers.3.id expected number, received string')
  })

  it('validates an empty body as undefined (204)', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(204)
      res.end()
    })
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url })
    const res = await client.request({ method: 'DELETE', url: '/x/1', schema: z.undefined() })
    expect(res.status).toBe(204)
    expect(res.data).toBeUndefined()
  })

  it.each([
    [401, 'auth'],
    [403, 'permission'],
    [404, 'not-found'],
    [400, 'validation'],
    [409, 'validation'],
    [422, 'validation'],
    [429, 'rate-limited'],
    [500, 'unavailable'],
    [503, 'unavailable'],
    [302, 'bad-response']
  ] as const)('maps HTTP %i to %s without leaking secrets', async (status, code) => {
    server = await startTestServer((_req, res) =>
      json(res, status, { message: 'nope' }, status === 302 ? { location: 'http://elsewhere.example/' } : {})
    )
    const client = createHttpClient({
      name: 'Syncro',
      baseURL: server.url,
      headers: { Authorization: 'Bearer SECRET-TOKEN-1' },
      retry: noRetry
    })
    const err = await rejection(
      client.request({
        method: 'GET',
        url: '/customers?api_key=SECRET-KEY-2',
        params: { api_key: 'SECRET-KEY-3' },
        schema: z.unknown()
      })
    )
    expect(err.code).toBe(code)
    expect(err.message).toContain('Syncro')
    expect(err.hint).toBeTruthy()
    const everything = `${err.message} ${err.hint} ${JSON.stringify(err)} ${JSON.stringify(err.cause)} ${err.stack}`
    expect(everything).not.toMatch(/SECRET/)
    expect(server.arrivals[0]?.headers.authorization).toBe('Bearer SECRET-TOKEN-1') // the secret was really sent
  })

  it('includes the remote explanation for validation errors', async () => {
    server = await startTestServer((_req, res) => json(res, 422, { errors: { name: ["can't be blank"] } }))
    const client = createHttpClient({ name: 'Syncro', baseURL: server.url })
    const err = await rejection(client.request({ method: 'POST', url: '/customers', data: {}, schema: z.unknown() }))
    expect(err.message).toBe("Syncro rejected POST /customers as invalid (HTTP 422): name can't be blank.")
  })

  it('asks the vendor mapping first and falls back to the generic one', async () => {
    server = await startTestServer((req, res) =>
      req.url === '/zone'
        ? json(res, 500, { errors: ['Zone information could not be determined'] })
        : json(res, 404, {})
    )
    const client = createHttpClient({
      name: 'Autotask',
      baseURL: server.url,
      retry: noRetry,
      mapError: (ctx) =>
        Array.isArray(ctx.body) || !JSON.stringify(ctx.body).includes('Zone information')
          ? undefined
          : new AppError('auth', 'Autotask does not know this API user.')
    })
    const zone = await rejection(client.request({ method: 'GET', url: '/zone', schema: z.unknown() }))
    expect(zone.code).toBe('auth')
    const other = await rejection(client.request({ method: 'GET', url: '/V1.0/Companies/9', schema: z.unknown() }))
    expect(other.code).toBe('not-found')
    expect(other.message).toContain('GET /V1.0/Companies/9')
  })

  it('follows a same-origin absolute cursor URL but refuses to send credentials to another host', async () => {
    server = await startTestServer((_req, res) => json(res, 200, { ok: true }))
    const client = createHttpClient({
      name: 'Autotask',
      baseURL: `${server.url}/ATServicesRest`,
      headers: { Secret: 's' }
    })
    const res = await client.request({
      method: 'GET',
      url: `${server.url}/ATServicesRest/V1.0/Companies/query/next?paging=abc`,
      schema: z.unknown()
    })
    expect(res.data).toEqual({ ok: true })
    expect(server.arrivals[0]?.url).toBe('/ATServicesRest/V1.0/Companies/query/next?paging=abc')
    const err = await rejection(client.request({ method: 'GET', url: 'http://203.0.113.9/steal', schema: z.unknown() }))
    expect(err.code).toBe('bad-response')
    expect(server.arrivals).toHaveLength(1)
  })
})

describe('mapHttpError (network codes)', () => {
  const info = { timeoutMs: 30_000, attempts: 1 }
  it.each([
    ['ENOTFOUND', 'unavailable', /Could not find the JumpCloud server/],
    ['ECONNREFUSED', 'unavailable', /refused the connection/],
    ['ECONNRESET', 'unavailable', /dropped/],
    ['ETIMEDOUT', 'timeout', /JumpCloud did not answer within 30 s/],
    ['ECONNABORTED', 'timeout', /within 30 s/],
    ['ERR_CANCELED', 'cancelled', /cancelled/]
  ])('%s → %s', (code, expected, message) => {
    const err = mapHttpError('JumpCloud', { method: 'GET', url: '/systems', code }, info)
    expect(err.code).toBe(expected)
    expect(err.message).toMatch(message)
  })
})
