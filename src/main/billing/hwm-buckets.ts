import { z } from 'zod'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting, writeSetting } from '../core/settings'
import { daysOf, monthBounds, monthKey, nextMonth, type MonthKey } from './hwm'
import { loadBillingSettings } from './store'

// The zone the HWM buckets are cut in, and their rebuild from raw samples when the billing zone changes (or on the
// first start after migration 005). The rebuild goes month by month, oldest first, each month one transaction that
// replaces that month's day and month rows; samples recorded meanwhile already use the new zone, and a later month's
// rebuild recomputes them from the raw rows anyway. Progress is kept in the state, so a crash resumes it.

export const BUCKETS_KEY = 'billing.hwmBuckets'
/** Raw samples are kept this long for audit (whole months, in the bucket zone); the HWM rows stay. */
export const SAMPLE_RETENTION_DAYS = 92

const StateSchema = z.object({
  /** IANA zone the month and day keys are in. */
  zone: z.string().min(1),
  /** First month still to rebuild (in `zone`), null when every bucket is current. */
  rebuildFrom: z.string().nullable(),
  /** Raw samples before this month were pruned: older buckets cannot be rebuilt and keep the zone they had. */
  keptFrom: z.string().nullable()
})
export type BucketState = z.infer<typeof StateSchema>

function writeState(db: Db, s: BucketState): void {
  writeSetting(db, BUCKETS_KEY, StateSchema, s)
}

/** First month a rebuild in `zone` can recompute exactly: after the pruned one, else the oldest data. */
function firstRebuildMonth(db: Db, zone: string, keptFrom: MonthKey | null): MonthKey | null {
  if (keptFrom) return nextMonth(keptFrom)
  const oldest = prepared(db, 'SELECT MIN(taken_at) AS t FROM usage_snapshots').get() as { t: string | null }
  const label = prepared(db, 'SELECT MIN(month) AS m FROM usage_hwm_months').get() as { m: string | null }
  const candidates = [oldest.t ? monthKey(oldest.t, zone) : null, label.m].filter((m): m is string => m !== null)
  return candidates.length ? candidates.sort()[0]! : null
}

/** The last month holding data: the newest sample's (in `zone`) or the newest bucket label, whichever is later. */
function lastMonth(db: Db, zone: string): MonthKey | null {
  const newest = prepared(db, 'SELECT MAX(taken_at) AS t FROM usage_snapshots').get() as { t: string | null }
  const label = prepared(db, 'SELECT MAX(month) AS m FROM usage_hwm_months').get() as { m: string | null }
  const candidates = [newest.t ? monthKey(newest.t, zone) : null, label.m].filter((m): m is string => m !== null)
  return candidates.length ? candidates.sort().at(-1)! : null
}

/** The buckets' state; the first call after migration 005 starts a full rebuild in the billing zone. */
export function bucketState(db: Db): BucketState {
  const none = { zone: '', rebuildFrom: null, keptFrom: null }
  const s = readSetting(db, BUCKETS_KEY, StateSchema, none)
  if (s.zone) return s
  const zone = loadBillingSettings(db).timeZone
  const init = { zone, rebuildFrom: firstRebuildMonth(db, zone, null), keptFrom: null }
  writeState(db, init)
  return init
}

/** Points the buckets at `zone`; when it differs, every rebuildable month is queued for a rebuild. Returns the state. */
export function retargetBuckets(db: Db, zone: string): BucketState {
  return db.transaction(() => {
    const s = bucketState(db)
    if (s.zone === zone) return s
    const next = { zone, rebuildFrom: firstRebuildMonth(db, zone, s.keptFrom), keptFrom: s.keptFrom }
    writeState(db, next)
    return next
  })()
}

