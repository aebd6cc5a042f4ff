import { IANAZone } from 'luxon'
import { z } from 'zod'
import { AppError } from '../../shared/errors'

/** Wall-clock fields in some IANA zone (month is 1-12). */
export interface LocalTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/** An IANA zone name luxon (and therefore Intl and node-cron) understands; fixed-offset strings like "UTC+3" are not. */
export const ZoneNameSchema = z
  .string()
  .min(1, 'Time zone is required')
  .refine((name) => IANAZone.isValidZone(name), {
    message: 'Unknown IANA time zone (expected e.g. "America/New_York")'
  })

/** Returns the zone object, or throws a validation AppError naming the bad zone. */
export function requireZone(name: unknown, field = 'zone'): IANAZone {
  const parsed = ZoneNameSchema.safeParse(name)
  if (!parsed.success) {
    throw new AppError(
      'validation',
      `Invalid time zone ${JSON.stringify(name)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      {
        field,
        hint: 'Use an IANA zone name such as "America/New_York" or "Europe/Berlin".'
      }
    )
  }
  return IANAZone.create(parsed.data)
}

// An instant must carry its own offset ("Z" or "+02:00"): a zone-less string would be read in the machine's zone.
const InstantStringSchema = z.iso.datetime({ offset: true })

/** Parses a UTC instant given as a Date or an ISO-8601 string with an offset; returns epoch milliseconds. */
export function parseInstant(at: unknown, field = 'at'): number {
  if (at instanceof Date) {
    const ms = at.getTime()
    if (Number.isFinite(ms)) return ms
    throw new AppError('validation', `${field} is an invalid Date`, { field })
  }
  const parsed = InstantStringSchema.safeParse(at)
  if (!parsed.success) {
    throw new AppError(
      'validation',
      `${field} must be an ISO-8601 instant with an offset (e.g. "2026-03-31T23:30:00Z"), got ${JSON.stringify(at)}`,
      { field }
    )
  }
  return Date.parse(parsed.data)
}

/** Wall-clock time at an instant, expressed as "local milliseconds" (the local fields read as if they were UTC). */
function localMs(zone: IANAZone, ms: number): number {
  return ms + zone.offset(ms) * MINUTE_MS
}

/**
 * The first instant whose wall-clock time in `zone` is at or after `local`.
 * - Normal time: exactly that wall-clock time.
 * - Fall-back (the time occurs twice): the first occurrence, so a daily job runs once.
 * - Spring-forward gap (the time never occurs): the instant the gap ends (02:30 → 03:00 in New York),
 *   so a job is moved forward rather than skipped. Luxon alone would give 03:30 and the second occurrence.
 */
export function firstInstantAtOrAfter(local: LocalTime, zone: IANAZone): Date {
  const target = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
  // Offsets around the target; one DST transition at most falls inside ±1 day.
  const offsets = [...new Set([zone.offset(target - DAY_MS), zone.offset(target), zone.offset(target + DAY_MS)])]
  const valid = offsets.map((o) => target - o * MINUTE_MS).filter((t) => localMs(zone, t) === target)
  if (valid.length > 0) return new Date(Math.min(...valid))

  // In the gap: the wall clock jumps over `target`; find the jump by bisection (local time is monotonic here).
  let lo = target - Math.max(...offsets) * MINUTE_MS // wall clock still before target
  let hi = target - Math.min(...offsets) * MINUTE_MS // wall clock already past target
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (localMs(zone, mid) >= target) hi = mid
    else lo = mid
  }
  return new Date(hi)
}
