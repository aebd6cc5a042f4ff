// What real vendor servers send (public captures and issue threads), read as our connectors must read it.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { mapAutotaskError } from '../../../src/main/connectors/autotask/errors'
import { ZoneInfoSchema } from '../../../src/main/connectors/autotask/schemas'
import { createHttpClient, remoteMessage } from '../../../src/main/connectors/http'
import { toSourceEvent } from '../../../src/main/connectors/jumpcloud/events'
import { mapJumpCloudError } from '../../../src/main/connectors/jumpcloud/errors'
import { DiEventSchema } from '../../../src/main/connectors/jumpcloud/schemas'
import { SyncroApi } from '../../../src/main/connectors/syncro/api'
import { alertTypeDef, groupKeyOf } from '../../../src/main/ticketing/alert-types'
import { startTestServer } from '../http/test-server'

const jcMap = mapJumpCloudError('prov1')

describe('JumpCloud 401s', () => {
  it('an organization problem gets an organization message, never "generate a new key"', () => {
    const e = jcMap({
      method: 'GET',
      url: '/api/systemusers',
      status: 401,
      body: { message: 'Unauthorized: no organization selected' }
    })
    expect(e?.code).not.toBe('auth')
    expect(e?.message).toMatch(/organization/i)
    expect(e?.hint).not.toMatch(/Generate New API Key/)
    expect(e?.field).not.toBe('apiKey')
  })

  it('a key problem still says the key was rejected, with either real body shape', () => {
    for (const body of [
      { message: 'Unauthorized' },
      { error: 'Unauthorized', message: 'invalid api key' },
      undefined
    ]) {
      const e = jcMap({ method: 'GET', url: '/api/systemusers', status: 401, body })
      expect(e?.code).toBe('auth')
      expect(e?.message).toMatch(/API key/)
    }
  })
})

describe('Autotask odd replies', () => {
  it('reads a 405 {"Message": …} body (capital M)', () => {
    expect(remoteMessage({ Message: 'The requested resource does not support http method PATCH.' })).toMatch(/PATCH/)
    const e = mapAutotaskError({
      method: 'PATCH',
      url: '/V1.0/Tickets',
      status: 405,
      body: { Message: 'The requested resource does not support http method PATCH.' }
    })
    expect(e === undefined || /PATCH/.test(e.message)).toBe(true)
  })

  it('accepts a zoneInformation reply with only url and webUrl', () => {
    const z1 = ZoneInfoSchema.parse({
      url: 'https://webservices5.autotask.net/ATServicesRest/',
      webUrl: 'https://ww5.autotask.net/'
    })
    expect(z1.url).toMatch(/webservices5/)
    expect(z1.zoneName ?? undefined).toBeUndefined()
  })
})

describe('Directory Insights events in their real shapes', () => {
  const base = { event_type: 'system_fde_key_decrypt', organization: 'o1', service: 'systems' }

  it('parses events without message, with provider null or "", upper-case UUID ids and 0/3/8/9 fractional digits', () => {
    const stamps = [
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00:00.123Z',
      '2026-03-01T10:00:00.12300000Z',
      '2026-03-01T10:00:00.123000000Z'
    ]
    for (const [i, timestamp] of stamps.entries()) {
      const raw = {
        ...base,
        id: i % 2 ? '5F0C1A7E-3B9D-4C2A-8E1F-0A1B2C3D4E5F' : '5f0c1a7e3b9d4c2a8e1f0a1b',
        timestamp,
        provider: i % 2 ? null : '',
        geoip: { country_code: 'US' },
        useragent: { name: 'Chrome' },
        mfa: true,
        auth_method: 'session',
        changes: [{ field: 'x', from: 1, to: 2 }],
        client_ip: '198.51.100.7',
        system: { id: 's1', hostname: 'PC-1' }
      }
      const e = toSourceEvent(DiEventSchema.parse(raw), 'fallback')
      expect(e.message).toBeUndefined()
      expect(e.device).toBe('PC-1')
      expect(e.timestamp.startsWith('2026-03-01T10:00:00.')).toBe(true)
    }
  })

  it('finds the device under auth_context.system or a system resource', () => {
    const sso = DiEventSchema.parse({
      ...base,
      id: 'a',
      timestamp: '2026-03-01T10:00:00Z',
      auth_context: { system: { id: 's9', hostname: 'MAC-9' } }
    })
    expect(toSourceEvent(sso, 'o1')).toMatchObject({ device: 'MAC-9', deviceId: 's9' })
    const res = DiEventSchema.parse({
      ...base,
      id: 'b',
      timestamp: '2026-03-01T10:00:00Z',
      resource: { id: 's7', type: 'system', hostname: 'PC-7' }
    })
    expect(toSourceEvent(res, 'o1')).toMatchObject({ device: 'PC-7', deviceId: 's7' })
  })

  it('never folds per-device alerts without a device into one group', () => {
    const fde = alertTypeDef('fde-key-decrypted')
    const a = groupKeyOf(fde, { orgId: 'o1', user: 'alice', id: 'ev1' })
    const b = groupKeyOf(fde, { orgId: 'o1', user: 'alice', id: 'ev2' })
    expect(a).not.toBe(b)
    // Same device by id only: one group.
    expect(groupKeyOf(fde, { orgId: 'o1', deviceId: 's1', id: 'ev1' })).toBe(
      groupKeyOf(fde, { orgId: 'o1', deviceId: 's1', id: 'ev2' })
    )
  })
})

describe('Syncro paging without meta', () => {
  it('stops when a server ignores `page` and repeats the previous page', async () => {
    const server = await startTestServer((_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ schedules: [{ id: 1 }, { id: 2 }] }))
    })
    try {
      const api = new SyncroApi(createHttpClient({ name: 'Syncro', baseURL: `${server.url}/`, retry: { retries: 0 } }))
      const schema = z.object({ schedules: z.array(z.object({ id: z.number() })) })
      const items = await api.all('schedules', 'schedules', schema)
      expect(items).toEqual([{ id: 1 }, { id: 2 }])
      expect(server.arrivals).toHaveLength(2)
    } finally {
      await server.close()
    }
  })
})
