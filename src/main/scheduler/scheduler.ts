import cron from 'node-cron'
import { dueCatchUp, missedRuns, parseSchedule, toCron, type ScheduleConfig } from './schedule'

// Runs the billing push on its schedule. node-cron gives the wake-ups; `dueCatchUp` decides whether a run is
// owed, so a tick, a start-up, a resume and the hourly check all converge on "run once if a slot was missed".

export interface CronTask {
  stop(): void
}
/** The part of node-cron we use (a fake in tests). */
export interface CronLike {
  schedule(expression: string, fn: () => void, options: { timezone: string }): CronTask
}
export interface TimerLike {
  every(ms: number, fn: () => void): CronTask
}

export interface SchedulerDeps {
  now(): Date
  /** Current schedule; `enabled: false` stops everything. Re-read on every check. */
  config(): { enabled: boolean; schedule: ScheduleConfig }
  lastRunAt(): Date | null
  setLastRunAt(at: Date): void
  /** Starts the run; rejects with a conflict when one is in progress (the scheduler then just skips). */
  run(trigger: 'schedule' | 'catch-up'): Promise<unknown>
  onError?(e: unknown): void
  /**
   * While true nothing runs and no slot is recorded, so a slot missed while paused runs once (as a catch-up) after
   * the pause ends. The app's one pause switch (background.ts).
   */
  isPaused?(): boolean
  /** Wraps each run, so the owner can wait for it (shutdown, tests). */
  track?<T>(run: () => Promise<T>): Promise<T>
  cron?: CronLike
  timer?: TimerLike
}

export interface Scheduler {
  start(): void
  stop(): void
  /** Re-registers the cron tasks after the schedule changed. */
  reload(): void
  /** Runs once if a scheduled time was missed (start-up, resume from sleep, hourly). Resolves true if it ran. */
  checkCatchUp(): Promise<boolean>
}

const HOUR = 3_600_000

const realCron: CronLike = { schedule: (expr, fn, options) => cron.schedule(expr, fn, options) }
const realTimer: TimerLike = {
  every(ms, fn) {
    const t = setInterval(fn, ms)
    t.unref()
    return { stop: () => clearInterval(t) }
  }
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const cronImpl = deps.cron ?? realCron
  const timer = deps.timer ?? realTimer
  const tasks: CronTask[] = []
  let started = false
  let inFlight: Promise<boolean> | null = null

  const decide = async (trigger: 'schedule' | 'catch-up'): Promise<boolean> => {
    try {
      if (deps.isPaused?.()) return false
      const c = deps.config()
      if (!c.enabled) return false
      const now = deps.now()
      const state = { lastRunAt: deps.lastRunAt(), now }
      if (!dueCatchUp(c.schedule, state)) return false
      const missed = missedRuns(c.schedule, state)
      // Recorded before running: a crash mid-run must not make every later start re-run it (once, not per day).
      deps.setLastRunAt(now)
      const run = () => deps.run(missed > 1 || trigger === 'catch-up' ? 'catch-up' : 'schedule')
      await (deps.track ? deps.track(run) : run())
      return true
    } catch (e) {
      deps.onError?.(e)
      return false
    }
  }

  // Two wake-ups at once (tick + resume) must not both decide "due" before either records the run: the second
  // joins the first's check.
  const check = (trigger: 'schedule' | 'catch-up'): Promise<boolean> => {
    if (inFlight) return inFlight
    const p = decide(trigger)
    inFlight = p
    void p.finally(() => {
      if (inFlight === p) inFlight = null
    })
    return p
  }

  const register = () => {
    for (const t of tasks.splice(0)) t.stop()
    const c = deps.config()
    if (!c.enabled) return
    const spec = toCron(parseSchedule(c.schedule))
    for (const expr of spec.expressions) tasks.push(cronImpl.schedule(expr, () => void check('schedule'), spec.options))
    tasks.push(timer.every(HOUR, () => void check('catch-up')))
  }

  return {
    start() {
      if (started) return
      started = true
      register()
    },
    stop() {
      started = false
      for (const t of tasks.splice(0)) t.stop()
    },
    reload() {
      if (started) register()
    },
    checkCatchUp: () => check('catch-up')
  }
}
