import type { Handlers } from '../../shared/contract'
import { isAppError } from '../../shared/errors'
import { createBillingScheduler, type ScheduledPushDeps } from '../billing/scheduled-push'
import { requestBillingStop } from '../billing/sync'
import type { CronLike, CronTask, TimerLike } from '../scheduler/scheduler'
import { ALERT_POLL_INTERVAL_MS, createAlertPoller } from '../ticketing/poller'
import { isPaused } from '../core/pause'
import type { AppJobs } from './app'
import { readSamplingMinutes } from './settings-handlers'

// The app's background work, the same in every process that runs it (the desktop app, `psa-bridge service`,
// `web --background`): the billing schedule with catch-up, usage sampling between pushes, and the alert poller.
// Each job step goes through `step()`, the one place that asks whether scheduled work is paused and that tracks
// what is in flight (shutdown and tests wait for it).

export interface BackgroundJobs {
  start(): Promise<void>
  /** After sleep: run a missed scheduled push once, sample counts and poll alerts now. */
  resume(): Promise<void>
  /** The tray's "Sync now": push billing, then process alerts — through the same locks as every door. */
  syncNow(): Promise<void>
  /** Stops the timers; a job step in flight goes on. */
  stop(): void
  /**
   * Stops the timers, asks a running billing run to stop before its next item (it is recorded "interrupted" with
   * what it did) and resolves when no step is in flight.
   */
  shutdown(reason: string): Promise<void>
  /** Resolves once no job step is in flight (tests advance a clock, then await this). */
  idle(): Promise<void>
}

/** What the background jobs use of the app: the doors they push through, its jobs, the log, events and the db. */
export interface BackgroundDeps extends ScheduledPushDeps {
  handlers: Pick<Handlers, 'pushSync' | 'pollAlertsNow'>
  jobs: AppJobs
}

export interface BackgroundOptions {
  cron?: CronLike
  timer?: TimerLike
  now?: () => Date
  /**
   * Scheduled work waits while this is true; "Sync now" still runs. Asked before every step. Default: the Pause
   * stored in the database (Settings, tray, `psa-bridge pause`), so every process obeys it.
   */
  isPaused?: () => boolean
}

const MINUTE = 60_000

const realTimer: TimerLike = {
  every(ms, fn) {
    const t = setInterval(fn, ms)
    t.unref()
    return { stop: () => clearInterval(t) }
  }
}

export function createBackground(app: BackgroundDeps, opts: BackgroundOptions = {}): BackgroundJobs {
  const timer = opts.timer ?? realTimer
  const inFlight = new Set<Promise<unknown>>()
  let stopping = false
  const pausedByPerson = opts.isPaused ?? (() => isPaused(app.db))
  const paused = (): boolean => stopping || pausedByPerson()

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p)
    void p.then(
      () => inFlight.delete(p),
      () => inFlight.delete(p)
    )
    return p
  }
  const quietly = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn()
    } catch (e) {
      // A run already in progress (another door) is doing the work; anything else is logged, never thrown at the tray.
      if (isAppError(e) && e.code === 'conflict') app.log.info(`${what} skipped: already running`)
      else app.log.warn(`${what} failed`, { error: e instanceof Error ? e.message : String(e) })
    }
  }
  /** One scheduled step: skipped while paused, tracked, never throws. */
  const step = (what: string, fn: () => Promise<unknown>): Promise<void> => {
    if (paused()) {
      app.log.info(`${what} skipped: scheduled work is paused`)
      return Promise.resolve()
    }
    return track(quietly(what, fn))
  }

  const scheduler = createBillingScheduler(app, {
    cron: opts.cron,
    timer: opts.timer,
    now: opts.now,
    isPaused: paused,
    track: (run) => track(run())
  })
  const poller = createAlertPoller(app)
  const pollAlerts = () => step('alert cycle', () => poller.tick())
  const sample = () =>
    step('usage sampling', async () => {
      const r = await app.jobs.sampleUsage({ shouldStop: () => stopping })
      if (r.orgs > 0 || r.failed > 0) app.log.info('usage sampled', { ...r })
    })

  const tasks: CronTask[] = []
  // The sampling timer follows the setting: re-registered when a save changes the interval.
  let sampler: { every: number; task: CronTask } | null = null
  const startSampling = () => {
    const every = readSamplingMinutes(app)
    if (sampler?.every === every) return
    sampler?.task.stop()
    sampler = { every, task: timer.every(every * MINUTE, () => void sample()) }
  }
  let offSettings: (() => void) | null = null
  const stop = () => {
    scheduler.stop()
    for (const t of tasks.splice(0)) t.stop()
    sampler?.task.stop()
    sampler = null
    offSettings?.()
    offSettings = null
  }
  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight])
  }

  return {
    async start() {
      stopping = false
      scheduler.start()
      startSampling()
      tasks.push(timer.every(ALERT_POLL_INTERVAL_MS, () => void pollAlerts()))
      offSettings ??= app.events.on('settingsChanged', () => {
        if (sampler) startSampling()
      })
      // The alert queue survives restarts and a missed push is owed: both run at once.
      await track(quietly('catch-up billing run', () => scheduler.checkCatchUp()))
      await Promise.all([sample(), pollAlerts()])
    },
    async resume() {
      await track(quietly('catch-up billing run', () => scheduler.checkCatchUp()))
      await Promise.all([sample(), pollAlerts()])
    },
    async syncNow() {
      await track(quietly('billing sync', () => app.handlers.pushSync({ trigger: 'tray' })))
      await track(quietly('alert cycle', () => app.handlers.pollAlertsNow({ retryNow: true })))
    },
    stop,
    async shutdown(reason) {
      stopping = true
      stop()
      if (requestBillingStop(app.db, reason)) app.log.info('stopping the billing run in progress', { reason })
      await idle()
    },
    idle
  }
}
