import type { Handlers } from '../../shared/contract'
import pkg from '../../../package.json'
import type { AppContext } from '../core/context'
import { summarizeAll } from '../connect/summary'
import { listRunRows, loadBillingSettings } from '../billing/store'
import { readPause } from '../core/pause'
import { attentionSummary, countInState } from '../ticketing/store'

/** What status reads: no connectors, no events (the CLI's status core wires only this). */
export type StatusContext = Pick<AppContext, 'db' | 'secrets' | 'dataDir' | 'now'>

/** Handlers that read across domains (the tray's and CLI's status line). */
export function createSystemHandlers(ctx: StatusContext): Pick<Handlers, 'getStatus'> {
  return {
    async getStatus() {
      const integrations = await summarizeAll(ctx.db, ctx.secrets)
      return {
        version: pkg.version,
        dataDir: ctx.dataDir,
        secretStore: ctx.secrets.kind,
        integrations,
        lastSync: lastBillingSync(ctx),
        alerts: alertBacklog(ctx),
        pause: readPause(ctx.db),
        nextRun: await nextScheduledRun(ctx)
      }
    }
  }
}

/** The tray's status line: when the last real (not preview) billing push ended, and how. */
function lastBillingSync(ctx: StatusContext): { at: string; result: string } | null {
  const run = listRunRows(ctx.db, { limit: 1, includeDryRuns: false })[0]
  if (!run) return null
  if (!run.finishedAt) return { at: run.startedAt, result: 'running' }
  const c = run.counts
  const detail =
    `${c.written} written, ${c.unchanged} unchanged` +
    (c.held ? `, ${c.held} held` : '') +
    (c.blocked ? `, ${c.blocked} blocked` : '') +
    (c.failed ? `, ${c.failed} failed` : '')
  return { at: run.finishedAt, result: run.status === 'ok' ? detail : `${run.status}: ${detail}` }
}

/** Alerts waiting to be delivered, and those that need a setting changed first (shown, not retried forever). */
function alertBacklog(ctx: StatusContext): {
  queued: number
  attention: number
  waitingMapping: number
  attentionReason: string | null
} {
  const a = attentionSummary(ctx.db)
  return {
    queued: countInState(ctx.db, 'queued'),
    attention: a.count,
    waitingMapping: countInState(ctx.db, 'waiting-mapping'),
    attentionReason: a.reason
  }
}

/**
 * When the schedule pushes next (also while paused: the tray says that slot will be skipped). The scheduler (and
 * luxon under it) loads only when a schedule is on: a CLI `status` without one starts faster (issue 12).
 */
async function nextScheduledRun(ctx: StatusContext): Promise<string | null> {
  const s = loadBillingSettings(ctx.db)
  if (!s.scheduleEnabled) return null
  const { nextRun } = await import('../scheduler/schedule')
  return nextRun(s.schedule, ctx.now()).toISOString()
}
