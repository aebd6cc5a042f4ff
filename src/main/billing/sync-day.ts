import { DateTime } from 'luxon'
import { requireZone } from '../scheduler/zoned-time'

// Billable users (SaaS Alerts) are pushed once a month, on the configured User Sync Day, with the
// count of the latest billing date SaaS Alerts has on or before that day.

/** The sync day of this month: `day`, or the month's last day when the month is shorter (31 → Feb 28/29). */
export function syncDayOfMonth(day: number, year: number, month: number): number {
  const last = DateTime.utc(year, month, 1).daysInMonth ?? 28
  return Math.min(Math.max(1, Math.trunc(day)), last)
}

/** Whether `now`, read in `zone`, falls on the User Sync Day. */
export function isSyncDay(now: Date, day: number, zone: string): boolean {
  const local = DateTime.fromJSDate(now, { zone: requireZone(zone) })
  return local.day === syncDayOfMonth(day, local.year, local.month)
}

/** Today's date in `zone` as YYYY-MM-DD. */
export function localDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone: requireZone(zone) }).toISODate()!
}

/** The latest billing date on or before today (in `zone`); null when SaaS Alerts has none yet. */
export function billingDateFor(dates: readonly string[], now: Date, zone: string): string | null {
  const today = localDate(now, zone)
  let best: string | null = null
  for (const d of dates) if (d <= today && (best === null || d > best)) best = d
  return best
}
