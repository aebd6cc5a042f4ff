import { z } from 'zod'
import { AppError } from '../../shared/errors'
import type { SourceKind } from '../../shared/registry'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { parseInstant } from '../scheduler/zoned-time'
import { bucketOf, type Metric, type MonthKey } from './hwm'
import { bucketState } from './hwm-buckets'

// Usage samples and the HWM kept from them (tables of migrations 003 and 005). A sample updates its month's and
// its day's maximum in the same transaction as the raw row, so reading a month's HWMs is one indexed query.

/** Where a sample came from ('sync': a billing run's count; others may add 'hourly', 'import'). */
export const SampleOriginSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'origin: a short lowercase word')

export interface UsageSample {
  source: SourceKind
  orgId: string
  metric: Metric
  count: number
  takenAt: Date | string
  origin: string
}

const INSERT_RAW = `INSERT INTO usage_snapshots (source_kind, org_id, metric, count, taken_at, origin)
  VALUES (@source, @org, @metric, @count, @at, @origin)`
// Every SET expression reads the row's old values, so hwm is compared before it is raised.
const KEEP_MAX = `ON CONFLICT DO UPDATE SET
  points = points + 1,
  first_at = min(first_at, excluded.first_at),
  last_at = max(last_at, excluded.last_at),
  peak_at = CASE WHEN excluded.hwm > hwm OR (excluded.hwm = hwm AND excluded.peak_at < peak_at)
    THEN excluded.peak_at ELSE peak_at END,
  hwm = max(hwm, excluded.hwm)`
const UPSERT_MONTH = `INSERT INTO usage_hwm_months (month, source_kind, org_id, metric, hwm, points, first_at, last_at, peak_at)
  VALUES (@month, @source, @org, @metric, @count, 1, @at, @at, @at) ${KEEP_MAX}`
const UPSERT_DAY = `INSERT INTO usage_hwm_days (source_kind, org_id, day, metric, hwm, points, first_at, last_at, peak_at)
  VALUES (@source, @org, @day, @metric, @count, 1, @at, @at, @at) ${KEEP_MAX}`

function checkSample(s: UsageSample): number {
  if (typeof s.orgId !== 'string' || s.orgId.length === 0)
    throw new AppError('validation', 'A usage sample needs an org id.', { field: 'orgId' })
  if (s.metric !== 'users' && s.metric !== 'devices')
    throw new AppError('validation', `Unknown usage metric ${JSON.stringify(s.metric)}.`, { field: 'metric' })
  if (!Number.isSafeInteger(s.count) || s.count < 0)
    throw new AppError('validation', `A usage count must be a whole number ≥ 0, got ${s.count}.`, { field: 'count' })
  if (!SampleOriginSchema.safeParse(s.origin).success)
    throw new AppError('validation', `Invalid sample origin ${JSON.stringify(s.origin)}.`, { field: 'origin' })
  return parseInstant(s.takenAt, 'takenAt')
}

/** Stores samples and raises their month's and day's HWM, all in one transaction. */
export function recordSamples(db: Db, samples: readonly UsageSample[]): void {
  const checked = samples.map((s) => ({ s, ms: checkSample(s) }))
  const raw = prepared(db, INSERT_RAW)
  const month = prepared(db, UPSERT_MONTH)
  const day = prepared(db, UPSERT_DAY)
  db.transaction(() => {
    // Buckets are in the zone they were built in; a billing-zone change re-buckets them (hwm-buckets.ts).
    const { zone } = bucketState(db)
    for (const { s, ms } of checked) {
      const b = bucketOf(ms, zone)
      const row = { source: s.source, org: s.orgId, metric: s.metric, count: s.count, origin: s.origin }
      const at = new Date(ms).toISOString()
      raw.run({ ...row, at })
      month.run({ source: row.source, org: row.org, metric: row.metric, count: row.count, at, month: b.month })
      day.run({ source: row.source, org: row.org, metric: row.metric, count: row.count, at, day: b.day })
    }
  })()
}

/** One sample (a billing run's or an hourly sampler's count). */
export function recordSample(
  db: Db,
  source: SourceKind,
  orgId: string,
  metric: Metric,
  count: number,
  takenAt: Date | string,
  origin: string
): void {
  recordSamples(db, [{ source, orgId, metric, count, takenAt, origin }])
}

/**
 * The month's HWM of every org (of every source) and metric: one query on the primary key's month prefix. Each
 * source and metric comes back as two joined strings (org ids, HWMs) rather than 10,000 rows: handing rows to JS one
 * by one was most of the read's time at 5,000 orgs. An org id containing the separator (never seen, but ids are
 * outside input) falls back to reading rows.
 */
