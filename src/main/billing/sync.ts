import { randomUUID } from 'node:crypto'
import type { PlanRow, RunCounts, SyncResult } from '../../shared/contract/billing'
import { AppError, isAppError } from '../../shared/errors'
import type { AppContext } from '../core/context'
import { acquireLease, leaseHolder } from '../core/lease'
import type { Db } from '../db/connection'
import { Abort, errorText } from './run-errors'
import { pruneSamples } from './hwm-buckets'
import { Runner, type BillingSyncOptions } from './runner'
import { billingStopRequested, clearBillingStop, setBillingStop } from './run-stop'
import { finishRun, insertRun, markInterruptedRuns, ZERO_COUNTS } from './store'

export type { BillingSyncOptions, RunTrigger } from './runner'
export { syncedOrgs } from './synced-orgs'

const running = new WeakMap<Db, string>()

/**
 * Asks the run in progress in this process (if any) to stop: items not yet started end "Not attempted", items in
 * flight finish, and the run is recorded "interrupted" with what it did. Returns whether a run was in progress.
 */
export function requestBillingStop(db: Db, reason: string): boolean {
  if (!running.has(db)) return false
  setBillingStop(db, reason)
  return true
}

/** The id of the billing run in progress in this process, if any. */
export function billingRunInProgress(db: Db): string | null {
  return running.get(db) ?? null
}

/**
 * One billing run: counts → snapshots → HWM → per mapping: re-read the PSA quantity, plan, write if changed.
 * Every door (UI, tray, scheduler, CLI) goes through here, so one lock covers them all.
 * Throws AppError('conflict') when a run is already in progress; any other failure ends as a `failed` run.
 */
export async function runBillingSync(ctx: AppContext, opts: BillingSyncOptions): Promise<SyncResult> {
  const busy = running.get(ctx.db)
  if (busy)
    throw new AppError('conflict', 'A billing sync is already running.', {
      hint: 'Wait for it to finish; its result appears in Activity.'
    })
  // The desktop app and the CLI may share a data dir: the lease makes the lock hold across processes.
  const lease = acquireLease(ctx.db, 'billingRun', ctx.now)
  if (!lease) {
    throw new AppError(
      'conflict',
      `Another PSA Bridge process (the app or the command line) is running a billing sync: ${leaseHolder(ctx.db, 'billingRun', ctx.now()) ?? 'another process'}.`,
      {
        hint: 'Wait for it to finish; its result appears in Activity.'
      }
    )
  }
  // With the lease held, a billing run still "running" belongs to a process that died: its intents get settled.
  markInterruptedRuns(ctx.db, ctx.now().toISOString())
  const runId = randomUUID()
  running.set(ctx.db, runId)
  const startedAt = ctx.now().toISOString()
  try {
    insertRun(ctx.db, { id: runId, trigger: opts.trigger, dryRun: opts.dryRun, startedAt })
    ctx.log.info('billing run started', { runId, trigger: opts.trigger, dryRun: opts.dryRun })
    const runner = new Runner(ctx, runId, opts)
    let items: PlanRow[] = []
    let error: string | null = null
    try {
      items = await runner.run()
    } catch (e) {
      if (!(e instanceof Abort) && !isAppError(e)) ctx.log.error('billing run crashed', { runId, error: errorText(e) })
      error = e instanceof Abort ? e.error.message : errorText(e)
      items = runner.sortedRows()
    }
    const counts = countItems(items)
    // A stop that cut the run short (items not attempted) makes it "interrupted"; one that came after the last
    // item changes nothing.
    const stop = billingStopRequested(ctx.db)
    const cut = stop !== null && (error !== null || counts.failed > 0)
    if (cut) error ??= stop.message
    const status = cut ? 'interrupted' : error ? 'failed' : counts.failed > 0 ? 'partial' : 'ok'
    const finishedAt = ctx.now().toISOString()
    finishRun(ctx.db, runId, { status, finishedAt, counts, error })
    pruneSamples(ctx.db, ctx.now()) // raw samples are an audit window; the HWM rows stay
    ctx.events.emit('syncFinished', { runId, result: status })
    if (error) runner.reporter.fail(error)
    else runner.reporter.finish(`Finished: ${status}`)
    ctx.log.info('billing run finished', { runId, trigger: opts.trigger, dryRun: opts.dryRun, status, ...counts })
    return {
      runId,
      trigger: opts.trigger,
      dryRun: opts.dryRun,
      status,
      startedAt,
      finishedAt,
      counts,
      error,
      month: runner.month,
      items
    }
  } finally {
    running.delete(ctx.db)
    clearBillingStop(ctx.db)
    lease.release()
  }
}

function countItems(items: readonly PlanRow[]): RunCounts {
  const c = { ...ZERO_COUNTS }
  for (const i of items) c[i.result] += 1
  return c
}
