// The simulator itself behaves like autotask.md §9 says (raw HTTP, no connector involved).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_API_USERS,
  seedAutotask,
  startAutotaskSim,
  unitsAt,
  type ApiUser,
  type AutotaskSim
} from '../../sims/autotask'
import { NOW } from './setup'

const [FULL, RESTRICTED] = DEFAULT_API_USERS as [ApiUser, ApiUser]
let sim: AutotaskSim

beforeEach(async () => {
  sim = await startAutotaskSim({ seed: 11, size: 60, now: NOW })
})
afterEach(async () => {
  await sim.close()
})

async function api(method: string, path: string, body?: unknown, user: Partial<ApiUser> = FULL) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (user.integrationCode) headers.ApiIntegrationCode = user.integrationCode
  if (user.username) headers.UserName = user.username
  if (user.secret) headers.Secret = user.secret
  const url = path.startsWith('http') ? path : `${sim.zoneUrl}${path}`
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined }
}
const query = (entity: string, body: unknown) => api('POST', `V1.0/${entity}/query`, body)
const items = (r: { body?: Record<string, unknown> }) => (r.body?.items ?? []) as Array<Record<string, unknown>>

describe('discovery and auth (§1, §2)', () => {
  it('serves version and zone information without credentials', async () => {
    expect((await fetch(`${sim.url}/atservicesrest/versioninformation`).then((r) => r.json())) as unknown).toEqual({
      apiVersions: ['1.0']
    })
    const zone = await fetch(
      `${sim.zoneLookupUrl}v1.0/zoneInformation?user=${encodeURIComponent(FULL.username.toUpperCase())}`
    )
    expect(await zone.json()).toMatchObject({ zoneName: 'Simulated Zone', url: sim.zoneUrl, ci: 30595 })
    const unknown = await fetch(`${sim.zoneLookupUrl}v1.0/zoneInformation?user=nobody`)
    expect(unknown.status).toBe(500)
    expect(await unknown.json()).toEqual({ errors: ['Zone information could not be determined'] })
  })

  it('answers unknown user 500, wrong secret 401 (empty), bad integration code 500', async () => {
    expect(await api('GET', 'V1.0/Companies/0', undefined, { ...FULL, username: 'x@y.z' })).toEqual({
      status: 500,
      body: { errors: ['Zone information could not be determined'] }
    })
    expect(await api('GET', 'V1.0/Companies/0', undefined, { ...FULL, secret: 'nope' })).toEqual({
      status: 401,
      body: undefined
    })
    expect(await api('GET', 'V1.0/Companies/0', undefined, { ...FULL, integrationCode: 'BAD' })).toEqual({
      status: 500,
      body: { errors: ['IntegrationCode is invalid.'] }
    })
    expect((await api('GET', 'V1.0/Companies/0')).status).toBe(200)
  })

  it('denies the restricted user: 403 on reads, 500 permission text on writes', async () => {
    const read = await api('POST', 'V1.0/Contracts/query', { filter: [{ op: 'exist', field: 'id' }] }, RESTRICTED)
    expect(read.status).toBe(403)
    const write = await api('POST', 'V1.0/Companies', { companyName: 'X', companyType: 1 }, RESTRICTED)
    expect(write).toEqual({
      status: 500,
      body: { errors: ['The logged in Resource does not have the adequate permissions to create this entity type.'] }
    })
  })
})

