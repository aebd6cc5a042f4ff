import cron from 'node-cron'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextRun, toCron, type ScheduleConfig } from '../../../src/main/scheduler/schedule'

// node-cron computes its next runs from the current Date, so only Date is faked (no timers are started:
// createTask does not start the task).
afterEach(() => {
  vi.useRealTimers()
})

/** node-cron's next `n` fire times for the spec (all expressions merged), as seen from `now`. */
function cronRuns(config: ScheduleConfig, now: string, n: number): string[] {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(now))
  const { expressions, options } = toCron(config)
  const all: string[] = []
  for (const expression of expressions) {
    expect(cron.validate(expression)).toBe(true)
    const task = cron.createTask(expression, () => undefined, options)
    all.push(...task.getNextRuns(n).map((d) => d.toISOString()))
    void task.destroy()
  }
  return all.sort().slice(0, n)
}

function ourRuns(config: ScheduleConfig, now: string, n: number): string[] {
  const out: string[] = []
  let at = new Date(now)
  for (let i = 0; i < n; i++) out.push((at = nextRun(config, at)).toISOString())
  return out
}

describe('toCron agrees with nextRun', () => {
  it.each<[string, ScheduleConfig, string]>([
    [
      'daily noon New York across spring-forward',
      { kind: 'daily', time: '12:00', zone: 'America/New_York' },
      '2026-03-05T00:00:00Z'
    ],
    [
      'daily 01:30 New York across fall-back',
      { kind: 'daily', time: '01:30', zone: 'America/New_York' },
      '2026-10-30T00:00:00Z'
    ],
    ['daily 23:45 Sydney', { kind: 'daily', time: '23:45', zone: 'Australia/Sydney' }, '2026-10-01T00:00:00Z'],
    [
      'monthly day 31 through February',
      { kind: 'monthly', day: 31, time: '12:00', zone: 'America/New_York' },
      '2026-01-01T00:00:00Z'
    ],
    [
      'monthly day 30 through February',
      { kind: 'monthly', day: 30, time: '08:00', zone: 'Europe/Berlin' },
      '2026-01-01T00:00:00Z'
    ],
    [
      'monthly day 29 in a leap year',
      { kind: 'monthly', day: 29, time: '08:00', zone: 'Europe/Berlin' },
      '2028-01-01T00:00:00Z'
    ],
    ['monthly day 5', { kind: 'monthly', day: 5, time: '00:00', zone: 'UTC' }, '2026-01-01T00:00:00Z']
  ])('%s', (_name, config, now) => {
    expect(cronRuns(config, now, 5)).toEqual(ourRuns(config, now, 5))
  })

  it('differs only in the spring-forward gap, where node-cron skips the day and nextRun moves it to the gap end', () => {
    const config: ScheduleConfig = { kind: 'daily', time: '02:30', zone: 'America/New_York' }
    const now = '2026-03-07T12:00:00Z'
    // This is why the runner must also check dueCatchUp: node-cron alone would miss March 8.
    expect(cronRuns(config, now, 1)).toEqual(['2026-03-09T06:30:00.000Z'])
    expect(ourRuns(config, now, 1)).toEqual(['2026-03-08T07:00:00.000Z'])
  })
})