export function monthHwms(db: Db, month: MonthKey): MonthHwms {
  const byKey = new Map<string, Map<string, number>>()
  const joined = prepared(
    db,
    `SELECT source_kind, metric, group_concat(org_id, char(31)), group_concat(hwm) FROM usage_hwm_months
     WHERE month = ? GROUP BY source_kind, metric`
  )
    .raw()
    .all(month) as Array<[string, Metric, string, string]>
  for (const [source, metric, orgs, hwms] of joined) {
    const ids = orgs.split('\x1f')
    const values = hwms.split(',')
    if (ids.length !== values.length) return monthHwmsByRow(db, month)
    const map = new Map<string, number>()
    for (let i = 0; i < ids.length; i++) map.set(ids[i]!, Number(values[i]))
    byKey.set(`${metric}:${source}`, map)
  }
  return { month, get: (source, orgId, metric) => byKey.get(`${metric}:${source}`)?.get(orgId) ?? null }
}

function monthHwmsByRow(db: Db, month: MonthKey): MonthHwms {
  const rows = prepared(db, 'SELECT source_kind, org_id, metric, hwm FROM usage_hwm_months WHERE month = ?')
    .raw()
    .all(month) as Array<[string, string, Metric, number]>
  const byKey = new Map<string, number>()
  for (const [source, org, metric, hwm] of rows) byKey.set(`${metric}:${source}:${org}`, hwm)
  return { month, get: (source, orgId, metric) => byKey.get(`${metric}:${source}:${orgId}`) ?? null }
}

export interface MonthHwms {
  month: MonthKey
  /** The HWM, or null when no sample exists for it: an unknown month is never 0. */
  get(source: SourceKind, orgId: string, metric: Metric): number | null
}

/** One org's HWM per metric for one month (primary-key lookup). */
export function orgMonthHwm(db: Db, source: SourceKind, orgId: string, month: MonthKey): Record<Metric, number | null> {
  const rows = prepared(
    db,
    'SELECT metric, hwm FROM usage_hwm_months WHERE month = ? AND source_kind = ? AND org_id = ?'
  ).all(month, source, orgId) as Array<{ metric: Metric; hwm: number }>
  const out: Record<Metric, number | null> = { users: null, devices: null }
  for (const r of rows) out[r.metric] = r.hwm
  return out
}

/** One org's monthly HWMs for months in [from, to] (inclusive), via the (source, org, month) index. */
export function orgHwmHistory(
  db: Db,
  source: SourceKind,
  orgId: string,
  from: MonthKey,
  to: MonthKey
): Array<{ month: MonthKey; metric: Metric; hwm: number }> {
  return prepared(
    db,
    `SELECT month, metric, hwm FROM usage_hwm_months
     WHERE source_kind = ? AND org_id = ? AND month >= ? AND month <= ? ORDER BY month`
  ).all(source, orgId, from, to) as Array<{ month: MonthKey; metric: Metric; hwm: number }>
}

/** Where the raw sample with this count at this instant came from ('sync', 'sample', 'event' …); null if not kept. */
export function sampleOrigin(
  db: Db,
  source: SourceKind,
  orgId: string,
  metric: Metric,
  at: string,
  count: number
): string | null {
  const row = prepared(
    db,
    `SELECT origin FROM usage_snapshots
     WHERE org_id = ? AND metric = ? AND taken_at = ? AND count = ? AND source_kind = ? ORDER BY rowid LIMIT 1`
  ).get(orgId, metric, at, count, source) as { origin: string } | undefined
  return row?.origin ?? null
}

/** One org's daily HWMs in a month, oldest first; `at` is when the day's peak was first reached. */
export function orgDays(
  db: Db,
  source: SourceKind,
  orgId: string,
  month: MonthKey
): Array<{ day: string; metric: Metric; hwm: number; at: string }> {
  // Day keys start with 'YYYY-MM-'; '.' sorts right after '-', so [month-, month.) is exactly that month's days.
  return prepared(
    db,
    `SELECT day, metric, hwm, peak_at AS at FROM usage_hwm_days
     WHERE source_kind = ? AND org_id = ? AND day >= ? AND day < ? ORDER BY day, metric`
  ).all(source, orgId, `${month}-`, `${month}.`) as Array<{
    day: string
    metric: Metric
    hwm: number
    at: string
  }>
}