describe('queries (§4)', () => {
  it('matches field names and strings case-insensitively, with nested and/or, in/notIn, exist', async () => {
    const all = sim.state.tables.Companies
    const target = all.find((c) => c.id !== 0) as Record<string, unknown>
    const eq = await query('Companies', {
      Filter: [{ op: 'EQ', field: 'COMPANYNAME', value: String(target.companyName).toUpperCase() }]
    })
    expect(items(eq).map((c) => c.id)).toEqual([target.id])

    const grouped = await query('Companies', {
      filter: [
        {
          op: 'or',
          items: [
            { op: 'eq', field: 'companyType', value: 3 },
            {
              op: 'and',
              items: [
                { op: 'eq', field: 'isActive', value: false },
                { op: 'noteq', field: 'companyType', value: 3 }
              ]
            }
          ]
        }
      ]
    })
    const expected = all
      .filter((c) => c.companyType === 3 || (c.isActive === false && c.companyType !== 3))
      .map((c) => c.id)
    expect(items(grouped).map((c) => c.id)).toEqual(expected)
    expect(expected.length).toBeGreaterThan(1)

    const notIn = await query('Companies', { filter: [{ op: 'notIn', field: 'companyType', value: [1] }] })
    expect(items(notIn).every((c) => c.companyType !== 1)).toBe(true)
    const inList = await query('Companies', { filter: [{ op: 'in', field: 'id', value: [0, target.id as number] }] })
    expect(items(inList)).toHaveLength(2)
    const notExist = await query('Tickets', { filter: [{ op: 'notExist', field: 'assignedResourceID' }] })
    expect(items(notExist)).toEqual([])
    const begins = await query('Services', {
      filter: [
        { op: 'beginsWith', field: 'name', value: 'jumpcloud' },
        { op: 'endsWith', field: 'name', value: 'USER' }
      ]
    })
    expect(items(begins).map((s) => s.name)).toEqual(['JumpCloud User'])
    expect(items(begins)[0]?.userDefinedFields).toEqual([])
  })

  it('rejects an unknown field with 500', async () => {
    const r = await query('Companies', { filter: [{ op: 'eq', field: 'colour', value: 'red' }] })
    expect(r).toEqual({ status: 500, body: { errors: ['Unable to find colour in the Entity.'] } })
  })

  it('pages by id with an absolute cursor that must be POSTed again with the same body', async () => {
    const body = { MaxRecords: 7, IncludeFields: ['id', 'companyName'], filter: [{ op: 'gte', field: 'id', value: 0 }] }
    const first = await query('Companies', body)
    const details = first.body?.pageDetails as { count: number; requestCount: number; nextPageUrl: string }
    expect(details).toMatchObject({ count: 7, requestCount: 7 })
    expect(details.nextPageUrl.startsWith(`${sim.zoneUrl}V1.0/Companies/query/next?paging=`)).toBe(true)
    expect(JSON.parse(new URL(details.nextPageUrl).searchParams.get('paging') ?? '')).toEqual({
      pageSize: 7,
      previousIds: [-1],
      nextIds: [items(first).at(-1)?.id]
    })
    expect(Object.keys(items(first)[0] ?? {}).sort()).toEqual(['companyName', 'id', 'userDefinedFields'])
    expect((await api('GET', details.nextPageUrl)).status).toBe(405)

    const seen = items(first).map((c) => c.id as number)
    let next: string | null = details.nextPageUrl
    while (next) {
      const page = await api('POST', next, body)
      seen.push(...items(page).map((c) => c.id as number))
      next = (page.body?.pageDetails as { nextPageUrl: string | null }).nextPageUrl
    }
    expect(seen).toEqual(sim.state.tables.Companies.map((c) => c.id as number).sort((a, b) => a - b))
  })

  it('GET queries echo the search into the cursor, MaxRecords is clamped to 500, count works', async () => {
    const search = JSON.stringify({ MaxRecords: 5, filter: [{ op: 'exist', field: 'id' }] })
    const first = await api('GET', `V1.0/ContractServiceUnits/query?search=${encodeURIComponent(search)}`)
    const next = (first.body?.pageDetails as { nextPageUrl: string }).nextPageUrl
    expect(new URL(next).searchParams.get('search')).toBe(search)
    expect(items(await api('GET', next))).toHaveLength(5)
    const big = await query('ContractServiceUnits', { MaxRecords: 5000, filter: [{ op: 'exist', field: 'id' }] })
    expect(items(big)).toHaveLength(500)
    const count = await api('POST', 'V1.0/Companies/query/count', { filter: [{ op: 'exist', field: 'id' }] })
    expect(count.body).toEqual({ queryCount: sim.state.tables.Companies.length })
  })
})

