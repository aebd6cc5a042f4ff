import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCHEDULE,
  dueCatchUp,
  missedRuns,
  nextRun,
  parseSchedule,
  toCron,
  type ScheduleConfig
} from '../../../src/main/scheduler/schedule'
import { appError } from '../billing/app-error-matcher'

const NY = 'America/New_York'
const daily = (time: string, zone = NY): ScheduleConfig => ({ kind: 'daily', time, zone })
const monthly = (day: number, time = '12:00', zone = NY): ScheduleConfig => ({ kind: 'monthly', day, time, zone })

/** The first `n` runs after `from`, chaining nextRun. */
function runs(config: ScheduleConfig, from: string, n: number): string[] {
  const out: string[] = []
  let at = new Date(from)
  for (let i = 0; i < n; i++) {
    at = nextRun(config, at)
    out.push(at.toISOString())
  }
  return out
}

describe('parseSchedule', () => {
  it('defaults to daily 12:00 New York', () => {
    expect(parseSchedule(undefined)).toEqual({ kind: 'daily', time: '12:00', zone: 'America/New_York' })
    expect(parseSchedule(null)).toEqual(DEFAULT_SCHEDULE)
  })

  it('accepts valid daily and monthly configs', () => {
    expect(parseSchedule(daily('00:00', 'Europe/Berlin'))).toEqual(daily('00:00', 'Europe/Berlin'))
    expect(parseSchedule(monthly(31, '23:59'))).toEqual(monthly(31, '23:59'))
  })

  it.each([
    [{ kind: 'daily', time: '24:00', zone: NY }, 'time'],
    [{ kind: 'daily', time: '9:00', zone: NY }, 'time'],
    [{ kind: 'daily', time: '12:60', zone: NY }, 'time'],
    [{ kind: 'daily', time: '12:00', zone: 'Mars/Base' }, 'zone'],
    [{ kind: 'daily', time: '12:00', zone: '' }, 'zone'],
    [{ kind: 'monthly', day: 0, time: '12:00', zone: NY }, 'day'],
    [{ kind: 'monthly', day: 32, time: '12:00', zone: NY }, 'day'],
    [{ kind: 'monthly', day: 1.5, time: '12:00', zone: NY }, 'day'],
    [{ kind: 'monthly', time: '12:00', zone: NY }, 'day'],
    [{ kind: 'weekly', time: '12:00', zone: NY }, 'kind']
  ])('rejects %j (field %s)', (raw, field) => {
    expect(() => parseSchedule(raw)).toThrow(appError('validation', field))
  })
})

describe('nextRun', () => {
  it('runs daily at the local time, strictly after `after`', () => {
    expect(nextRun(DEFAULT_SCHEDULE, new Date('2026-06-10T15:00:00Z')).toISOString()).toBe('2026-06-10T16:00:00.000Z') // 12:00 EDT
    expect(nextRun(DEFAULT_SCHEDULE, new Date('2026-06-10T16:00:00Z')).toISOString()).toBe('2026-06-11T16:00:00.000Z')
    expect(nextRun(DEFAULT_SCHEDULE, new Date('2026-12-10T18:00:00Z')).toISOString()).toBe('2026-12-11T17:00:00.000Z') // 12:00 EST
  })

  it('keeps 12:00 local across both New York DST switches', () => {
    expect(runs(DEFAULT_SCHEDULE, '2026-03-07T12:00:00Z', 3)).toEqual([
      '2026-03-07T17:00:00.000Z', // EST
      '2026-03-08T16:00:00.000Z', // EDT from Mar 8
      '2026-03-09T16:00:00.000Z'
    ])
    expect(runs(DEFAULT_SCHEDULE, '2026-10-31T12:00:00Z', 3)).toEqual([
      '2026-10-31T16:00:00.000Z', // EDT
      '2026-11-01T17:00:00.000Z', // EST from Nov 1
      '2026-11-02T17:00:00.000Z'
    ])
  })

  it('moves 02:30 on the spring-forward day to 03:00 local instead of skipping it', () => {
    expect(runs(daily('02:30'), '2026-03-07T12:00:00Z', 2)).toEqual([
      '2026-03-08T07:00:00.000Z', // 03:00 EDT: 02:00-02:59 does not exist on Mar 8
      '2026-03-09T06:30:00.000Z' // 02:30 EDT
    ])
    // Europe/Berlin springs forward on Mar 29 (02:00 CET → 03:00 CEST).
    expect(runs(daily('02:30', 'Europe/Berlin'), '2026-03-28T12:00:00Z', 2)).toEqual([
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
      '2026-03-30T00:30:00.000Z'
    ])
  })

  it('runs 01:30 once on the fall-back day (first occurrence)', () => {
    expect(runs(daily('01:30'), '2026-10-31T12:00:00Z', 2)).toEqual([
      '2026-11-01T05:30:00.000Z', // 01:30 EDT; the repeat at 01:30 EST (06:30Z) is not a run
      '2026-11-02T06:30:00.000Z'
    ])
    // Called from inside the repeated hour, the next run is tomorrow.
    expect(nextRun(daily('01:30'), new Date('2026-11-01T06:15:00Z')).toISOString()).toBe('2026-11-02T06:30:00.000Z')
  })

  it('handles the southern hemisphere (Sydney springs forward on Oct 4, 2026)', () => {
    expect(runs(daily('02:15', 'Australia/Sydney'), '2026-10-02T12:00:00Z', 3)).toEqual([
      '2026-10-02T16:15:00.000Z', // Oct 3 02:15 AEST (+10)
      '2026-10-03T16:00:00.000Z', // Oct 4 03:00 AEDT: 02:15 does not exist
      '2026-10-04T15:15:00.000Z' // Oct 5 02:15 AEDT (+11)
    ])
  })

  it('clamps monthly day 31 to the end of February, in common and leap years', () => {
    expect(runs(monthly(31), '2026-01-31T17:01:00Z', 3)).toEqual([
      '2026-02-28T17:00:00.000Z',
      '2026-03-31T16:00:00.000Z', // EDT
      '2026-04-30T16:00:00.000Z'
    ])
    expect(nextRun(monthly(31), new Date('2028-02-01T00:00:00Z')).toISOString()).toBe('2028-02-29T17:00:00.000Z')
    expect(nextRun(monthly(30), new Date('2026-02-01T00:00:00Z')).toISOString()).toBe('2026-02-28T17:00:00.000Z')
    expect(nextRun(monthly(29), new Date('2028-02-01T00:00:00Z')).toISOString()).toBe('2028-02-29T17:00:00.000Z')
  })

  it('runs monthly on the given day in the schedule zone', () => {
    expect(runs(monthly(1, '06:00', 'Europe/Berlin'), '2026-03-15T00:00:00Z', 2)).toEqual([
      '2026-04-01T04:00:00.000Z', // CEST
      '2026-05-01T04:00:00.000Z'
    ])
  })

  it('rejects an invalid date or config', () => {
    expect(() => nextRun(DEFAULT_SCHEDULE, new Date(Number.NaN))).toThrow(appError('validation', 'after'))
    expect(() => nextRun(daily('12:00', 'Nowhere/Land'), new Date())).toThrow(appError('validation', 'zone'))
  })
})

