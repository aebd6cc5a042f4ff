import type { Handlers } from '../../shared/contract'
import { isAppError } from '../../shared/errors'
import { createBillingScheduler, type ScheduledPushDeps } from '../billing/scheduled-push'
import type { CronLike, TimerLike } from '../scheduler/scheduler'
import { createAlertPoller } from '../ticketing/poller'

/** The desktop app's background work: the billing schedule (with catch-up) and the alert poller. */
export interface BackgroundJobs {
  start(): Promise<void>
  /** After sleep: run a missed scheduled push once, and poll alerts now. */
  resume(): Promise<void>
  /** The tray's "Sync now": push billing, then process alerts — through the same locks as every door. */
  syncNow(): Promise<void>
  stop(): void
}

/** What the background jobs use of the app: the two doors they push through, the log, events and the db. */
export interface BackgroundDeps extends ScheduledPushDeps {
  handlers: Pick<Handlers, 'pushSync' | 'pollAlertsNow'>
}

export function createBackground(
  app: BackgroundDeps,
  opts: { cron?: CronLike; timer?: TimerLike; now?: () => Date } = {}
): BackgroundJobs {
  const scheduler = createBillingScheduler(app, opts)
  const poller = createAlertPoller(app, { timer: opts.timer })
  const quietly = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (e) {
      // A run already in progress (another door) is doing the work; anything else is logged, never thrown at the tray.
      if (isAppError(e) && e.code === 'conflict') app.log.info(`${what} skipped: already running`)
      else app.log.warn(`${what} failed`, { error: e instanceof Error ? e.message : String(e) })
    }
  }
  return {
    async start() {
      scheduler.start()
      await quietly('catch-up billing run', () => scheduler.checkCatchUp())
      await quietly('alert cycle', () => poller.start())
    },
    async resume() {
      await quietly('catch-up billing run', () => scheduler.checkCatchUp())
      await quietly('alert cycle', () => poller.tick())
    },
    async syncNow() {
      await quietly('billing sync', () => app.handlers.pushSync({ trigger: 'tray' }))
      await quietly('alert cycle', () => app.handlers.pollAlertsNow({ retryNow: true }))
    },
    stop() {
      scheduler.stop()
      poller.stop()
    }
  }
}
