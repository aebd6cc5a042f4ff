import type { AppContext } from '../core/context'
import type { Db } from '../db/connection'
import { rebuildBuckets, retargetBuckets } from './hwm-buckets'
import { loadBillingSettings } from './store'

const jobs = new WeakMap<Db, Promise<void>>()

/** Progress events of the bucket rebuild carry this run id (Activity shows them like a sync's). */
export const HWM_REBUILD_RUN = 'hwm-rebuild'

/**
 * Makes the HWM buckets current before anyone reads them: follows a billing-zone change (however it was made:
 * Settings, config import, another process) and finishes a pending rebuild, one job per database at a time.
 */
export function ensureHwmBuckets(ctx: AppContext): Promise<void> {
  const running = jobs.get(ctx.db)
  if (running) return running
  const state = retargetBuckets(ctx.db, loadBillingSettings(ctx.db).timeZone)
  if (state.rebuildFrom === null) return Promise.resolve()
  ctx.log.info('rebuilding HWM buckets', { zone: state.zone, from: state.rebuildFrom })
  const job = rebuildBuckets(ctx.db, {
    onProgress: (done, total) =>
      ctx.events.emit('syncProgress', { runId: HWM_REBUILD_RUN, phase: 'hwm-rebuild', done, total })
  })
    .then((months) => ctx.log.info('HWM buckets rebuilt', { months }))
    .finally(() => jobs.delete(ctx.db))
  jobs.set(ctx.db, job)
  return job
}