const DELETE_DAYS = 'DELETE FROM usage_hwm_days WHERE day >= @lo AND day < @hi'
// Days as JSON [[day, start, end], …]; each sample falls in exactly one. Per (org, metric, day): the peak is the
// earliest sample with the greatest count, as computeHwm defines it.
const INSERT_DAYS = `
WITH d AS (
  SELECT json_extract(value, '$[0]') AS day, json_extract(value, '$[1]') AS s, json_extract(value, '$[2]') AS e
  FROM json_each(@days)
), x AS (
  SELECT u.source_kind, u.org_id, u.metric, d.day, u.count, u.taken_at,
    ROW_NUMBER() OVER (PARTITION BY u.source_kind, u.org_id, u.metric, d.day ORDER BY u.count DESC, u.taken_at) AS rn,
    COUNT(*) OVER p AS n, MIN(u.taken_at) OVER p AS f, MAX(u.taken_at) OVER p AS l
  FROM usage_snapshots u JOIN d ON u.taken_at >= d.s AND u.taken_at < d.e
  WHERE u.taken_at >= @start AND u.taken_at < @end
  WINDOW p AS (PARTITION BY u.source_kind, u.org_id, u.metric, d.day)
)
INSERT INTO usage_hwm_days (source_kind, org_id, day, metric, hwm, points, first_at, last_at, peak_at)
SELECT source_kind, org_id, day, metric, count, n, f, l, taken_at FROM x WHERE rn = 1`
const DELETE_MONTH = 'DELETE FROM usage_hwm_months WHERE month = @month'
const INSERT_MONTH = `
INSERT INTO usage_hwm_months (month, source_kind, org_id, metric, hwm, points, first_at, last_at, peak_at)
SELECT @month, source_kind, org_id, metric, hwm, n, f, l, peak_at FROM (
  SELECT source_kind, org_id, metric, hwm, peak_at,
    ROW_NUMBER() OVER (PARTITION BY source_kind, org_id, metric ORDER BY hwm DESC, peak_at) AS rn,
    SUM(points) OVER p AS n, MIN(first_at) OVER p AS f, MAX(last_at) OVER p AS l
  FROM usage_hwm_days WHERE day >= @lo AND day < @hi
  WINDOW p AS (PARTITION BY source_kind, org_id, metric)
) WHERE rn = 1`

/** Recomputes one month's day and month rows in `zone` from the raw samples (call inside a transaction). */
export function rebuildMonth(db: Db, month: MonthKey, zone: string): void {
  const { start, end } = monthBounds(month, zone)
  const days = daysOf(month, zone).map((d) => [d.day, d.start.toISOString(), d.end.toISOString()])
  const range = { lo: `${month}-`, hi: `${month}.` } // every 'YYYY-MM-DD' of the month ('.' sorts after '-')
  prepared(db, DELETE_DAYS).run(range)
  prepared(db, INSERT_DAYS).run({ days: JSON.stringify(days), start: start.toISOString(), end: end.toISOString() })
  prepared(db, DELETE_MONTH).run({ month })
  prepared(db, INSERT_MONTH).run({ month, ...range })
}

function monthsBetween(from: MonthKey, to: MonthKey): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return Math.max(0, (ty - fy) * 12 + (tm - fm) + 1)
}

/** One month of a pending rebuild; null when nothing is left. `remaining` counts the months after this one. */
export function rebuildStep(db: Db): { month: MonthKey; remaining: number } | null {
  return db.transaction(() => {
    const s = bucketState(db)
    if (s.rebuildFrom === null) return null
    const last = lastMonth(db, s.zone)
    if (last === null || s.rebuildFrom > last) {
      writeState(db, { ...s, rebuildFrom: null })
      return null
    }
    rebuildMonth(db, s.rebuildFrom, s.zone)
    const next = nextMonth(s.rebuildFrom)
    writeState(db, { ...s, rebuildFrom: next > last ? null : next })
    return { month: s.rebuildFrom, remaining: next > last ? 0 : monthsBetween(next, last) }
  })()
}

/** Runs a pending rebuild to the end, pausing between months so other work (and other processes) get the DB. */
export async function rebuildBuckets(
  db: Db,
  o: { onProgress?: (done: number, total: number) => void; pause?: () => Promise<void> } = {}
): Promise<number> {
  const pause = o.pause ?? (() => new Promise<void>((r) => setImmediate(r)))
  let done = 0
  // A closed database (the app quit mid-rebuild) ends the job; the state resumes it at the next start.
  for (let step = db.open ? rebuildStep(db) : null; step; step = db.open ? rebuildStep(db) : null) {
    done += 1
    o.onProgress?.(done, done + step.remaining)
    await pause()
  }
  return done
}

/**
 * Deletes raw samples older than the retention window, in whole months of the bucket zone. Not while a rebuild is
 * pending: it needs them. The HWM rows of those months stay. Returns how many samples went.
 */
export function pruneSamples(db: Db, now: Date, retentionDays = SAMPLE_RETENTION_DAYS): number {
  return db.transaction(() => {
    const s = bucketState(db)
    if (s.rebuildFrom !== null) return 0
    const keep = monthKey(new Date(now.getTime() - retentionDays * 86_400_000), s.zone)
    const keptFrom = s.keptFrom && s.keptFrom > keep ? s.keptFrom : keep
    const cutoff = monthBounds(keptFrom, s.zone).start.toISOString()
    const gone = prepared(db, 'DELETE FROM usage_snapshots WHERE taken_at < ?').run(cutoff).changes
    if (gone > 0) writeState(db, { ...s, keptFrom })
    return gone
  })()
}
