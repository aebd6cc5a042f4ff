import type { AppContext } from '../core/context'
import { createProgress } from '../core/progress'
import type { Db } from '../db/connection'
import { rebuildBuckets, retargetBuckets } from './hwm-buckets'
import { loadBillingSettings } from './store'

const jobs = new WeakMap<Db, Promise<void>>()

/** Progress events of the bucket rebuild carry this action id. */
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
  const progress = createProgress(ctx.events, 'hwmRebuild', HWM_REBUILD_RUN)
  const job = rebuildBuckets(ctx.db, {
    onProgress: (done, total) => progress.step('Rebuilding monthly maximums for the new time zone', done, total)
  })
    .then((months) => {
      progress.finish()
      ctx.log.info('HWM buckets rebuilt', { months })
    })
    .catch((e: unknown) => {
      progress.fail(e)
      throw e
    })
    .finally(() => jobs.delete(ctx.db))
  jobs.set(ctx.db, job)
  return job
}
