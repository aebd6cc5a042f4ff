import type { Handlers } from '../../shared/contract'
import type { EventBus } from '../core/events'
import type { Logger } from '../core/log'
import type { Db } from '../db/connection'
import {
  createScheduler,
  type CronLike,
  type Scheduler,
  type SchedulerDeps,
  type TimerLike
} from '../scheduler/scheduler'
import { isAppError } from '../../shared/errors'
import { getRunRow, loadBillingSettings, loadLastScheduledRun, storeLastScheduledRun } from './store'
import { billingRunInProgress } from './sync'

/** What the schedule needs: the push door (same lock as every other), settings in the db, events and a log. */
export interface ScheduledPushDeps {
  db: Db
  log: Pick<Logger, 'info' | 'warn'>
  events: Pick<EventBus, 'on'>
  handlers: Pick<Handlers, 'pushSync'>
}

function runFinished(app: Pick<ScheduledPushDeps, 'db' | 'events'>, runId: string): Promise<void> {
  return new Promise((resolve) => {
    const off = app.events.on('syncFinished', (p) => {
      if (p.runId !== runId) return
      off()
      resolve()
    })
    // It may have finished between the refusal and the subscription.
    if (billingRunInProgress(app.db) !== runId) {
      off()
      resolve()
    }
  })
}

/**
 * The billing schedule of one app: reads the schedule from billing settings, pushes through the same
 * `pushSync` handler (and lock) as every other door, and re-registers when the settings change.
 * The Electron shell calls `start()` once, `checkCatchUp()` at start-up and on powerMonitor 'resume', `stop()` on quit.
 */
export function createBillingScheduler(
  app: ScheduledPushDeps,
  opts: { now?: () => Date; cron?: CronLike; timer?: TimerLike } & Pick<SchedulerDeps, 'isPaused' | 'track'> = {}
): Scheduler {
  const now = opts.now ?? (() => new Date())
  const scheduler = createScheduler({
    now,
    config: () => {
      const s = loadBillingSettings(app.db)
      return { enabled: s.scheduleEnabled, schedule: s.schedule }
    },
    lastRunAt: () => loadLastScheduledRun(app.db),
    setLastRunAt: (at) => storeLastScheduledRun(app.db, at),
    run: async (trigger) => {
      try {
        return await app.handlers.pushSync({ trigger })
      } catch (e) {
        const busy = isAppError(e) && e.code === 'conflict' ? billingRunInProgress(app.db) : null
        if (!busy || !getRunRow(app.db, busy).dryRun) throw e
        // A preview holds the same lock but writes nothing: the slot counts as taken, so push once it is done,
        // or this slot's push (a month's, for a monthly schedule) would be lost.
        await runFinished(app, busy)
        return app.handlers.pushSync({ trigger })
      }
    },
    onError: (e) => {
      // A manual run in progress at the scheduled time already does the work.
      if (isAppError(e) && e.code === 'conflict') app.log.info('scheduled billing run skipped: a run is in progress')
      else app.log.warn('scheduled billing run failed', { error: e instanceof Error ? e.message : String(e) })
    },
    isPaused: opts.isPaused,
    track: opts.track,
    cron: opts.cron,
    timer: opts.timer
  })
  let off: (() => void) | null = null
  return {
    start() {
      off ??= app.events.on('billingSettingsChanged', () => scheduler.reload())
      scheduler.start()
    },
    stop() {
      off?.()
      off = null
      scheduler.stop()
    },
    reload: () => scheduler.reload(),
    checkCatchUp: () => scheduler.checkCatchUp()
  }
}
