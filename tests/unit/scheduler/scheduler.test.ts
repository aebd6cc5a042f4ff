import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import type { ScheduleConfig } from '../../../src/main/scheduler/schedule'
import { createScheduler, type CronLike, type TimerLike } from '../../../src/main/scheduler/scheduler'

// No real timers: a fake cron whose ticks the test fires, a fake hourly timer, and a settable clock.
function rig(o: {
  schedule?: ScheduleConfig
  enabled?: boolean
  lastRunAt?: string | null
  now: string
  run?: () => Promise<unknown>
}) {
  const state = {
    now: new Date(o.now),
    lastRunAt: o.lastRunAt === undefined || o.lastRunAt === null ? null : new Date(o.lastRunAt),
    config: {
      enabled: o.enabled ?? true,
      schedule: o.schedule ?? ({ kind: 'daily', time: '12:00', zone: 'America/New_York' } as ScheduleConfig)
    }
  }
  const tasks: Array<{ expr: string; tz: string; fn: () => void; stopped: boolean }> = []
  const timers: Array<{ ms: number; fn: () => void; stopped: boolean }> = []
  const runs: string[] = []
  const errors: unknown[] = []
  const cron: CronLike = {
    schedule(expr, fn, options) {
      const t = { expr, tz: options.timezone, fn, stopped: false }
      tasks.push(t)
      return { stop: () => void (t.stopped = true) }
    }
  }
  const timer: TimerLike = {
    every(ms, fn) {
      const t = { ms, fn, stopped: false }
      timers.push(t)
      return { stop: () => void (t.stopped = true) }
    }
  }
  const scheduler = createScheduler({
    now: () => state.now,
    config: () => state.config,
    lastRunAt: () => state.lastRunAt,
    setLastRunAt: (d) => void (state.lastRunAt = d),
    run: async (trigger) => {
      runs.push(trigger)
      return o.run?.()
    },
    onError: (e) => void errors.push(e),
    cron,
    timer
  })
  const live = () => tasks.filter((t) => !t.stopped)
  return { state, scheduler, tasks, live, timers, runs, errors }
}

describe('billing scheduler', () => {
  it('registers the cron expressions of the schedule in its zone plus an hourly check; none when disabled', () => {
    const r = rig({
      now: '2026-03-10T12:00:00Z',
      schedule: { kind: 'monthly', day: 30, time: '06:30', zone: 'Europe/Berlin' }
    })
    r.scheduler.start()
    expect(r.live().map((t) => [t.expr, t.tz])).toEqual([
      ['30 6 30 1,3-12 *', 'Europe/Berlin'],
      ['30 6 L 2 *', 'Europe/Berlin']
    ])
    expect(r.timers.filter((t) => !t.stopped).map((t) => t.ms)).toEqual([3_600_000])
    r.scheduler.stop()
    expect(r.live()).toEqual([])

    const off = rig({ now: '2026-03-10T12:00:00Z', enabled: false })
    off.scheduler.start()
    expect(off.live()).toEqual([])
  })

  it('a tick at the scheduled time runs once; a second tick for the same slot does not', async () => {
    // 12:00 New York on 10 March 2026 (EDT) = 16:00Z
    const r = rig({ now: '2026-03-10T16:00:00.300Z', lastRunAt: '2026-03-09T16:00:01Z' })
    r.scheduler.start()
    r.live()[0]!.fn()
    await r.scheduler.checkCatchUp() // joins the tick's check, does not start another
    expect(r.runs).toEqual(['schedule'])
    expect(r.state.lastRunAt?.toISOString()).toBe('2026-03-10T16:00:00.300Z')
    r.live()[0]!.fn()
    await r.scheduler.checkCatchUp()
    expect(r.runs).toEqual(['schedule'])
  })

  it('after three days asleep it runs once on resume, not once per missed day', async () => {
    const r = rig({ now: '2026-03-13T09:00:00Z', lastRunAt: '2026-03-09T17:00:00Z' })
    expect(await r.scheduler.checkCatchUp()).toBe(true)
    expect(await r.scheduler.checkCatchUp()).toBe(false)
    expect(r.runs).toEqual(['catch-up'])
  })

  it('a check that found nothing due does not stick: a later check after the slot runs', async () => {
    const r = rig({ now: '2026-03-10T15:59:00Z', lastRunAt: '2026-03-09T16:00:01Z' })
    expect(await r.scheduler.checkCatchUp()).toBe(false)
    r.state.now = new Date('2026-03-10T16:00:05Z')
    expect(await r.scheduler.checkCatchUp()).toBe(true)
    expect(r.runs).toEqual(['catch-up'])
  })

  it('does nothing before the first slot after the last run, nor without a first lastRunAt', async () => {
    const r = rig({ now: '2026-03-10T15:59:00Z', lastRunAt: '2026-03-09T16:00:01Z' })
    expect(await r.scheduler.checkCatchUp()).toBe(false)
    const fresh = rig({ now: '2026-03-10T18:00:00Z', lastRunAt: null })
    expect(await fresh.scheduler.checkCatchUp()).toBe(false)
    expect([...r.runs, ...fresh.runs]).toEqual([])
  })

  it('a run already in progress (conflict) is reported, not thrown, and the slot counts as taken', async () => {
    const r = rig({
      now: '2026-03-13T09:00:00Z',
      lastRunAt: '2026-03-09T17:00:00Z',
      run: () => Promise.reject(new AppError('conflict', 'A billing sync is already running.'))
    })
    expect(await r.scheduler.checkCatchUp()).toBe(false)
    expect(r.errors).toMatchObject([{ code: 'conflict' }])
    expect(await r.scheduler.checkCatchUp()).toBe(false)
    expect(r.runs).toHaveLength(1)
  })

  it('reload re-registers after the schedule changed', () => {
    const r = rig({ now: '2026-03-10T12:00:00Z' })
    r.scheduler.start()
    r.state.config = { enabled: true, schedule: { kind: 'daily', time: '07:15', zone: 'UTC' } }
    r.scheduler.reload()
    expect(r.live().map((t) => [t.expr, t.tz])).toEqual([['15 7 * * *', 'UTC']])
  })
})
