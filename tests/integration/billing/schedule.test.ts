import { describe, expect, it } from 'vitest'
import { createBillingScheduler } from '../../../src/main/billing/scheduled-push'
import type { CronLike, TimerLike } from '../../../src/main/scheduler/scheduler'
import { useBillingHarness } from './harness'

const start = useBillingHarness()

const DAY = 86_400_000

function fakes() {
  const tasks: Array<{ expr: string; tz: string; stopped: boolean; fn: () => void }> = []
  const cron: CronLike = {
    schedule(expr, fn, o) {
      const t = { expr, tz: o.timezone, stopped: false, fn }
      tasks.push(t)
      return { stop: () => void (t.stopped = true) }
    }
  }
  const timer: TimerLike = { every: () => ({ stop: () => {} }) }
  return { cron, timer, live: () => tasks.filter((t) => !t.stopped) }
}

describe('scheduled billing push (app wiring)', () => {
  it('after the computer was off for days, the next start runs one catch-up push, then nothing until the next slot', async () => {
    const h = await start('syncro', { mappings: 2 })
    h.mapped.forEach((m) => h.setUsage(m.orgId, m.initial + 2))
    await h.call('saveBillingSettings', {
      scheduleEnabled: true,
      schedule: { kind: 'daily', time: '12:00', zone: 'America/New_York' }
    })
    let now = new Date(Date.now() + 3 * DAY + 60_000) // three scheduled times missed
    const f = fakes()
    const scheduler = createBillingScheduler(h.app, { now: () => now, cron: f.cron, timer: f.timer })
    scheduler.start()
    expect(f.live().map((t) => [t.expr, t.tz])).toEqual([['0 12 * * *', 'America/New_York']])

    expect(await scheduler.checkCatchUp()).toBe(true)
    expect(await scheduler.checkCatchUp()).toBe(false)
    const runs = await h.call('listRuns', {})
    expect(runs.map((r) => [r.trigger, r.status, r.counts.written])).toEqual([['catch-up', 'ok', 2]])
    h.mapped.forEach((m) => expect(h.psaQuantity(m)).toBe(m.initial + 2))

    now = new Date(now.getTime() + DAY) // the next day's slot has passed
    expect(await scheduler.checkCatchUp()).toBe(true)
    expect((await h.call('listRuns', {})).length).toBe(2)
    scheduler.stop()
  })

  it('re-registers when the schedule is changed through the contract, and stops when it is turned off', async () => {
    const h = await start('syncro', { mappings: 1 })
    await h.call('saveBillingSettings', { scheduleEnabled: true })
    const f = fakes()
    const scheduler = createBillingScheduler(h.app, { cron: f.cron, timer: f.timer })
    scheduler.start()
    await h.call('saveBillingSettings', { schedule: { kind: 'monthly', day: 1, time: '06:30', zone: 'Europe/Berlin' } })
    expect(f.live().map((t) => [t.expr, t.tz])).toEqual([['30 6 1 * *', 'Europe/Berlin']])
    const view = await h.call('getBillingView', {})
    expect(new Date(view.nextRunAt!).getTime()).toBeGreaterThan(Date.now())
    await h.call('saveBillingSettings', { scheduleEnabled: false })
    expect(f.live()).toEqual([])
    expect(await scheduler.checkCatchUp()).toBe(false)
    scheduler.stop()
  })

  it('rejects an invalid schedule or zone with a clear validation error', async () => {
    const h = await start('syncro', { mappings: 1 })
    await expect(
      h.call('saveBillingSettings', { schedule: { kind: 'daily', time: '25:00', zone: 'UTC' } })
    ).rejects.toThrow(/validation.*time/i)
    await expect(h.call('saveBillingSettings', { timeZone: 'Mars/Olympus' })).rejects.toThrow(/validation/)
    expect(await h.call('getBillingSettings', {})).toMatchObject({
      timeZone: 'America/New_York',
      schedule: { time: '12:00' }
    })
  })

  it('a preview holding the lock at the scheduled time delays the push until it ends; it does not lose the slot', async () => {
    const h = await start('syncro', { mappings: 2 })
    h.mapped.forEach((m) => h.setUsage(m.orgId, m.initial + 2))
    await h.call('saveBillingSettings', {
      scheduleEnabled: true,
      schedule: { kind: 'daily', time: '12:00', zone: 'America/New_York' }
    })
    const now = new Date(Date.now() + DAY + 60_000) // one slot has passed
    const f = fakes()
    const scheduler = createBillingScheduler(h.app, { now: () => now, cron: f.cron, timer: f.timer })

    const started = new Promise<void>((resolve) => {
      const off = h.app.events.on('progress', () => {
        off()
        resolve()
      })
    })
    const preview = h.call('previewSync', {})
    await started // the preview holds the run lock now
    const [ran, dry] = await Promise.all([scheduler.checkCatchUp(), preview])
    expect(dry.dryRun).toBe(true)
    expect(ran).toBe(true)
    const runs = await h.call('listRuns', {})
    expect(runs.map((r) => [r.trigger, r.status, r.counts.written])).toEqual([['catch-up', 'ok', 2]])
    h.mapped.forEach((m) => expect(h.psaQuantity(m)).toBe(m.initial + 2))
  })
})
