import type { PsaKind, SourceConnector, SourceEvent, SourceKind } from '../connectors/types'
import type { AppContext } from '../core/context'
import { lastRefresh, loadOrgs, saveOrgs } from '../customers/store'
import type { TicketingSettings } from '../../shared/contract/ticketing'
import { ALL_EVENT_TYPES, alertTypeOfEvent, groupKeyOf } from './alert-types'
import { customerRouter } from './routing'
import { effectiveSeverity, severityGroupKey } from './severity-rules'
import type { SeverityTicketing } from '../../shared/contract/severity-ticketing'
import { loadPollState, savePollState } from './settings'
import { eventsInState, insertEvent, setEventState, type AlertEventRow } from './store'

/** Directory Insights can index events late: the window ends this far before now. */
export const LAG_MS = 2 * 60_000
/** Each window re-reads this much before the cursor so late-indexed events are still caught (dedupe by id). */
export const OVERLAP_MS = 5 * 60_000
/** The very first poll looks back this far (older events are history, not alerts). */
export const FIRST_LOOKBACK_MS = 60 * 60_000
/** The org list is re-read when older than this, so a client org created since still has its alerts read. */
export const ORG_LIST_MAX_AGE_MS = 6 * 60 * 60_000

/** Re-reads the organizations from the source when the cached list is missing or stale. */
async function refreshOrgsIfStale(
  ctx: AppContext,
  kind: SourceKind,
  source: SourceConnector,
  now: Date
): Promise<void> {
  const last = lastRefresh(ctx.db, 'source_orgs', kind)
  if (last && now.getTime() - Date.parse(last) < ORG_LIST_MAX_AGE_MS) return
  saveOrgs(ctx.db, kind, await source.listOrganizations(), now.toISOString())
}

export interface PollResult {
  fetched: number
  inserted: number
}

/** How one source's events become alerts: which types to read, and each event's alert type, group and switch. */
export interface IntakeSpec {
  /** The source kind (org ids, cursor and alerts are kept per source). */
  kind: SourceKind
  /** Event types to read; undefined = every type (a source whose alerts are chosen by severity). */
  eventTypes?: string[]
  /** undefined = not an alert (ignored). */
  classify(e: SourceEvent): { alertType: AlertEventRow['alert_type']; groupKey: string; enabled: boolean } | undefined
}

/** The four fixed JumpCloud alert types (jumpcloud.md §A.3), each switched on or off in the settings. */
export function fixedTypeIntake(kind: SourceKind, settings: TicketingSettings): IntakeSpec {
  return {
    kind,
    eventTypes: ALL_EVENT_TYPES,
    classify(e) {
      const def = alertTypeOfEvent(e.eventType)
      return def && { alertType: def.id, groupKey: groupKeyOf(def, e), enabled: settings.types[def.id].enabled }
    }
  }
}

/** One intake window [cursor − overlap, now − lag) for every enabled org; the cursor advances only on success. */
export async function pollEvents(
  ctx: AppContext,
  source: SourceConnector,
  psa: PsaKind | null,
  spec: IntakeSpec
): Promise<PollResult> {
  const now = ctx.now()
  const state = loadPollState(ctx.db, spec.kind)
  const end = new Date(now.getTime() - LAG_MS)
  const cursor = state.cursor ? new Date(state.cursor) : new Date(end.getTime() - FIRST_LOOKBACK_MS)
  const start = new Date(Math.min(cursor.getTime(), end.getTime()) - OVERLAP_MS)
  const failed = (e: unknown) =>
    savePollState(
      ctx.db,
      { ...state, at: now.toISOString(), error: e instanceof Error ? e.message : String(e) },
      now,
      spec.kind
    )
  try {
    await refreshOrgsIfStale(ctx, spec.kind, source, now)
  } catch (e) {
    failed(e)
    throw e
  }
  const orgIds = loadOrgs(ctx.db, spec.kind)
    .filter((o) => !o.disabled)
    .map((o) => o.id)
  if (orgIds.length === 0) {
    savePollState(ctx.db, { ...state, cursor: end.toISOString(), at: now.toISOString(), error: null }, now, spec.kind)
    return { fetched: 0, inserted: 0 }
  }
  let events
  try {
    events = await source.fetchEvents({ orgIds, eventTypes: spec.eventTypes, start, end })
  } catch (e) {
    failed(e)
    throw e
  }
  const route = customerRouter(ctx.db, psa, spec.kind)
  let inserted = 0
  ctx.db.transaction(() => {
    for (const e of events) {
      const a = spec.classify(e)
      // Happened while automated ticketing was off (it was switched back on at `since`): not an alert now.
      if (!a || (state.since && Date.parse(e.timestamp) < Date.parse(state.since))) continue
      const st = !a.enabled ? 'disabled' : route(e.orgId) ? 'queued' : 'waiting-mapping'
      const row = { alertType: a.alertType, groupKey: a.groupKey, state: st, receivedAt: now.toISOString() } as const
      if (insertEvent(ctx.db, e, { ...row, sourceKind: spec.kind })) inserted++
    }
    // Never move the cursor backwards (a clock step back must not re-open old windows needlessly).
    const next = state.cursor && state.cursor > end.toISOString() ? state.cursor : end.toISOString()
    savePollState(ctx.db, { ...state, cursor: next, at: now.toISOString(), error: null }, now, spec.kind)
  })()
  return { fetched: events.length, inserted }
}

/** Alerts that waited for a mapping go to the queue once their org is mapped (or a catch-all is set). */
export function releaseWaiting(ctx: AppContext, psa: PsaKind | null): number {
  const routers = new Map<string, ReturnType<typeof customerRouter>>()
  const routeOf = (kind: SourceKind) => {
    if (!routers.has(kind)) routers.set(kind, customerRouter(ctx.db, psa, kind))
    return routers.get(kind)!
  }
  let n = 0
  for (const e of eventsInState(ctx.db, 'waiting-mapping')) {
    if (!routeOf(e.source_kind)(e.org_id)) continue
    setEventState(ctx.db, e, 'queued')
    n++
  }
  return n
}

/** A severity source (SaaS Alerts): every event is an alert of its severity, grouped on the chosen stable fields. */
export function severityIntake(kind: SourceKind, settings: SeverityTicketing): IntakeSpec {
  return {
    kind,
    classify(e) {
      const severity = effectiveSeverity(e.severity)
      return {
        alertType: severity,
        groupKey: severityGroupKey(kind, settings.groupBy, { ...e, severity }),
        enabled: settings.severities[severity].enabled
      }
    }
  }
}
