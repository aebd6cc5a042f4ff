import { DateTime } from 'luxon'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { firstInstantAtOrAfter, parseInstant, requireZone } from '../scheduler/zoned-time'

// JumpCloud bills each org on the greatest number of users (suspended included) or devices at any point in the
// month (jumpcloud.md §A.2). There is no per-org HWM endpoint, so we keep it from our own samples (§D.1):
// usage-store.ts raises it per sample; computeHwm is the from-scratch definition the kept rows are tested against.

export const METRICS = ['users', 'devices'] as const
export type Metric = (typeof METRICS)[number]

/** 'YYYY-MM', a calendar month in the billing zone. */
export type MonthKey = string

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/

export const UsageSnapshotSchema = z.object({
  orgId: z.string().min(1),
  metric: z.enum(METRICS),
  count: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  takenAt: z.iso.datetime({ offset: true })
})
export type UsageSnapshot = z.infer<typeof UsageSnapshotSchema>

export interface HwmRecord {
  orgId: string
  metric: Metric
  month: MonthKey
  /** Greatest count seen in the month. */
  hwm: number
  /** Number of snapshots the month is based on. */
  points: number
  /** ISO UTC instants of the first and last snapshot, and of the first snapshot that reached the peak. */
  firstAt: string
  lastAt: string
  peakAt: string
}

/** HWM records keyed by `hwmKey(orgId, metric, month)`. */
export type HwmTable = ReadonlyMap<string, HwmRecord>

/** The calendar month ('2026-03') that a UTC instant falls in, in `zone`. */
export function monthKey(at: Date | string, zone: string): MonthKey {
  const z = requireZone(zone)
  return DateTime.fromMillis(parseInstant(at), { zone: z }).toFormat('yyyy-MM')
}

/** The calendar day ('YYYY-MM-DD') of an instant in the billing zone: which PSA billing period a push is for. */
export function dayKey(at: Date | string, zone: string): string {
  const z = requireZone(zone)
  return DateTime.fromMillis(parseInstant(at), { zone: z }).toFormat('yyyy-MM-dd')
}

/** The month as UTC instants [start, end): local midnight on the 1st to local midnight on the next 1st. */
export function monthBounds(key: MonthKey, zone: string): { start: Date; end: Date } {
  const z = requireZone(zone)
  const { year, month } = parseMonthKey(key)
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }
  // Via firstInstantAtOrAfter: a few zones switch DST at midnight, so "00:00 on the 1st" may not exist.
  return {
    start: firstInstantAtOrAfter({ year, month, day: 1, hour: 0, minute: 0 }, z),
    end: firstInstantAtOrAfter({ ...next, day: 1, hour: 0, minute: 0 }, z)
  }
}

/** The month after `key` ('2026-12' → '2027-01'). */
export function nextMonth(key: MonthKey): MonthKey {
  const { year, month } = parseMonthKey(key)
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
}

/** Every day of the month ('2026-03-01'…) with its UTC bounds [start, end) in `zone` (23 or 25 h across DST). */
export function daysOf(key: MonthKey, zone: string): Array<{ day: string; start: Date; end: Date }> {
  const z = requireZone(zone)
  const { year, month } = parseMonthKey(key)
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const starts = Array.from({ length }, (_, i) =>
    firstInstantAtOrAfter({ year, month, day: i + 1, hour: 0, minute: 0 }, z)
  )
  starts.push(monthBounds(nextMonth(key), zone).start)
  return starts.slice(0, length).map((start, i) => ({
    day: `${key}-${String(i + 1).padStart(2, '0')}`,
    start,
    end: starts[i + 1]!
  }))
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()
let last: { ms: number; zone: string; bucket: { month: MonthKey; day: string } } = {
  ms: NaN,
  zone: '',
  bucket: { month: '', day: '' }
}

/**
 * The month and day buckets ('2026-03', '2026-03-31') of an instant in `zone`, computed once per sample.
 * One cached Intl formatter per zone (what luxon uses underneath) instead of a luxon DateTime per call.
 */
export function bucketOf(ms: number, zone: string): { month: MonthKey; day: string } {
  // A billing run stamps every org's samples with the run's one instant: formatting it once serves them all.
  if (ms === last.ms && zone === last.zone) return last.bucket
  let f = dayFormats.get(zone)
  if (!f) {
    requireZone(zone)
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(zone, f)
  }
  let y = '',
    m = '',
    d = ''
  for (const p of f.formatToParts(ms)) {
    if (p.type === 'year') y = p.value.padStart(4, '0')
    else if (p.type === 'month') m = p.value
    else if (p.type === 'day') d = p.value
  }
  const month = `${y}-${m}`
  last = { ms, zone, bucket: { month, day: `${month}-${d}` } }
  return last.bucket
}

function parseMonthKey(key: unknown): { year: number; month: number } {
  const m = typeof key === 'string' ? MONTH_KEY.exec(key) : null
  if (!m)
    throw new AppError('validation', `Invalid month ${JSON.stringify(key)} (expected "YYYY-MM")`, { field: 'month' })
  return { year: Number(m[1]), month: Number(m[2]) }
}

export function hwmKey(orgId: string, metric: Metric, month: MonthKey): string {
  return JSON.stringify([orgId, metric, month]) // injective whatever characters an id holds
}

/** Groups snapshots by org + metric + month (in `zone`) and keeps the peak. Throws a validation AppError on bad input. */
export function computeHwm(snapshots: readonly UsageSnapshot[], zone: string): Map<string, HwmRecord> {
  const z = requireZone(zone)
  const table = new Map<string, HwmRecord>()
  snapshots.forEach((raw, i) => {
    const parsed = UsageSnapshotSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = ['snapshots', i, ...(issue?.path ?? [])].join('.')
      throw new AppError('validation', `Invalid usage snapshot at ${path}: ${issue?.message ?? 'invalid'}`, {
        field: path
      })
    }
    const s = parsed.data
    const ms = Date.parse(s.takenAt)
    const at = new Date(ms).toISOString()
    const month = DateTime.fromMillis(ms, { zone: z }).toFormat('yyyy-MM')
    const key = hwmKey(s.orgId, s.metric, month)
    const rec = table.get(key)
    if (!rec) {
      table.set(key, {
        orgId: s.orgId,
        metric: s.metric,
        month,
        hwm: s.count,
        points: 1,
        firstAt: at,
        lastAt: at,
        peakAt: at
      })
      return
    }
    rec.points += 1
    // ISO UTC strings of the same format compare chronologically; input order is not trusted.
    if (at < rec.firstAt) rec.firstAt = at
    if (at > rec.lastAt) rec.lastAt = at
    if (s.count > rec.hwm || (s.count === rec.hwm && at < rec.peakAt)) {
      rec.hwm = s.count
      rec.peakAt = at
    }
  })
  return table
}

/** The month's HWM, or `null` when no snapshot exists for it: an unknown month is never 0. */
export function hwmFor(table: HwmTable, orgId: string, metric: Metric, month: MonthKey): number | null {
  parseMonthKey(month) // a malformed key would silently read as "unknown"
  return table.get(hwmKey(orgId, metric, month))?.hwm ?? null
}
