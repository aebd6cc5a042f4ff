import { DateTime, type IANAZone } from 'luxon'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { firstInstantAtOrAfter, requireZone, ZoneNameSchema } from './zoned-time'

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Time must be "HH:MM" (24-hour)')

export const ScheduleConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), time: TimeSchema, zone: ZoneNameSchema }),
  z.object({
    kind: z.literal('monthly'),
    /** Day of month; clamped to the month's length (31 → 28/29 in February). */
    day: z.number().int().min(1).max(31),
    time: TimeSchema,
    zone: ZoneNameSchema
  })
])
export type ScheduleConfig = z.infer<typeof ScheduleConfigSchema>

export const DEFAULT_SCHEDULE: ScheduleConfig = Object.freeze({
  kind: 'daily',
  time: '12:00',
  zone: 'America/New_York'
})

/** Validates a stored/user schedule; `undefined`/`null` gives the default. Throws a validation AppError. */
export function parseSchedule(input: unknown): ScheduleConfig {
  if (input === undefined || input === null) return { ...DEFAULT_SCHEDULE }
  const parsed = ScheduleConfigSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || 'schedule'
    throw new AppError('validation', `Invalid schedule (${field}): ${issue?.message ?? 'invalid'}`, { field })
  }
  return parsed.data
}

export interface CronSpec {
  /** Schedule one node-cron task per expression, all with `options`. */
  expressions: string[]
  options: { timezone: string }
}

/**
 * node-cron expressions for the schedule. Monthly days 29/30 need two expressions to clamp in February
 * (node-cron's `L` = last day of month). node-cron matches wall-clock time and skips a time that does not exist
 * on a spring-forward day (checked against node-cron 4.x `getNextRuns`), so the runner should also check
 * `dueCatchUp` on start, on wake and periodically — that check moves such a run to the end of the gap.
 */
export function toCron(config: ScheduleConfig): CronSpec {
  const c = parseSchedule(config)
  const [hh, mm] = c.time.split(':').map(Number)
  const at = `${mm} ${hh}`
  const options = { timezone: c.zone }
  if (c.kind === 'daily') return { expressions: [`${at} * * *`], options }
  if (c.day <= 28) return { expressions: [`${at} ${c.day} * *`], options }
  if (c.day === 31) return { expressions: [`${at} L * *`], options }
  // 29 or 30: that day in every month that has it, else (February) the last day.
  return { expressions: [`${at} ${c.day} 1,3-12 *`, `${at} L 2 *`], options }
}

function slotOn(c: ScheduleConfig, zone: IANAZone, year: number, month: number, day: number): Date {
  const [hour = 0, minute = 0] = c.time.split(':').map(Number)
  return firstInstantAtOrAfter({ year, month, day, hour, minute }, zone)
}

/** Scheduled instants in chronological order, starting a little before `from` (callers filter). */
function* slotsFrom(c: ScheduleConfig, zone: IANAZone, from: number): Generator<Date> {
  // Start one day/month early: a slot pushed forward by a DST gap can land after the next local date begins.
  let cursor = DateTime.fromMillis(from, { zone }).startOf('day')
  if (c.kind === 'daily') {
    for (cursor = cursor.minus({ days: 1 }); ; cursor = cursor.plus({ days: 1 })) {
      yield slotOn(c, zone, cursor.year, cursor.month, cursor.day)
    }
  }
  for (cursor = cursor.startOf('month').minus({ months: 1 }); ; cursor = cursor.plus({ months: 1 })) {
    yield slotOn(c, zone, cursor.year, cursor.month, Math.min(c.day, cursor.daysInMonth ?? 28))
  }
}

function instant(d: Date, field: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN
  if (!Number.isFinite(ms)) throw new AppError('validation', `${field} must be a valid Date`, { field })
  return ms
}

/**
 * The first scheduled instant strictly after `after`. DST-safe: a time inside a spring-forward gap runs when the
 * gap ends (02:30 → 03:00 New York); a time that occurs twice on fall-back runs once, at its first occurrence.
 */
export function nextRun(config: ScheduleConfig, after: Date): Date {
  const c = parseSchedule(config)
  const zone = requireZone(c.zone)
  const from = instant(after, 'after')
  for (const slot of slotsFrom(c, zone, from)) {
    if (slot.getTime() > from) return slot
  }
  throw new AppError('internal', 'unreachable: schedule has no next run')
}

/**
 * True when at least one scheduled time fell in (lastRunAt, now] — the computer was off or asleep, or the cron
 * tick is firing now. The caller runs once, however many were missed, then records the run; the next call is false.
 * `lastRunAt === null` (never ran) is false: seed it with the time the schedule was enabled so an install that is
 * always off at the scheduled time still catches up, without a surprise billing push right after setup.
 */
export function dueCatchUp(config: ScheduleConfig, state: { lastRunAt: Date | null; now: Date }): boolean {
  return missedRuns(config, state, 1) > 0
}

/** How many scheduled times fell in (lastRunAt, now], capped — for the activity log ("3 runs missed, ran once"). */
export function missedRuns(config: ScheduleConfig, state: { lastRunAt: Date | null; now: Date }, cap = 1000): number {
  if (state.lastRunAt === null) return 0
  const c = parseSchedule(config)
  const zone = requireZone(c.zone)
  const from = instant(state.lastRunAt, 'lastRunAt')
  const now = instant(state.now, 'now')
  let n = 0
  for (const slot of slotsFrom(c, zone, from)) {
    const t = slot.getTime()
    if (t <= from) continue
    if (t > now || n >= cap) break
    n += 1
  }
  return n
}
