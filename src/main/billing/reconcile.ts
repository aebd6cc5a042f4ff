import type { RunCounts } from '../../shared/contract/billing'
import { isAppError } from '../../shared/errors'
import type { PsaConnector, PsaKind } from '../connectors/types'
import type { AppContext } from '../core/context'
import { deleteIntents, orphanIntents, type WriteIntent } from './intents-store'
import { lastResultText } from './run-rows'
import { finishRun, getRunRow, insertRunItems, setLastSync, type RunItemRecord } from './store'

// A run killed between a PSA write and its own record said "interrupted, 0 items" while the PSA had changed. Its
// intents (recorded before each request) are settled here, on the next run, from what the PSA holds now: the PSA is
// the judge, as after a lost reply (confirm-write.ts).

export const CONFIRMED_NEXT_RUN = 'confirmed on the next run'
export const NOT_WRITTEN = 'not written'

/** Whether the PSA holds what the intent meant to write; null when that cannot be told now (the PSA did not answer). */
async function holds(connector: PsaConnector, i: WriteIntent): Promise<boolean | null> {
  try {
    const read = await connector.getQuantity(i.target, { billingDay: i.change.billingDay })
    return (
      read.quantity === i.change.to &&
      read.split !== true &&
      (i.change.unitCost === undefined || read.unitCost === i.change.unitCost) &&
      (i.change.unitPrice === undefined || read.unitPrice === i.change.unitPrice)
    )
  } catch (e) {
    if (isAppError(e) && e.code === 'not-found') return false // the line is gone: nothing of it was kept
    return null
  }
}

function settledRow(i: WriteIntent, written: boolean, at: string): RunItemRecord {
  return {
    psa: i.psa,
    mappingId: i.mappingId,
    source: i.source,
    orgId: i.orgId,
    target: i.target,
    oldQuantity: i.oldQuantity,
    newQuantity: i.newQuantity,
    action: i.action,
    result: written ? 'written' : NOT_WRITTEN,
    message: written
      ? CONFIRMED_NEXT_RUN
      : 'The app stopped before this write was confirmed, and the PSA does not hold it; the next push writes it.',
    at
  }
}

/**
 * Settles the intents that interrupted runs left for this PSA: each target is re-read; the run's history gets
 * "written (confirmed on the next run)" or "not written", its counts follow. Intents whose target cannot be read
 * now stay for the next run. Returns how many were settled.
 */
export async function reconcileInterrupted(ctx: AppContext, connector: PsaConnector, psa: PsaKind): Promise<number> {
  const intents = orphanIntents(ctx.db).filter((i) => i.psa === psa)
  if (intents.length === 0) return 0
  const at = ctx.now().toISOString()
  const byRun = new Map<string, RunItemRecord[]>()
  for (const i of intents) {
    const written = await holds(connector, i)
    if (written === null) continue
    byRun.set(i.runId, [...(byRun.get(i.runId) ?? []), settledRow(i, written, at)])
  }
  for (const [runId, rows] of byRun) {
    ctx.db.transaction(() => {
      const run = getRunRow(ctx.db, runId)
      insertRunItems(ctx.db, runId, rows)
      deleteIntents(
        ctx.db,
        runId,
        rows.map((r) => r.mappingId)
      )
      const counts: RunCounts = { ...run.counts }
      for (const r of rows) {
        if (r.result === 'written') counts.written += 1
        else counts.failed += 1 // not written: the run did not do what it set out to
        setLastSync(ctx.db, r.mappingId, at, lastResultText(r))
      }
      const written = rows.filter((r) => r.result === 'written').length
      const error = `${run.error ?? 'The app stopped while this run was in progress.'} Checked in the PSA on the next run: ${written} written, ${rows.length - written} not written.`
      finishRun(ctx.db, runId, { status: 'interrupted', finishedAt: run.finishedAt ?? at, counts, error })
    })()
    ctx.log.info('interrupted billing run reconciled', { runId, settled: rows.length })
  }
  return [...byRun.values()].reduce((n, rows) => n + rows.length, 0)
}