describe('verb and route rules (§3, §9.7)', () => {
  it('404 on root TicketNotes POST, 405 on adjustments reads and on PATCH /{id}, item null for a missing id', async () => {
    expect((await api('POST', 'V1.0/TicketNotes', { ticketID: 1, description: 'x' })).status).toBe(404)
    expect((await api('GET', 'V1.0/ContractServiceAdjustments/1')).status).toBe(405)
    expect((await api('POST', 'V1.0/ContractServiceAdjustments/query', { filter: [] })).status).toBe(405)
    expect((await api('PATCH', 'V1.0/Tickets/1', { id: 1 })).status).toBe(405)
    expect(await api('GET', 'V1.0/Tickets/123')).toEqual({ status: 200, body: { item: null } })
    expect((await api('POST', 'V1.0/ContractServiceUnits', {})).status).toBe(404)
  })

  it('rejects explicit nulls in a create body', async () => {
    expect(await api('POST', 'V1.0/Companies', { companyName: 'A', companyType: 1, phone: null })).toEqual({
      status: 500,
      body: { errors: ['Invalid value (null) for field phone.'] }
    })
  })
})

describe('tickets (§7.7, §7.8)', () => {
  const company = () => sim.state.tables.Companies.find((c) => c.id !== 0)?.id
  it('requires resource and role together, and a role the resource holds', async () => {
    const tech = sim.state.tables.ResourceServiceDeskRoles[0]
    const base = { companyID: company(), title: 'T', status: 1, priority: 2 }
    expect(await api('POST', 'V1.0/Tickets', { ...base, assignedResourceID: tech?.resourceID })).toEqual({
      status: 500,
      body: {
        errors: ['When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID.']
      }
    })
    expect(
      (await api('POST', 'V1.0/Tickets', { ...base, assignedResourceID: tech?.resourceID, assignedResourceRoleID: 1 }))
        .status
    ).toBe(500)
    const ok = await api('POST', 'V1.0/Tickets', {
      ...base,
      assignedResourceID: tech?.resourceID,
      assignedResourceRoleID: tech?.roleID
    })
    expect(ok.status).toBe(200)
    expect(typeof ok.body?.itemId).toBe('number')
  })

  it('checks picklists, sub-issue parents, required fields and note rules', async () => {
    const base = { companyID: company(), title: 'T', status: 1, priority: 2, queueID: 29683482 }
    expect((await api('POST', 'V1.0/Tickets', { ...base, priority: 9 })).status).toBe(500) // inactive value
    expect((await api('POST', 'V1.0/Tickets', { ...base, issueType: 11, subIssueType: 100 })).status).toBe(500)
    expect((await api('POST', 'V1.0/Tickets', { ...base, title: undefined })).body).toEqual({
      errors: ['Missing required field(s): title.']
    })
    const ok = await api('POST', 'V1.0/Tickets', { ...base, issueType: 10, subIssueType: 100 })
    const id = ok.body?.itemId as number
    expect((await api('POST', `V1.0/Tickets/${id}/Notes`, { description: 'd', noteType: 1, publish: 1 })).status).toBe(
      500
    ) // title required
    expect(
      (await api('POST', `V1.0/Tickets/${id}/Notes`, { Title: 't', Description: 'd', NoteType: 1, Publish: 1 })).status
    ).toBe(200)
    expect(
      (await api('POST', 'V1.0/Tickets/999/Notes', { title: 't', description: 'd', noteType: 1, publish: 1 })).status
    ).toBe(500)
  })
})