describe('toCron', () => {
  it('builds node-cron expressions with the timezone option', () => {
    expect(toCron(DEFAULT_SCHEDULE)).toEqual({ expressions: ['0 12 * * *'], options: { timezone: NY } })
    expect(toCron(daily('07:05', 'Europe/Berlin'))).toEqual({
      expressions: ['5 7 * * *'],
      options: { timezone: 'Europe/Berlin' }
    })
    expect(toCron(monthly(15, '23:45')).expressions).toEqual(['45 23 15 * *'])
    expect(toCron(monthly(31)).expressions).toEqual(['0 12 L * *'])
    expect(toCron(monthly(30)).expressions).toEqual(['0 12 30 1,3-12 *', '0 12 L 2 *'])
  })

  it('rejects an invalid config', () => {
    expect(() => toCron({ kind: 'daily', time: '7:5', zone: NY })).toThrow(appError('validation', 'time'))
  })
})

describe('dueCatchUp', () => {
  const lastRunAt = new Date('2026-06-01T16:00:05Z') // just after the noon (EDT) run on June 1

  it('after 3 missed days is true once, then false after the run is recorded', () => {
    const now = new Date('2026-06-04T20:00:00Z') // off June 2, 3 and 4 at noon
    expect(missedRuns(DEFAULT_SCHEDULE, { lastRunAt, now })).toBe(3)
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt, now })).toBe(true)
    // The caller runs once and records it.
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt: now, now })).toBe(false)
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt: now, now: new Date('2026-06-05T15:59:59Z') })).toBe(false)
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt: now, now: new Date('2026-06-05T16:00:00Z') })).toBe(true)
  })

  it('is false when nothing was missed', () => {
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt, now: new Date('2026-06-02T15:59:59.999Z') })).toBe(false)
    expect(missedRuns(DEFAULT_SCHEDULE, { lastRunAt, now: new Date('2026-06-02T15:59:59.999Z') })).toBe(0)
  })

  it('is true exactly at the scheduled time (the cron tick can gate on it)', () => {
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt, now: new Date('2026-06-02T16:00:00Z') })).toBe(true)
  })

  it('is false when the app never ran, and when the clock went backwards', () => {
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt: null, now: new Date('2026-06-04T20:00:00Z') })).toBe(false)
    expect(missedRuns(DEFAULT_SCHEDULE, { lastRunAt: null, now: new Date('2026-06-04T20:00:00Z') })).toBe(0)
    expect(dueCatchUp(DEFAULT_SCHEDULE, { lastRunAt, now: new Date('2026-05-20T12:00:00Z') })).toBe(false)
  })

  it('catches up the spring-forward run that falls in the DST gap', () => {
    const last = new Date('2026-03-07T08:00:00Z')
    expect(dueCatchUp(daily('02:30'), { lastRunAt: last, now: new Date('2026-03-08T06:59:59Z') })).toBe(false)
    expect(dueCatchUp(daily('02:30'), { lastRunAt: last, now: new Date('2026-03-08T07:00:00Z') })).toBe(true)
  })

  it('counts one fall-back run, and monthly runs missed over a long sleep', () => {
    expect(
      missedRuns(daily('01:30'), { lastRunAt: new Date('2026-10-31T12:00:00Z'), now: new Date('2026-11-01T12:00:00Z') })
    ).toBe(1)
    const last = new Date('2026-01-31T18:00:00Z')
    const now = new Date('2026-05-01T00:00:00Z')
    expect(missedRuns(monthly(31), { lastRunAt: last, now })).toBe(3) // Feb 28, Mar 31, Apr 30
    expect(missedRuns(monthly(31), { lastRunAt: last, now }, 2)).toBe(2)
    expect(dueCatchUp(monthly(31), { lastRunAt: last, now })).toBe(true)
    expect(dueCatchUp(monthly(31), { lastRunAt: new Date('2026-04-30T16:00:00Z'), now })).toBe(false)
  })
})
