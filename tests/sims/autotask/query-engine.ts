// Query endpoint behaviour: MaxRecords ≤ 500, id-ordered keyset paging with an absolute
// `.../query/next?paging=...` cursor, IncludeFields, count (autotask.md §4.4–§4.5, §9.6).
import type { SimReply } from '../common/types'
import { AutotaskRuleError, ci, compileFilter, type Row } from './filter'
import { ENTITY_FIELDS, toWire, type AutotaskState, type EntityName } from './model'

export const MAX_PAGE = 500

interface Cursor {
  pageSize: number
  previousIds: number[]
  nextIds: number[]
}

function parseCursor(raw: string | null): Cursor | undefined {
  if (!raw) return undefined
  try {
    const c = JSON.parse(raw) as Partial<Cursor>
    if (typeof c.pageSize === 'number' && Array.isArray(c.nextIds) && typeof c.nextIds[0] === 'number')
      return { pageSize: c.pageSize, previousIds: c.previousIds ?? [-1], nextIds: c.nextIds }
  } catch {
    // fall through
  }
  throw new AutotaskRuleError('Invalid paging parameter.')
}

function matching(state: AutotaskState, entity: EntityName, body: unknown): Row[] {
  const predicate = compileFilter(ci(body, 'filter'), ENTITY_FIELDS[entity])
  return state.tables[entity].filter(predicate).sort((a, b) => (a.id as number) - (b.id as number))
}

export interface QueryCall {
  entity: EntityName
  body: unknown
  /** Absolute base of the zone, e.g. http://127.0.0.1:PORT/ATServicesRest/ */
  zoneUrl: string
  /** The `paging` query parameter of a /query/next call. */
  paging?: string | null
  /** For GET queries the search JSON is echoed into the cursor URL (§4.5). */
  search?: string
}

export function runQuery(state: AutotaskState, call: QueryCall): SimReply {
  const requested = ci(call.body, 'MaxRecords')
  const cursor = parseCursor(call.paging ?? null)
  // clamp to 1..500: behaviour above 500 is UNCONFIRMED, clamping is the documented assumption (§4.4)
  const pageSize =
    cursor?.pageSize ??
    Math.min(MAX_PAGE, Math.max(1, typeof requested === 'number' ? Math.floor(requested) : MAX_PAGE))
  const after = cursor?.nextIds[0] ?? Number.NEGATIVE_INFINITY
  const rows = matching(state, call.entity, call.body).filter((r) => (r.id as number) > after)
  const page = rows.slice(0, pageSize)
  const last = page[page.length - 1]
  let nextPageUrl: string | null = null
  if (rows.length > pageSize && last) {
    const paging = JSON.stringify({ pageSize, previousIds: [cursor?.nextIds[0] ?? -1], nextIds: [last.id] })
    const qs = new URLSearchParams({ paging })
    if (call.search !== undefined) qs.set('search', call.search)
    nextPageUrl = `${call.zoneUrl}V1.0/${call.entity}/query/next?${qs.toString()}`
  }
  const include = ci(call.body, 'IncludeFields')
  return {
    status: 200,
    body: {
      items: page.map((r) => toWire(r, Array.isArray(include) ? include.map(String) : undefined)),
      pageDetails: { count: page.length, requestCount: pageSize, prevPageUrl: null, nextPageUrl }
    }
  }
}

export function runCount(state: AutotaskState, entity: EntityName, body: unknown): SimReply {
  return { status: 200, body: { queryCount: matching(state, entity, body).length } }
}
