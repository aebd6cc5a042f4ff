import type { AppContext } from '../core/context'
import { NO_PSA_MESSAGE, sourceInfo } from '../../shared/registry'
import { openSession, type Session } from '../connect/session'
import type { PsaKind, SourceKind } from '../connectors/types'
import type { AlertCycleResult, TicketingSettings } from '../../shared/contract/ticketing'
import { deliverQueued } from './delivery'
import { fixedTypeIntake, pollEvents, releaseWaiting, severityIntake, type IntakeSpec } from './intake'
import { isSeveritySource, loadSeverityTicketing, severityLookup } from './severity-settings'
import { ticketMetadata } from './metadata'
import { loadTicketingSettings } from './settings'
import { acquireLease } from '../core/lease'
import { attentionSummary, countInState, requeueAttention } from './store'

export type AlertTrigger = 'manual' | 'schedule' | 'cli' | 'sync'

// One cycle at a time per database: a second caller joins the running cycle instead of racing it
// (two concurrent deliveries could both see no ticket for a group and create two).
const running = new WeakMap<object, Promise<AlertCycleResult>>()

/** Poll + deliver. Does nothing while the master "Automated Ticketing" toggle is off. */
export function runAlertCycle(
  ctx: AppContext,
  opts: { trigger: AlertTrigger; retryNow?: boolean }
): Promise<AlertCycleResult> {
  const busy = running.get(ctx.db)
  if (busy) return busy
  const p = cycle(ctx, opts).finally(() => running.delete(ctx.db))
  running.set(ctx.db, p)
  return p
}

async function cycle(ctx: AppContext, opts: { trigger: AlertTrigger; retryNow?: boolean }): Promise<AlertCycleResult> {
  const session = openSession(ctx)
  const psa = session.psaKind
  const settings = loadTicketingSettings(ctx.db, psa)
  const empty = { ticketsCreated: 0, notesAdded: 0, suppressed: 0, failed: 0 }
  if (!psa || (!settings.enabled && severitySourcesOn(session, psa).length === 0)) {
    return {
      ran: false,
      fetched: 0,
      newAlerts: 0,
      ...empty,
      ...backlog(ctx),
      pollError: null,
      message: psa ? 'Automated ticketing is off.' : NO_PSA_MESSAGE
    }
  }
  const lease = acquireLease(ctx.db, 'alertCycle', ctx.now)
  if (!lease) {
    const message =
      'Another PSA Bridge process (the app or the command line) is delivering alerts right now; its results appear in Activity.'
    return { ran: false, fetched: 0, newAlerts: 0, ...empty, ...backlog(ctx), pollError: null, message }
  }
  try {
    return await leasedCycle(session, opts, psa, settings)
  } finally {
    lease.release()
  }
}

async function leasedCycle(
  session: Session,
  opts: { trigger: AlertTrigger; retryNow?: boolean },
  psa: PsaKind,
  settings: TicketingSettings
): Promise<AlertCycleResult> {
  const { ctx } = session
  let fetched = 0
  let newAlerts = 0
  let pollError: string | null = null
  const intakes: Array<[SourceKind, IntakeSpec]> = []
  // The fixed-type ticketing settings (per alert type) apply to every connected source that alerts by type.
  if (settings.enabled)
    for (const kind of session.sources)
      if (sourceInfo(kind).alertsBy === 'type') intakes.push([kind, fixedTypeIntake(kind, settings)])
  for (const kind of severitySourcesOn(session, psa))
    intakes.push([kind, severityIntake(kind, loadSeverityTicketing(ctx.db, psa, kind))])
  for (const [kind, spec] of intakes) {
    try {
      const r = await pollEvents(ctx, await session.source(kind), psa, spec)
      fetched += r.fetched
      newAlerts += r.inserted
    } catch (e) {
      // A failed poll does not stop delivery of what is already queued; the cursor stays put.
      pollError = e instanceof Error ? e.message : String(e)
      ctx.log.warn('alert poll failed', { source: kind, error: pollError })
    }
  }
  releaseWaiting(ctx, psa)
  // "Retry now" is also how a user says "I changed what was needed" (e.g. reconnected the PSA).
  if (opts.retryNow) requeueAttention(ctx.db)
  const { connector } = await session.psa()
  const { parked, ...counts } = await deliverQueued(
    {
      ctx,
      psa,
      connector,
      settings,
      severity: severityLookup(ctx.db, psa),
      metadata: () => ticketMetadata(ctx, psa, connector)
    },
    { retryNow: !!opts.retryNow }
  )
  const left = backlog(ctx)
  ctx.events.emit('alertsChanged', {
    ticketsCreated: counts.ticketsCreated,
    notesAdded: counts.notesAdded,
    queued: left.queued
  })
  ctx.log.info('alert cycle finished', { trigger: opts.trigger, fetched, newAlerts, ...counts, parked, ...left })
  const parts = [
    `${newAlerts} new alert(s)`,
    `${counts.ticketsCreated} ticket(s) created`,
    `${counts.notesAdded} note(s) added`
  ]
  if (left.queued) parts.push(`${left.queued} queued for retry`)
  if (left.waitingMapping) parts.push(`${left.waitingMapping} waiting for a mapping`)
  if (left.attention) parts.push(`${left.attention} need attention: ${left.attentionReason}`)
  if (pollError) parts.push(`poll failed: ${pollError}`)
  return { ran: true, fetched, newAlerts, ...counts, ...left, pollError, message: `${parts.join(', ')}.` }
}

/** Connected severity sources whose automated ticketing is on. */
function severitySourcesOn(session: Session, psa: PsaKind): SourceKind[] {
  return session.sources.filter((k) => isSeveritySource(k) && loadSeverityTicketing(session.ctx.db, psa, k).enabled)
}

function backlog(ctx: AppContext) {
  const attention = attentionSummary(ctx.db)
  return {
    queued: countInState(ctx.db, 'queued'),
    waitingMapping: countInState(ctx.db, 'waiting-mapping'),
    attention: attention.count,
    attentionReason: attention.reason
  }
}
