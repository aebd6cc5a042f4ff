import PQueue from 'p-queue'
import { openSession } from '../connect/session'
import type { SourceConnector, SourceKind } from '../connectors/types'
import type { AppContext } from '../core/context'
import { loadMappings } from '../customers/store'
import { orgKey } from '../../shared/contract/org-ref'
import { sourceInfo } from '../../shared/registry'
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
  const session = openSession(ctx)
  const psa = session.psaKind
  if (!psa) return summary
  // Sources whose billing is a sampled high-water mark (the registry says which), each with its synced orgs.
  const syncedKeys = syncedOrgs(ctx.db, psa)
  const synced = loadMappings(ctx.db, psa).filter((m) => syncedKeys.has(orgKey(m)))
  const plan = session.sources
    .filter((k) => sourceInfo(k).billing.sampled)
    .map((kind) => ({ kind, orgIds: synced.filter((m) => m.source === kind).map((m) => m.orgId) }))
    .filter((p) => p.orgIds.length > 0)
  if (plan.length === 0) return summary
  await ensureHwmBuckets(ctx) // samples go into buckets of the current billing zone
  const stop = () => (o.shouldStop?.() ?? false) || billingStopRequested(ctx.db) !== null
  for (const { kind, orgIds } of plan) {
    const source = await session.source(kind)
    await samplePass(ctx, kind, source, orgIds, summary, stop)
    if (!stop()) summary.eventPoints += await replayCountEvents(ctx, kind, source, orgIds, at)
  }
  return summary
}

/** One source's orgs sampled at `summary.at`; throws when the source is down (an outage, not one org's failure). */
async function samplePass(
  ctx: AppContext,
  kind: SourceKind,
  source: SourceConnector,
  orgIds: readonly string[],
  summary: SampleSummary,
  stop: () => boolean
): Promise<void> {
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
            { source: kind, orgId, metric: 'users', count: c.users, takenAt, origin: SAMPLE_ORIGIN },
            { source: kind, orgId, metric: 'devices', count: c.devices, takenAt, origin: SAMPLE_ORIGIN }
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
}
