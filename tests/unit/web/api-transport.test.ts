import { describe, expect, it } from 'vitest'
import { methodNames } from '../../../src/shared/contract'
import type { PsaBridgeApi } from '../../../src/shared/bridge-types'
import { ApiError, createApi, httpTransport, ipcTransport } from '../../../src/renderer/src/api/transport'

function fakeFetch(reply: { status?: number; body: unknown } | Error) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = []
  const fn = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init })
    if (reply instanceof Error) throw reply
    return new Response(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body), {
      status: reply.status ?? 200
    })
  }) as unknown as typeof fetch
  return { fn, calls }
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError)
    return e as ApiError
  }
  throw new Error('expected a rejection')
}

describe('createApi', () => {
  it('has one function per contract method', () => {
    const api = createApi({ call: async () => null, on: () => () => {} }) as unknown as Record<string, unknown>
    for (const name of methodNames) expect(typeof api[name]).toBe('function')
  })
})

describe('httpTransport', () => {
  it('POSTs JSON to /api/<method> and unwraps the value', async () => {
    const f = fakeFetch({ body: { ok: true, value: [] } })
    const api = createApi(httpTransport(f.fn))
    await expect(api.listIntegrations({})).resolves.toEqual([])
    expect(f.calls[0]!.url).toBe('/api/listIntegrations')
    expect(f.calls[0]!.init?.method).toBe('POST')
    expect(f.calls[0]!.init?.body).toBe('{}')
  })

  it('throws an ApiError carrying code, message, hint and field', async () => {
    const error = { code: 'auth', message: 'Syncro rejected the API token.', hint: 'Make a new one', field: 'apiToken' }
    const api = createApi(httpTransport(fakeFetch({ body: { ok: false, error } }).fn))
    const e = await caught(api.saveSyncro({ subdomain: 'acme', apiToken: 'x' }))
    expect({ code: e.code, message: e.message, hint: e.hint, field: e.field }).toEqual(error)
  })

  it('turns 401 into a sign-in explanation, a dead server into unavailable, junk into bad-response', async () => {
    const e401 = await caught(createApi(httpTransport(fakeFetch({ status: 401, body: 'no' }).fn)).getStatus({}))
    expect(e401.code).toBe('auth')
    expect(e401.hint).toMatch(/link PSA Bridge printed/)
    const down = await caught(createApi(httpTransport(fakeFetch(new TypeError('fetch failed')).fn)).getStatus({}))
    expect(down.code).toBe('unavailable')
    const junk = await caught(
      createApi(httpTransport(fakeFetch({ body: { ok: false, error: { code: 'nope' } } }).fn)).getStatus({})
    )
    expect(junk.code).toBe('bad-response')
    const html = await caught(createApi(httpTransport(fakeFetch({ status: 502, body: '<html>' }).fn)).getStatus({}))
    expect(html.message).toMatch(/502/)
  })
})

describe('ipcTransport', () => {
  it('passes values through and turns the preload rejection shape back into an ApiError', async () => {
    const bridge = {
      listIntegrations: async () => [],
      saveJumpCloud: async () =>
        Promise.reject({ code: 'not-found', message: 'Unknown provider', field: 'providerId' }),
      on: () => () => {}
    } as unknown as PsaBridgeApi
    const api = createApi(ipcTransport(bridge))
    await expect(api.listIntegrations({})).resolves.toEqual([])
    const e = await caught(api.saveJumpCloud({ providerId: 'x' }))
    expect([e.code, e.message, e.field]).toEqual(['not-found', 'Unknown provider', 'providerId'])
  })
})
