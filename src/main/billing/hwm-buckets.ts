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

interface Agg {
  source: string
  org: string
  metric: string
  key: string
  hwm: number
  points: number
  first: string
  last: string
  peak: string
}

/** Folds one sample into a bucket: the peak is the earliest sample with the greatest count (as computeHwm). */
function fold(into: Map<string, Agg>, id: string, key: string, s: Sample): void {
  const a = into.get(id)
  if (a === undefined) {
    into.set(id, {
      source: s[0],
      org: s[1],
      metric: s[2],
      key,
      hwm: s[3],
      points: 1,
      first: s[4],
      last: s[4],
      peak: s[4]
    })
    return
  }
  const count = s[3]
  const at = s[4]
  a.points += 1
  if (at < a.first) a.first = at
  if (at > a.last) a.last = at
  if (count > a.hwm || (count === a.hwm && at < a.peak)) {
    a.hwm = count
    a.peak = at
  }
}

type Sample = [source: string, org: string, metric: string, count: number, at: string]

const INSERT_DAY = `INSERT INTO usage_hwm_days (source_kind, org_id, day, metric, hwm, points, first_at, last_at, peak_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
const INSERT_MONTH = `INSERT INTO usage_hwm_months (month, source_kind, org_id, metric, hwm, points, first_at, last_at, peak_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`

/**
 * Recomputes one month's day and month rows in `zone` from the raw samples (call inside a transaction). The samples
 * are read in time order through the taken_at index, so each one's day is found by advancing one pointer over the
 * month's day bounds (ISO strings compare chronologically): no date arithmetic per sample.
 */
export function rebuildMonth(db: Db, month: MonthKey, zone: string): void {
  const { start, end } = monthBounds(month, zone)
  const days = daysOf(month, zone).map((d) => ({ day: d.day, end: d.end.toISOString() }))
  const byDay = new Map<string, Agg>()
  const byMonth = new Map<string, Agg>()
  let di = 0
  const rows = prepared(
    db,
    'SELECT source_kind, org_id, metric, count, taken_at FROM usage_snapshots WHERE taken_at >= ? AND taken_at < ? ORDER BY taken_at'
  ).raw(true)
  for (const s of rows.iterate(start.toISOString(), end.toISOString()) as Iterable<Sample>) {
    while (s[4] >= days[di]!.end) di++
    const who = `${s[0]}\u0000${s[1]}\u0000${s[2]}`
    fold(byDay, `${who}\u0000${di}`, days[di]!.day, s)
    fold(byMonth, who, month, s)
  }
  // 'YYYY-MM-' ≤ day < 'YYYY-MM.' is exactly the month's days ('.' sorts right after '-').
  prepared(db, 'DELETE FROM usage_hwm_days WHERE day >= ? AND day < ?').run(`${month}-`, `${month}.`)
  prepared(db, 'DELETE FROM usage_hwm_months WHERE month = ?').run(month)
  const insDay = prepared(db, INSERT_DAY)
  for (const a of byDay.values()) insDay.run(a.source, a.org, a.key, a.metric, a.hwm, a.points, a.first, a.last, a.peak)
  const insMonth = prepared(db, INSERT_MONTH)
  for (const a of byMonth.values())
    insMonth.run(month, a.source, a.org, a.metric, a.hwm, a.points, a.first, a.last, a.peak)
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
