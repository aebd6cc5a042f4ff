import { describe, expect, it } from 'vitest'
import { createBackground } from '../../../src/main/app/background'
import { ManualClock } from '../../helpers/manual-clock'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 10 #8: "The HWM must be the true monthly maximum, not the maximum of a few samples." Users and devices are
// created and deleted again within 20 minutes between two hourly samples (through the simulator's /__sim/ control,
// which logs them in Directory Insights as real JumpCloud does); the month's HWM must still be that peak.
describe('a peak between two hourly samples', () => {
  it('is the month’s HWM, reconstructed from create/delete events, and the chart says so', async () => {
    const clock = new ManualClock('2026-03-10T13:55:00Z')
    const h = await harness('syncro', { mappings: 1, now: clock.now })
    const jc = h.sims.jumpcloud
    jc.clock.set(clock.now())
    const orgId = h.mapped[0]!.orgId
    const org = jc.state.orgs.find((o) => o.id === orgId)!
    const base = { users: org.users.length, devices: org.systems.length }
    const usage = async (users: number, devices: number) => {
      jc.clock.set(clock.now()) // events are stamped with the simulator's clock
      const r = await fetch(`${jc.url}/__sim/usage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orgId, users, devices })
      })
      expect(r.status).toBe(200)
    }

    const jobs = createBackground(h.app, { cron: clock.cron, timer: clock.timer, now: clock.now })
    clock.settle = jobs.idle
    await jobs.start() // samples at 13:55
    await clock.advanceTo('2026-03-10T14:10:00Z')
    await usage(base.users + 5, base.devices + 3)
    await clock.advanceTo('2026-03-10T14:30:00Z')
    await usage(base.users, base.devices) // 20 minutes later everything is gone again
    await clock.advanceTo('2026-03-10T16:00:00Z') // samples at 14:55 and 15:55 see the old counts
    jobs.stop()

    const history = await h.call('getHwmHistory', { source: 'jumpcloud', orgId, months: 1 })
    expect(history.months.at(-1)).toEqual({
      month: '2026-03',
      users: base.users + 5,
      devices: base.devices + 3
    })
    // The samples alone never saw it: every sample reads the base counts.
    const samples = h.app.db
      .prepare(
        "SELECT metric, MAX(count) AS max FROM usage_snapshots WHERE org_id = ? AND origin = 'sample' GROUP BY metric"
      )
      .all(orgId) as Array<{ metric: string; max: number }>
    expect(Object.fromEntries(samples.map((s) => [s.metric, s.max]))).toEqual(base)
    // The chart's point for the day is the peak, from events, at the instant it was reached.
    const day = history.currentMonth.points.filter((p) => p.at.startsWith('2026-03-10'))
    expect(day).toEqual(
      expect.arrayContaining([
        { at: '2026-03-10T14:10:00.000Z', metric: 'users', count: base.users + 5, origin: 'event' },
        { at: '2026-03-10T14:10:00.000Z', metric: 'devices', count: base.devices + 3, origin: 'event' }
      ])
    )
    // What the Billing screen (and the next push) uses.
    const view = await h.call('getBillingView', {})
    expect(view.mappings[0]!.hwm).toBe(base.users + 5)
  }, 60_000)
})
