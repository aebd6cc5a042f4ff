import { AppError } from '../../../shared/errors'
import type { HttpClient } from '../http'
import type { SourceEvent } from '../types'
import { EventsSchema, type SaEvent } from './schemas'

/** Rows asked per `GET /reports/events` page (`size`). */
export const EVENTS_PAGE_SIZE = 500
/**
 * UNCONFIRMED: the events index answers `from + size` up to 10,000 (Elasticsearch's default
 * `max_result_window`; saas-alerts-mcp calls the advanced query an Elasticsearch query). Past it the
 * window's start moves to the newest timestamp read and the offset restarts (dedupe by event id).
 */
export const EVENTS_WINDOW_LIMIT = 10_000

const changedApi = { hint: 'SaaS Alerts may have changed its API; report this with the Activity log.' }

export function toSourceEvent(e: SaEvent): SourceEvent {
  return {
    id: e.id,
    orgId: e.orgId,
    eventType: e.eventType,
    severity: e.severity,
    timestamp: e.timestamp,
    user: e.user,
    message: e.message,
    raw: e.raw
  }
}

function compareEvents(a: SourceEvent, b: SourceEvent): number {
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Every event of these organizations in [start, end), oldest first, deduped by id.
 * Query parameters CONFIRMED (node-saas-alerts events resource + tests): customerId, eventType
 * (repeated), start, end (ISO-8601), from, size, timeSort.
 * One organization → `customerId`; several → one query for all (the filter takes one id) and the
 * others' events are dropped here, far cheaper than one query per organization.
 * UNCONFIRMED: `end` is inclusive (saas-alerts-mcp says so), so events at `end` are dropped here.
 * UNCONFIRMED: the largest `size` the server honours; a short page therefore does not end the window,
 * an empty page (or one shorter than an earlier page) does.
 */
export async function collectEvents(
  http: HttpClient,
  q: { orgIds: string[]; eventTypes?: string[]; start: Date; end: Date }
): Promise<SourceEvent[]> {
  const wanted = new Set(q.orgIds)
  if (wanted.size === 0 || !(q.start < q.end) || (q.eventTypes && q.eventTypes.length === 0)) return []
  const startIso = q.start.toISOString()
  const endIso = q.end.toISOString()
  const only = wanted.size === 1 ? [...wanted][0] : undefined
  const byId = new Map<string, SourceEvent>()
  let windowStart = startIso
  let from = 0
  let newest = startIso
  let longest = 0
  for (;;) {
    if (from + EVENTS_PAGE_SIZE > EVENTS_WINDOW_LIMIT) {
      if (newest <= windowStart)
        throw new AppError(
          'bad-response',
          `SaaS Alerts holds more than ${EVENTS_WINDOW_LIMIT} events at ${windowStart}; they cannot be paged.`,
          changedApi
        )
      windowStart = newest
      from = 0
      longest = 0
    }
    const { data } = await http.request({
      method: 'GET',
      url: '/reports/events',
      params: {
        customerId: only,
        eventType: q.eventTypes,
        start: windowStart,
        end: endIso,
        from,
        size: EVENTS_PAGE_SIZE,
        timeSort: 'asc'
      },
      schema: EventsSchema
    })
    for (const e of data) {
      if (e.timestamp > newest) newest = e.timestamp
      if (!wanted.has(e.orgId) || e.timestamp < startIso || e.timestamp >= endIso) continue
      byId.set(e.id, toSourceEvent(e))
    }
    if (data.length === 0 || data.length < longest) break
    longest = Math.max(longest, data.length)
    from += data.length
  }
  return [...byId.values()].sort(compareEvents)
}
