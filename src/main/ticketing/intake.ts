import type { PsaKind, SourceConnector } from '../connectors/types'
import type { AppContext } from '../core/context'
import { lastRefresh, loadOrgs, saveOrgs, SOURCE } from '../customers/store'
import type { TicketingSettings } from '../../shared/contract/ticketing'
import { ALL_EVENT_TYPES, alertTypeOfEvent, groupKeyOf } from './alert-types'
import { customerRouter } from './routing'
import { loadPollState, savePollState } from './settings'
import { eventsInState, insertEvent, setEventState } from './store'

/** Directory Insights can index events late: the window ends this far before now. */
export const LAG_MS = 2 * 60_000
/** Each window re-reads this much before the cursor so late-indexed events are still caught (dedupe by id). */
export const OVERLAP_MS = 5 * 60_000
/** The very first poll looks back this far (older events are history, not alerts). */
export const FIRST_LOOKBACK_MS = 60 * 60_000
/** The org list is re-read when older than this, so a client org created since still has its alerts read. */
export const ORG_LIST_MAX_AGE_MS = 6 * 60 * 60_000

/** Re-reads the organizations from the source when the cached list is missing or stale. */
async function refreshOrgsIfStale(ctx: AppContext, source: SourceConnector, now: Date): Promise<void> {
  const last = lastRefresh(ctx.db, 'source_orgs', SOURCE)
  if (last && now.getTime() - Date.parse(last) < ORG_LIST_MAX_AGE_MS) return
  saveOrgs(ctx.db, await source.listOrganizations(), now.toISOString())
}

export interface PollResult {
  fetched: number
  inserted: number
}

/** One intake window [cursor − overlap, now − lag) for every enabled org; the cursor advances only on success. */
export async function pollEvents(
  ctx: AppContext,
  source: SourceConnector,
  psa: PsaKind | null,
  settings: TicketingSettings
): Promise<PollResult> {
  const now = ctx.now()
  const state = loadPollState(ctx.db)
  const end = new Date(now.getTime() - LAG_MS)
  const cursor = state.cursor ? new Date(state.cursor) : new Date(end.getTime() - FIRST_LOOKBACK_MS)
  const start = new Date(Math.min(cursor.getTime(), end.getTime()) - OVERLAP_MS)
  try {
    await refreshOrgsIfStale(ctx, source, now)
  } catch (e) {
    savePollState(ctx.db, { ...state, at: now.toISOString(), error: e instanceof Error ? e.message : String(e) }, now)
    throw e
  }
  const orgIds = loadOrgs(ctx.db)
    .filter((o) => !o.disabled)
    .map((o) => o.id)
  if (orgIds.length === 0) {
    savePollState(ctx.db, { ...state, cursor: end.toISOString(), at: now.toISOString(), error: null }, now)
    return { fetched: 0, inserted: 0 }
  }
  let events
  try {
    events = await source.fetchEvents({ orgIds, eventTypes: ALL_EVENT_TYPES, start, end })
  } catch (e) {
    savePollState(ctx.db, { ...state, at: now.toISOString(), error: e instanceof Error ? e.message : String(e) }, now)
    throw e
  }
  const route = customerRouter(ctx.db, psa)
  let inserted = 0
  ctx.db.transaction(() => {
    for (const e of events) {
      const def = alertTypeOfEvent(e.eventType)
      // Happened while automated ticketing was off (it was switched back on at `since`): not an alert now.
      if (!def || (state.since && Date.parse(e.timestamp) < Date.parse(state.since))) continue
      const st = !settings.types[def.id].enabled ? 'disabled' : route(e.orgId) ? 'queued' : 'waiting-mapping'
      if (
        insertEvent(ctx.db, e, {
          alertType: def.id,
          groupKey: groupKeyOf(def, e),
          state: st,
          receivedAt: now.toISOString()
        })
      )
        inserted++
    }
    // Never move the cursor backwards (a clock step back must not re-open old windows needlessly).
    const next = state.cursor && state.cursor > end.toISOString() ? state.cursor : end.toISOString()
    savePollState(ctx.db, { ...state, cursor: next, at: now.toISOString(), error: null }, now)
  })()
  return { fetched: events.length, inserted }
}

/** Alerts that waited for a mapping go to the queue once their org is mapped (or a catch-all is set). */
export function releaseWaiting(ctx: AppContext, psa: PsaKind | null): number {
  const route = customerRouter(ctx.db, psa)
  let n = 0
  for (const e of eventsInState(ctx.db, 'waiting-mapping')) {
    if (!route(e.org_id)) continue
    setEventState(ctx.db, e.event_id, 'queued')
    n++
  }
  return n
}
