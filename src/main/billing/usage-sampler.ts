import PQueue from 'p-queue'
import { getIntegration } from '../connect/store'
import { activePsaKind, openSource } from '../connect/open'
import type { AppContext } from '../core/context'
import { SOURCE_KINDS } from '../../shared/registry'
import { ensureHwmBuckets } from './hwm-job'
import { billingStopRequested } from './run-stop'
import { errorText, SystemicBreaker } from './run-errors'
import { syncedOrgs } from './synced-orgs'
import { replayCountEvents } from './usage-events'
import { recordSamples, type UsageSample } from './usage-store'

// Background sampling between pushes (issue 10 #8): every synced org's counts at one instant, stored through the
// kept-HWM store (one transaction per chunk, each sample raising its month's and day's row), then the source's
// create/delete events replayed between samples so a peak shorter than the interval is still the month's HWM.

/** Where a background sample came from (a push's own counts are 'sync'; replayed events are 'event'). */
export const SAMPLE_ORIGIN = 'sample'
/** Requests in flight at once; the connector's limiter keeps the source's rate. */
const CONCURRENCY = 8
/** Samples per transaction: large enough to amortise the commit, small enough not to hold the write lock long. */
const CHUNK = 500

export interface SampleSummary {
  at: string
  orgs: number
  /** Orgs whose counts could not be read this time (their month keeps its earlier samples). */
  failed: number
  /** Points reconstructed from create/delete events. */
  eventPoints: number
}

/**
 * One sampling pass. Nothing to do (and no request) while no PSA or no source is connected or no org is synced.
 * `shouldStop` is asked before each org, so a shutdown ends the pass early with what it has stored.
 */
export async function sampleUsage(ctx: AppContext, o: { shouldStop?: () => boolean } = {}): Promise<SampleSummary> {
  const at = ctx.now()
  const summary: SampleSummary = { at: at.toISOString(), orgs: 0, failed: 0, eventPoints: 0 }
  const psa = activePsaKind(ctx.db)
  if (!psa || !getIntegration(ctx.db, SOURCE_KINDS[0])) return summary
  const orgIds = [...syncedOrgs(ctx.db, psa).keys()]
  if (orgIds.length === 0) return summary
  await ensureHwmBuckets(ctx) // samples go into buckets of the current billing zone
  const source = await openSource(ctx)
  const stop = () => (o.shouldStop?.() ?? false) || billingStopRequested(ctx.db) !== null
  // One org's 5xx loses that org's sample only; an outage (a streak across orgs, or a refused key) ends the pass.
  const breaker = new SystemicBreaker()
  let outage: Error | null = null
  let pending: UsageSample[] = []
  const flush = () => {
    if (pending.length) recordSamples(ctx.db, pending)
    pending = []
  }
  const queue = new PQueue({ concurrency: CONCURRENCY })
  await Promise.all(
    orgIds.map((orgId) =>
      queue.add(async () => {
        if (outage || stop()) return
        try {
          const c = await source.getUsageCounts(orgId)
          const takenAt = summary.at
          pending.push(
            { orgId, metric: 'users', count: c.users, takenAt, origin: SAMPLE_ORIGIN },
            { orgId, metric: 'devices', count: c.devices, takenAt, origin: SAMPLE_ORIGIN }
          )
          summary.orgs += 1
          breaker.success()
          if (pending.length >= CHUNK) flush()
        } catch (e) {
          summary.failed += 1
          // The source is down or the key was revoked: the other orgs would fail the same way.
          outage ??= breaker.failure(e, orgId)
          if (!outage) ctx.log.warn('usage sample failed', { orgId, error: errorText(e) })
        }
      })
    )
  )
  flush()
  outage ??= breaker.neverAnswered()
  if (outage) throw outage
  if (!stop()) summary.eventPoints = await replayCountEvents(ctx, source, orgIds, at)
  return summary
}
