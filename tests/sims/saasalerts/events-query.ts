import type { SimReply, SimRequest } from '../common'
import { saError } from './errors'
import type { SaEvent, SaasAlertsSimState } from './model'

// `GET /reports/events` filters (saasalerts.md; CONFIRMED param names: customerId, userEmail, alertStatus,
// eventType (repeatable), start, end, from, size, timeSort, scroll).

/** UNCONFIRMED: Elasticsearch's default `index.max_result_window` (the index is Elasticsearch, per saas-alerts-mcp). */
export const RESULT_WINDOW = 10_000
/** UNCONFIRMED: saas-alerts-mcp documents a default of 50 rows. */
export const DEFAULT_SIZE = 50
const SEVERITIES = new Set(['low', 'medium', 'critical'])

/** ISO-8601 or epoch ms (saasalerts.md); undefined when absent, NaN when unreadable. */
function instant(v: string | null): number | undefined {
  if (v === null || v === '') return undefined
  return /^\d+$/.test(v) ? Number(v) : Date.parse(v)
}

export type EventFilter = { ok: true; events: SaEvent[] } | { ok: false; reply: SimReply }

/** The events matching the query's filters, sorted by `timeSort` (UNCONFIRMED default: newest first). */
export function filterEvents(state: SaasAlertsSimState, req: SimRequest): EventFilter {
  const q = req.query
  const start = instant(q.get('start'))
  const end = instant(q.get('end'))
  if (Number.isNaN(start) || Number.isNaN(end))
    return { ok: false, reply: saError(400, 'start/end must be ISO-8601 or epoch milliseconds') }
  const status = q.get('alertStatus')
  if (status !== null && !SEVERITIES.has(status))
    return { ok: false, reply: saError(400, 'alertStatus must be one of low, medium, critical') }
  const sort = q.get('timeSort') ?? 'desc'
  if (sort !== 'asc' && sort !== 'desc') return { ok: false, reply: saError(400, 'timeSort must be asc or desc') }
  const customerId = q.get('customerId')
  const user = q.get('userEmail')?.toLowerCase()
  const types = q.getAll('eventType')
  const events = state.events.filter((e) => {
    const t = Date.parse(e.timestamp)
    // Both ends inclusive (saas-alerts-mcp: "(inclusive)", UNCONFIRMED).
    if (start !== undefined && t < start) return false
    if (end !== undefined && t > end) return false
    if (customerId && e.customerId !== customerId) return false
    if (status && e.alertStatus !== status) return false
    if (types.length && !types.includes(e.eventType)) return false
    if (user && e.userId.toLowerCase() !== user) return false
    return true
  })
  const dir = sort === 'asc' ? 1 : -1
  events.sort((a, b) => dir * (a.timestamp.localeCompare(b.timestamp) || a.eventId.localeCompare(b.eventId)))
  return { ok: true, events }
}

/** `from`/`size` as Elasticsearch reads them: integers, from + size within the result window. */
export function pageParams(req: SimRequest, maxPageSize: number): { from: number; size: number } | SimReply {
  const from = Number(req.query.get('from') ?? 0)
  const size = Number(req.query.get('size') ?? DEFAULT_SIZE)
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(size) || size < 0)
    return saError(400, 'from and size must be non-negative integers')
  if (from + size > RESULT_WINDOW)
    return saError(
      400,
      `Result window is too large, from + size must be less than or equal to: [${RESULT_WINDOW}] but was [${from + size}].`
    )
  // A server cap below the asked size (UNCONFIRMED; tests lower it to prove clients do not stop early).
  return { from, size: Math.min(size, maxPageSize) }
}
