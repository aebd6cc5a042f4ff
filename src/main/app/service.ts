import { hostname } from 'node:os'
import { AppError } from '../../shared/errors'
import { acquireLease, leaseHolder, type Lease } from '../core/lease'
import type { CronLike, TimerLike } from '../scheduler/scheduler'
import type { App } from './app'
import { createBackground, type BackgroundJobs } from './background'

// The background jobs of one data dir run in one process at a time (`psa-bridge service`, `web --background`):
// the process takes the data dir's background lease, which names it (pid, host, start) so a second one is refused
// with that name, and a holder that died is replaced at once (core/lease.ts).

/** A wall-clock jump this much larger than the wake-up period means the machine slept. */
const SLEEP_SLACK_MS = 2 * 60_000
const WAKE_CHECK_MS = 60_000

export interface RunningJobs {
  jobs: BackgroundJobs
  /** Starts the jobs: a push owed since the last run, a sample and an alert cycle at once, then on their timers. */
  start(): Promise<void>
  /** Shuts the jobs down (a billing run in progress is recorded "interrupted" with what it did), frees the lease. */
  stop(reason: string): Promise<void>
}

export interface RunJobsOptions {
  cron?: CronLike
  timer?: TimerLike
  now?: () => Date
}

/**
 * Claims the data dir's background jobs for this process, or refuses naming the holder. The jobs are the desktop
 * app's (background.ts); sleep is noticed as a jump of the wall clock between two wake-ups and caught up like the
 * desktop app's powerMonitor 'resume'.
 */
export function claimBackgroundJobs(app: App, opts: RunJobsOptions = {}): RunningJobs {
  const now = opts.now ?? (() => new Date())
  const lease = acquireLease(app.db, 'background', now)
  if (!lease) {
    const holder = leaseHolder(app.db, 'background', now()) ?? 'another process'
    throw new AppError('conflict', `The background jobs of ${app.dataDir} are already run by ${holder}.`, {
      hint: 'Run one service (or one bridge with --background) per data directory; stop the other one first.'
    })
  }
  const jobs = createBackground(app, opts)
  const timer = opts.timer ?? {
    every(ms: number, fn: () => void) {
      const t = setInterval(fn, ms)
      t.unref()
      return { stop: () => clearInterval(t) }
    }
  }
  let last = now().getTime()
  let wake: { stop(): void } | null = null
  return {
    jobs,
    async start() {
      app.log.info('background jobs started', { pid: process.pid, host: hostname(), dataDir: app.dataDir })
      wake = timer.every(WAKE_CHECK_MS, () => {
        const t = now().getTime()
        const slept = t - last - WAKE_CHECK_MS
        last = t
        if (slept > SLEEP_SLACK_MS) {
          app.log.info('woke up after sleep: catching up', { sleptMinutes: Math.round(slept / 60_000) })
          void jobs.resume()
        }
      })
      await jobs.start()
      // Operators (and the crash suite) can tell the owed push, the sample and the alert cycle are done.
      app.log.info('background jobs: start-up work done')
    },
    async stop(reason) {
      wake?.stop()
      await jobs.shutdown(reason)
      lease.release()
      app.log.info('background jobs stopped', { reason })
    }
  }
}

export interface DesktopJobs {
  start(): Promise<void>
  resume(): Promise<void>
  syncNow(): Promise<void>
  stop(): void
  /** True while this process runs the data dir's scheduled jobs (false: a service or bridge holds them). */
  running(): boolean
}

/**
 * The desktop app's jobs under the same lease as the service: when `psa-bridge service` (or a bridge with
 * --background) already runs this data dir's jobs, the window runs none (no double sampling or polling) and says
 * so in the log; "Sync now" still works through the usual locks. It claims the jobs on start and after a sleep, so
 * it takes over once the service has stopped.
 */
export function desktopBackgroundJobs(app: App, opts: RunJobsOptions = {}): DesktopJobs {
  const now = opts.now ?? (() => new Date())
  const jobs = createBackground(app, opts)
  let lease: Lease | null = null
  const claim = (): boolean => {
    lease ??= acquireLease(app.db, 'background', now)
    if (!lease) {
      const holder = leaseHolder(app.db, 'background', now()) ?? 'another process'
      app.log.info('background jobs are run by another process; this window runs none', { holder })
    }
    return lease !== null
  }
  return {
    async start() {
      if (claim()) await jobs.start()
    },
    async resume() {
      if (lease) return jobs.resume()
      if (claim()) await jobs.start()
    },
    syncNow: () => jobs.syncNow(),
    stop() {
      jobs.stop()
      lease?.release()
      lease = null
    },
    running: () => lease !== null
  }
}
