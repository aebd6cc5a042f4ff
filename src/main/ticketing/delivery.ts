import type { PsaConnector, PsaKind, SourceKind, TicketMetadata } from '../connectors/types'
import type { AppContext } from '../core/context'
import { loadOrgs } from '../customers/store'
import { isAppError } from '../../shared/errors'
import type { SeverityTicketing } from '../../shared/contract/severity-ticketing'
import type { TicketingSettings } from '../../shared/contract/ticketing'
import { deliverGroup, type CycleMemory } from './deliver-group'
import { backoffMs } from './backoff'
import { customerRouter } from './routing'
import { eventsInState, parkForAttention, recordFailure, stillQueued, type AlertEventRow } from './store'

export { newMarker } from './marker'
export { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffMs } from './backoff'
export { buildTicket, templateValues } from './ticket-content'

/**
 * Groups delivered at once. Independent groups overlap their requests so the PSA's rate limit, enforced
 * by the connector's limiter, is what sets the pace rather than one round trip after another.
 */
export const GROUP_CONCURRENCY = 8

export interface DeliveryCounts {
  ticketsCreated: number
  notesAdded: number
  suppressed: number
  failed: number
  /** Alerts parked as needing attention in this cycle. */
  parked: number
}

export interface DeliveryDeps {
  ctx: AppContext
  psa: PsaKind
  connector: PsaConnector
  settings: TicketingSettings
  /** A severity source's settings (SaaS Alerts); null for a source of fixed alert types. */
  severity?: (sourceKind: string) => SeverityTicketing | null
  metadata: () => Promise<TicketMetadata>
}

/**
 * Errors that retrying cannot fix: the PSA refuses what the settings make us send (a value not in its lists,
 * a missing queue), the credentials or their permissions, a customer that no longer exists.
 */
const NEEDS_A_CHANGE = new Set(['validation', 'config', 'permission', 'auth', 'not-found'])

/**
 * Delivers every due queued alert, groups side by side (at most GROUP_CONCURRENCY at once), oldest first
 * within a group; a failure stops its group for this cycle (later repeats must not overtake the alert that
 * opens the ticket).
 */
export async function deliverQueued(d: DeliveryDeps, opts: { retryNow: boolean }): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { ticketsCreated: 0, notesAdded: 0, suppressed: 0, failed: 0, parked: 0 }
  const groups = new Map<string, AlertEventRow[]>()
  for (const e of eventsInState(d.ctx.db, 'queued')) {
    const g = groups.get(e.group_key)
    if (g) g.push(e)
    else groups.set(e.group_key, [e])
  }
  // Org ids, names and mappings are per source.
  const perSource = new Map<string, { names: Map<string, string>; route: ReturnType<typeof customerRouter> }>()
  const sourceOf = (kind: SourceKind) => {
    let v = perSource.get(kind)
    if (!v) {
      v = {
        names: new Map(loadOrgs(d.ctx.db, kind).map((o) => [o.id, o.name])),
        route: customerRouter(d.ctx.db, d.psa, kind)
      }
      perSource.set(kind, v)
    }
    return v
  }
  const now = d.ctx.now().toISOString()
  const due = [...groups.values()].filter(
    (g) => opts.retryNow || !g[0]!.next_attempt_at || g[0]!.next_attempt_at <= now
  )
  // The PSA lists are read at most once per cycle, however many groups ask at once.
  let lists: Promise<TicketMetadata> | undefined
  const deps: DeliveryDeps = { ...d, metadata: () => (lists ??= d.metadata()) }
  const memory: CycleMemory = { ticketOpen: new Map() }
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < due.length) {
      const events = due[next++]!
      const orgId = events[0]!.org_id
      const src = sourceOf(events[0]!.source_kind)
      try {
        const r = await deliverGroup(
          deps,
          events,
          {
            orgName: src.names.get(orgId) ?? orgId,
            customer: src.route(orgId)?.customerId ?? null
          },
          memory
        )
        counts.ticketsCreated += r.ticketsCreated
        counts.notesAdded += r.notesAdded
        counts.suppressed += r.suppressed
      } catch (err) {
        failed(d, events, err, counts)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(GROUP_CONCURRENCY, due.length) }, worker))
  return counts
}

function failed(d: DeliveryDeps, events: AlertEventRow[], err: unknown, counts: DeliveryCounts): void {
  const left = stillQueued(d.ctx.db, events)
  if (!left.length) return
  const message = isAppError(err) ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err)
  if (isAppError(err) && NEEDS_A_CHANGE.has(err.code)) {
    // Sending the same thing again cannot succeed: shown with what to change, retried once something changed.
    const reason = err.hint ? `${err.message} ${err.hint}` : err.message
    parkForAttention(d.ctx.db, left, reason)
    counts.parked += left.length
    d.ctx.log.warn('alert needs attention; not retried until a setting changes', {
      eventId: left[0]!.event_id,
      error: message
    })
    return
  }
  counts.failed++
  const first = left[0]!
  recordFailure(d.ctx.db, first, message, new Date(d.ctx.now().getTime() + backoffMs(first.attempts)).toISOString())
  d.ctx.log.warn('alert delivery failed; will retry', {
    eventId: first.event_id,
    attempts: first.attempts + 1,
    error: message
  })
}
