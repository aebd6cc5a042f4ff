import type { Router, SimReply, SimRequest } from '../common'
import { jcError, NO_ORG_SELECTED } from './errors'
import { findOrg, type JcOrg, type JumpCloudSimState } from './model'

// V1 `/api/systemusers`, `/api/systems`, V2 provider organizations and System Insights, with the
// `x-org-id` rules of jumpcloud.md §A.0.

const OBJECT_ID = /^[0-9a-f]{24}$/

/** §A.1: `limit` default 10, "Limited to 100"; `skip` default 0. Over the cap → 400 (exact reply UNCONFIRMED). */
function paging(req: SimRequest, max: number): { limit: number; skip: number } | SimReply {
  const limit = req.query.has('limit') ? Number(req.query.get('limit')) : 10
  const skip = req.query.has('skip') ? Number(req.query.get('skip')) : 0
  if (!Number.isInteger(limit) || limit < 0 || limit > max)
    return jcError(400, `limit must be an integer between 0 and ${max}`)
  if (!Number.isInteger(skip) || skip < 0) return jcError(400, 'skip must be a non-negative integer')
  return { limit, skip }
}

/** `sort`: space-separated fields, `-` prefix = descending (§A.1). */
function sortRows<T extends object>(rows: T[], sort: string | null, idField: string): T[] {
  const keys = (sort ?? '').split(/[\s,]+/).filter(Boolean)
  if (keys.length === 0) return rows
  const out = [...rows]
  out.sort((a, b) => {
    for (const k of keys) {
      const desc = k.startsWith('-')
      const raw = desc ? k.slice(1) : k
      const field = raw === '_id' || raw === 'id' ? idField : raw
      const x = String((a as Record<string, unknown>)[field] ?? '')
      const y = String((b as Record<string, unknown>)[field] ?? '')
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1)
    }
    return 0
  })
  return out
}

/** `fields`: space-separated projection; `_id` always comes back. */
function project<T extends object>(row: T, fields: string | null): Partial<T> {
  const keys = (fields ?? '').split(/\s+/).filter(Boolean)
  if (keys.length === 0) return row
  const src = row as Record<string, unknown>
  const out: Record<string, unknown> = { _id: src._id }
  for (const k of keys) if (k in src) out[k] = src[k]
  return out as Partial<T>
}

/** Per-org routes with a provider key: x-org-id required and must be a known org (§A.0). */
function orgOf(state: JumpCloudSimState, req: SimRequest): JcOrg | SimReply {
  const ids = req.headersDistinct['x-org-id'] ?? []
  if (ids.length === 0) return jcError(401, NO_ORG_SELECTED)
  const id = ids[0] ?? ''
  if (ids.length > 1 || !OBJECT_ID.test(id)) return jcError(400, 'malformed x-org-id')
  return findOrg(state, id) ?? jcError(401, NO_ORG_SELECTED)
}

function isReply(x: unknown): x is SimReply {
  return typeof x === 'object' && x !== null && 'status' in x && typeof (x as SimReply).status === 'number'
}

function v1List<T extends { _id: string }>(req: SimRequest, rows: T[]): SimReply {
  const p = paging(req, 100)
  if (isReply(p)) return p
  const sorted = sortRows(rows, req.query.get('sort'), '_id')
  const page = sorted.slice(p.skip, p.skip + p.limit).map((r) => project(r, req.query.get('fields')))
  return { status: 200, body: { results: page, totalCount: rows.length } }
}

/** JcSystem as V1 returns it: MAC, chassis and model live in System Insights, not in V1. */
function systemView(s: JcOrg['systems'][number]) {
  const { chassisTypes: _c, hardwareModel: _m, ...v1 } = s
  return { ...v1, networkInterfaces: s.networkInterfaces.map(({ mac: _mac, ...rest }) => rest) }
}

/** A System Insights table: bare array, `limit` up to 10000 (spec `trait:systemInsightsLimit:limit`). */
function insightsTable(getState: () => JumpCloudSimState, rowsOf: (org: JcOrg) => object[]) {
  return (req: SimRequest): SimReply => {
    const org = orgOf(getState(), req)
    if (isReply(org)) return org
    const p = paging(req, 10_000)
    if (isReply(p)) return p
    const rows = rowsOf(org)
    return {
      status: 200,
      body: rows.slice(p.skip, p.skip + p.limit),
      // §A.1: most V2 lists carry the total in X-Total-Count.
      headers: { 'X-Total-Count': String(rows.length) }
    }
  }
}

export function addConsoleRoutes(router: Router, getState: () => JumpCloudSimState): void {
  router.add('GET', '/api/systemusers', (req) => {
    const org = orgOf(getState(), req)
    return isReply(org) ? org : v1List(req, org.users)
  })

  router.add('GET', '/api/systems', (req) => {
    const org = orgOf(getState(), req)
    return isReply(org) ? org : v1List(req, org.systems.map(systemView))
  })

  // V2 System Insights (spec definitions system-insights-interface-details / -chassis-info / -system-info).
  router.add(
    'GET',
    '/api/v2/systeminsights/interface_details',
    insightsTable(getState, (org) =>
      org.systems.flatMap((s) =>
        s.networkInterfaces.map((i) => ({
          system_id: s._id,
          interface: i.name,
          mac: i.mac,
          friendly_name: i.name,
          enabled: 1,
          collection_time: s.created
        }))
      )
    )
  )
  router.add(
    'GET',
    '/api/v2/systeminsights/chassis_info',
    insightsTable(getState, (org) =>
      org.systems.map((s) => ({
        system_id: s._id,
        chassis_types: s.chassisTypes,
        // Optional fields vary in presence (all strings in the spec).
        ...(s.chassisTypes.includes('Rack') ? {} : { lock: 'No', manufacturer: 'Dell Inc.' }),
        collection_time: s.created
      }))
    )
  )
  router.add(
    'GET',
    '/api/v2/systeminsights/system_info',
    insightsTable(getState, (org) =>
      org.systems.map((s) => ({
        system_id: s._id,
        hostname: s.hostname,
        computer_name: s.displayName,
        hardware_model: s.hardwareModel,
        hardware_serial: s.serialNumber,
        collection_time: s.created
      }))
    )
  )

  // §A.1 ProviderOrganizations_List. x-org-id is refused on provider routes (§A.0: 403).
  router.add('GET', '/api/v2/providers/:providerId/organizations', (req) => {
    const state = getState()
    if ((req.headersDistinct['x-org-id'] ?? []).length > 0)
      return jcError(403, 'x-org-id is not supported on this route')
    if (req.params.providerId !== state.providerId) return jcError(404, `provider ${req.params.providerId} not found`)
    const p = paging(req, 100)
    if (isReply(p)) return p
    const rows = state.orgs.map((o) => ({ id: o.id, name: o.name, maxSystemUsers: o.maxSystemUsers }))
    const sorted = sortRows(rows, req.query.get('sort'), 'id')
    return { status: 200, body: { results: sorted.slice(p.skip, p.skip + p.limit), totalCount: rows.length } }
  })
}
