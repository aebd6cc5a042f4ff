import { randomUUID } from 'node:crypto'
import type { Router, SimReply, SimRequest } from '../common'
import { jcError, NO_ORG_SELECTED } from './errors'
import { findOrg, type DiEvent, type JumpCloudSimState } from './model'

// Directory Insights `POST /insights/directory/v1/events` (jumpcloud.md §A.3; spec EventQuery).

export const DI_PREFIX = '/insights/directory/v1'

/** Schema enum of `service` (§A.3). */
export const DI_SERVICES = [
  'alerts',
  'all',
  'directory',
  'ldap',
  'mdm',
  'notifications',
  'object_storage',
  'password_manager',
  'radius',
  'reports',
  'saas_app_management',
  'software',
  'sso',
  'systems',
  'access_management',
  'asset_management'
]
const DEFAULT_LIMIT = 1000
const MAX_LIMIT = 10_000

type Term = Record<string, unknown>

function fieldValue(e: DiEvent, path: string): unknown {
  let cur: unknown = e
  for (const k of path.split('.'))
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined
  return cur
}

/** One criterion `{field: value | [values]}`; values are compared lower-cased like DI stores them (§A.3). */
function matchesCriterion(e: DiEvent, crit: Term): boolean {
  return Object.entries(crit).every(([field, want]) => {
    if (field === 'and' || field === 'or' || field === 'not') return matchesTerm(e, { [field]: want })
    const have = String(fieldValue(e, field) ?? '').toLowerCase()
    const wants = Array.isArray(want) ? want : [want]
    return wants.some((w) => String(w).toLowerCase() === have)
  })
}

/** `search_term` with `and` / `or` / `not` lists, nestable (§A.3). */
function matchesTerm(e: DiEvent, term: Term): boolean {
  // Both forms are accepted: the spec's object (`{"and": {f: v, g: w}}`, TermConjunction) and the
  // prose examples' list (`{"and": [{f: v}, {g: w}]}`); each field is one criterion.
  const list = (v: unknown): Term[] =>
    Array.isArray(v)
      ? (v as Term[])
      : v && typeof v === 'object'
        ? Object.entries(v as Term).map(([k, x]) => ({ [k]: x }))
        : []
  if (term.and !== undefined && !list(term.and).every((c) => matchesCriterion(e, c))) return false
  if (term.or !== undefined && !list(term.or).some((c) => matchesCriterion(e, c))) return false
  if (term.not !== undefined && list(term.not).some((c) => matchesCriterion(e, c))) return false
  return true
}

function isRfc3339(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) &&
    !Number.isNaN(Date.parse(s))
  )
}

function sortKey(e: DiEvent): [number, string] {
  return [Date.parse(e.timestamp), e.id]
}

function compareKeys(a: [unknown, unknown], b: [unknown, unknown]): number {
  const [at, ai] = [Number(a[0]), String(a[1])]
  const [bt, bi] = [Number(b[0]), String(b[1])]
  return at !== bt ? at - bt : ai < bi ? -1 : ai > bi ? 1 : 0
}

function queryEvents(state: JumpCloudSimState, req: SimRequest): SimReply {
  // Multi-org: repeated x-org-id headers, "no limit to the number of org IDs" (§A.3).
  const orgIds = req.headersDistinct['x-org-id'] ?? []
  const providerOnly = (req.headersDistinct['x-provider-id'] ?? []).length > 0
  if (orgIds.length === 0 && !providerOnly) return jcError(401, NO_ORG_SELECTED)
  for (const id of orgIds) if (!findOrg(state, id)) return jcError(401, NO_ORG_SELECTED)

  const body = req.body
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return jcError(400, 'request body must be a JSON EventQuery')
  const q = body as Record<string, unknown>
  const services = q.service
  if (!Array.isArray(services) || services.length === 0) return jcError(400, 'service is required')
  const bad = services.filter((s) => !DI_SERVICES.includes(String(s)))
  // "An invalid service gets a reply that lists the valid ones" (§A.3).
  if (bad.length) return jcError(400, `invalid service ${bad.join(', ')}; valid services: ${DI_SERVICES.join(', ')}`)
  if (!isRfc3339(q.start_time)) return jcError(400, 'start_time is required, RFC3339 UTC')
  if (q.end_time !== undefined && !isRfc3339(q.end_time)) return jcError(400, 'end_time must be RFC3339 UTC')
  // "nonsensical values for the limit field will cause the system to return the default row count".
  const limit =
    Number.isInteger(q.limit) && (q.limit as number) > 0 && (q.limit as number) <= MAX_LIMIT
      ? (q.limit as number)
      : DEFAULT_LIMIT
  // "Nonsensical/missing sort directives cause the system to default to ascending order, silently."
  const sort = typeof q.sort === 'string' && q.sort.toUpperCase() === 'DESC' ? 'DESC' : 'ASC'
  const start = Date.parse(q.start_time)
  const end = typeof q.end_time === 'string' ? Date.parse(q.end_time) : Infinity
  const all = services.includes('all')
  const term = q.search_term && typeof q.search_term === 'object' ? (q.search_term as Term) : undefined
  const after =
    Array.isArray(q.search_after) && q.search_after.length === 2 ? (q.search_after as [unknown, unknown]) : undefined
  const skip = Number.isInteger(q.skip) && (q.skip as number) > 0 ? (q.skip as number) : 0

  const events = orgIds
    .flatMap((id) => findOrg(state, id)?.events ?? [])
    .filter((e) => {
      const t = Date.parse(e.timestamp)
      // end_time treated as inclusive (UNCONFIRMED).
      return t >= start && t <= end && (all || services.includes(e.service)) && (!term || matchesTerm(e, term))
    })
    .sort((a, b) => compareKeys(sortKey(a), sortKey(b)) * (sort === 'DESC' ? -1 : 1))
  const rest = after ? events.filter((e) => compareKeys(sortKey(e), after) * (sort === 'DESC' ? -1 : 1) > 0) : events
  const page = rest.slice(skip, skip + limit)
  const last = page[page.length - 1]
  return {
    status: 200,
    body: page,
    // §A.3 response headers; X-Search_after is present even on the last page.
    headers: {
      'X-Result-Count': String(page.length),
      'X-Limit': String(limit),
      'X-Sort': sort,
      'X-Search_after': JSON.stringify(last ? sortKey(last) : (after ?? [])),
      'X-Request-Id': randomUUID()
    }
  }
}

export function addInsightsRoutes(router: Router, getState: () => JumpCloudSimState): void {
  router.add('POST', `${DI_PREFIX}/events`, (req) => queryEvents(getState(), req))
}