describe('contract billing (§7.4–§7.6)', () => {
  it('splits the units row at the effective date and carries the change into later periods', async () => {
    const cs = sim.state.tables.ContractServices[0] as Record<string, number>
    const before = unitsAt(sim.state, cs.id as number, NOW) as number
    const rowsBefore = sim.state.tables.ContractServiceUnits.filter((r) => r.contractServiceID === cs.id).length
    const r = await api('POST', `V1.0/Contracts/${cs.contractID}/ServiceAdjustments`, {
      serviceID: cs.serviceID,
      unitChange: -2,
      effectiveDate: '2026-03-10T00:00:00Z'
    })
    expect(r.status).toBe(200)
    expect(sim.state.tables.ContractServiceUnits.filter((x) => x.contractServiceID === cs.id)).toHaveLength(
      rowsBefore + 1
    )
    expect(unitsAt(sim.state, cs.id as number, new Date('2026-03-09T23:59:59Z'))).toBe(before)
    expect(unitsAt(sim.state, cs.id as number, new Date('2026-03-10T00:00:00Z'))).toBe(before - 2)
    expect(unitsAt(sim.state, cs.id as number, new Date('2026-02-10T00:00:00Z'))).not.toBe(undefined)
  })

  it('auto-creates a missing contract service, refuses non-recurring contracts, negative units and a missing date', async () => {
    const t = sim.state.tables
    const contract = t.Contracts.find(
      (c) =>
        c.contractType === 7 &&
        !t.ContractServices.some((s) => s.contractID === c.id && s.serviceID === t.Services[2]?.id)
    )
    const backup = t.Services[2]?.id
    const r = await api('POST', 'V1.0/ContractServiceAdjustments', {
      contractID: contract?.id,
      serviceID: backup,
      unitChange: 4,
      effectiveDate: NOW.toISOString()
    })
    expect(r.status).toBe(200)
    const cs = t.ContractServices.find((s) => s.contractID === contract?.id && s.serviceID === backup)
    expect(unitsAt(sim.state, cs?.id as number, NOW)).toBe(4)
    expect(unitsAt(sim.state, cs?.id as number, new Date('2026-02-01T00:00:00Z'))).toBe(0)

    const tm = t.Contracts.find((c) => c.contractType === 1)
    expect(
      (
        await api('POST', 'V1.0/ContractServiceAdjustments', {
          contractID: tm?.id,
          serviceID: backup,
          unitChange: 1,
          effectiveDate: NOW.toISOString()
        })
      ).status
    ).toBe(500)
    expect(
      (
        await api('POST', 'V1.0/ContractServiceAdjustments', {
          contractID: contract?.id,
          serviceID: backup,
          unitChange: -5,
          effectiveDate: NOW.toISOString()
        })
      ).status
    ).toBe(500)
    expect(
      (
        await api('POST', 'V1.0/ContractServiceAdjustments', {
          contractID: contract?.id,
          serviceID: backup,
          unitChange: 1
        })
      ).status
    ).toBe(500)
    expect(unitsAt(sim.state, cs?.id as number, NOW)).toBe(4)
  })
})

describe('seeding and control', () => {
  it('is deterministic and has the variety the connector must cope with', () => {
    const a = seedAutotask({ seed: 5, size: 200, now: NOW })
    expect(seedAutotask({ seed: 5, size: 200, now: NOW })).toEqual(a)
    const c = a.tables.Companies.filter((x) => x.id !== 0)
    expect(c.length).toBeGreaterThan(150)
    expect(c.length).toBeLessThan(200)
    expect(c.some((x) => x.companyType === 3)).toBe(true)
    expect(c.some((x) => x.isActive === false)).toBe(true)
    const recurringActive = new Set(
      a.tables.Contracts.filter((k) => k.contractType === 7 && k.status === 1).map((k) => k.companyID)
    )
    expect(c.some((x) => x.companyType === 1 && x.isActive && !recurringActive.has(x.id))).toBe(true)
    expect(a.tables.Contracts.some((k) => k.contractType === 7 && k.status === 0)).toBe(true)
    expect(a.tables.Services.map((s) => s.name)).toEqual(expect.arrayContaining(['JumpCloud User', 'JumpCloud Device']))
  })

  it('exposes state, reseeds and reports threshold usage', async () => {
    await api('GET', 'V1.0/Companies/0')
    const usage = await api('GET', 'V1.0/ThresholdInformation')
    expect(usage.body).toEqual({
      externalRequestThreshold: 10000,
      requestThresholdTimeframe: 60,
      currentTimeframeRequestCount: 2
    })
    const state = (await fetch(`${sim.url}/__sim/state`).then((r) => r.json())) as { tables: { Companies: unknown[] } }
    expect(state.tables.Companies).toHaveLength(sim.state.tables.Companies.length)
    const reseed = await fetch(`${sim.url}/__sim/seed`, { method: 'POST', body: JSON.stringify({ seed: 2, size: 5 }) })
    expect(((await reseed.json()) as { companies: number }).companies).toBe(sim.state.tables.Companies.length)
    expect(sim.state.tables.Companies.length).toBeLessThan(10)
  })

  it('starts from a JSON fixture', async () => {
    const fixture = seedAutotask({ seed: 9, size: 3, now: NOW })
    const other = await startAutotaskSim({ fixture })
    try {
      expect(other.state).toEqual(fixture)
      expect(other.state).not.toBe(fixture)
    } finally {
      await other.close()
    }
  })
})
