import { describe, expect, it } from 'vitest'
import { claimBackgroundJobs, desktopBackgroundJobs } from '../../../src/main/app/service'
import type { TicketingView } from '../../../src/shared/contract/ticketing'
import { psaTickets } from '../ticketing/setup'
import { ManualClock } from '../../helpers/manual-clock'
import { useBillingHarness } from '../billing/harness'

const harness = useBillingHarness()

// Issue 10 #9: the headless service runs exactly the desktop app's background jobs. Driven by a clock the test
// moves (timers and cron fire when it passes their time): no sleeps.
describe('psa-bridge service: the background jobs of a data dir', () => {
  it('pushes on the daily schedule, samples counts between pushes and turns alerts into tickets', async () => {
    const clock = new ManualClock('2026-03-10T15:00:00Z') // 11:00 New York
    const h = await harness('syncro', { mappings: 1, now: clock.now })
    const jc = h.sims.jumpcloud
    for (const o of jc.state.orgs) o.events = []
    jc.clock.set(clock.now())
    await h.call('saveBillingSettings', { scheduleEnabled: true })
    const ts = await h.call('getTicketingSettings', {})
    await h.call('saveTicketingSettings', { ...(ts as TicketingView).settings, enabled: true })
    const m = h.mapped[0]!
    const users = jc.state.orgs.find((o) => o.id === m.orgId)!.users.length

    const running = claimBackgroundJobs(h.app, { cron: clock.cron, timer: clock.timer, now: clock.now })
    clock.settle = running.jobs.idle
    await running.start()
    // At start: one sample, nothing pushed (no slot missed yet).
    expect(await h.call('listRuns', {})).toEqual([])

    // An alert and a new user a little before noon.
    h.setUsage(m.orgId, users + 3)
    jc.control.addEvents({
      orgId: m.orgId,
      eventType: 'user_lockout',
      user: jc.state.orgs.find((o) => o.id === m.orgId)!.users[0]!.username,
      timestamp: '2026-03-10T15:30:00Z'
    })
    await clock.advanceTo('2026-03-10T16:30:00Z') // noon New York passes

    const runs = await h.call('listRuns', {})
    expect(runs).toEqual([expect.objectContaining({ trigger: 'schedule', status: 'ok', dryRun: false })])
    expect(h.psaQuantity(m)).toBe(users + 3)
    const samples = h.app.db
      .prepare("SELECT COUNT(*) AS n FROM usage_snapshots WHERE org_id = ? AND origin = 'sample'")
      .get(m.orgId) as { n: number }
    expect(samples.n).toBe(4) // users + devices at 15:00 and 16:00
    expect(psaTickets(h, 'syncro')).toHaveLength(1)

    await running.stop('test over')
    // Nothing more runs once stopped.
    h.setUsage(m.orgId, users + 5)
    await clock.advanceTo('2026-03-12T18:00:00Z')
    expect(await h.call('listRuns', {})).toHaveLength(1)
  }, 60_000)

  it('refuses a second instance on the same data dir, naming the holder', async () => {
    const h = await harness('syncro', { mappings: 1 })
    const first = claimBackgroundJobs(h.app)
    expect(() => claimBackgroundJobs(h.app)).toThrow(/already run by process \d+ on .+ since /)
    await first.stop('test over')
    const again = claimBackgroundJobs(h.app) // free once the first has stopped
    await again.stop('test over')
  }, 60_000)

  it('the desktop window runs no scheduled jobs while a service holds them, and takes over once it stops', async () => {
    const clock = new ManualClock('2026-03-10T15:00:00Z')
    const h = await harness('syncro', { mappings: 1, now: clock.now })
    const m = h.mapped[0]!
    const samples = (): number =>
      (
        h.app.db
          .prepare("SELECT COUNT(*) AS n FROM usage_snapshots WHERE org_id = ? AND origin = 'sample'")
          .get(m.orgId) as { n: number }
      ).n
    const service = claimBackgroundJobs(h.app, { cron: clock.cron, timer: clock.timer, now: clock.now })
    const desktop = desktopBackgroundJobs(h.app, { cron: clock.cron, timer: clock.timer, now: clock.now })
    clock.settle = service.jobs.idle
    await service.start()
    await desktop.start()
    expect(desktop.running()).toBe(false)
    await clock.advanceTo('2026-03-10T18:30:00Z')
    const byService = samples()
    expect(byService).toBe(2 * 4) // users + devices at 15:00, 16:00, 17:00, 18:00 — once each, not twice

    await service.stop('test over')
    await desktop.resume() // e.g. after a sleep: the jobs are free now
    expect(desktop.running()).toBe(true)
    expect(samples()).toBeGreaterThan(byService)
    desktop.stop()
    const again = claimBackgroundJobs(h.app) // throws unless the window freed the jobs on stop
    await again.stop('test over')
  }, 60_000)
})
