import type { CronLike, TimerLike } from '../../src/main/scheduler/scheduler'

// A clock the test moves: `now()`, interval timers and daily cron tasks ("m h * * *" in a zone) that fire only when
// `advanceTo` passes their time, in time order, each followed by `settle()` (the job manager's `idle()`), so a
// job's I/O finishes before the next one fires. No sleeps, no real timers.

interface Due {
  at: number
  fire(): void
  reschedule(): void
  stopped: boolean
}

/** The next instant after `after` at which the daily time hh:mm occurs in `zone`. */
function nextDaily(expr: string, zone: string, after: number): number {
  const m = /^(\d+) (\d+) \* \* \*$/.exec(expr)
  if (!m) throw new Error(`manual clock: only daily cron expressions, got "${expr}"`)
  const [minute, hour] = [Number(m[1]), Number(m[2])]
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit'
  })
  // Minute steps: simple and exact across DST; at most a day of steps.
  for (let t = Math.floor(after / 60_000) * 60_000 + 60_000; t <= after + 2 * 86_400_000; t += 60_000) {
    const parts = Object.fromEntries(fmt.formatToParts(t).map((p) => [p.type, p.value]))
    if (Number(parts.hour) === hour && Number(parts.minute) === minute) return t
  }
  throw new Error(`manual clock: "${expr}" never occurs in ${zone}`)
}

export class ManualClock {
  private ms: number
  private dues: Due[] = []
  /** Awaited after every firing (set to the job manager's `idle`). */
  settle: () => Promise<void> = async () => undefined

  constructor(start: string | Date) {
    this.ms = new Date(start).getTime()
  }

  now = (): Date => new Date(this.ms)

  readonly timer: TimerLike = {
    every: (ms, fn) => {
      const due: Due = {
        at: this.ms + ms,
        fire: fn,
        reschedule: () => void (due.at += ms),
        stopped: false
      }
      this.dues.push(due)
      return { stop: () => void (due.stopped = true) }
    }
  }

  readonly cron: CronLike = {
    schedule: (expr, fn, options) => {
      const due: Due = {
        at: nextDaily(expr, options.timezone, this.ms),
        fire: fn,
        reschedule: () => void (due.at = nextDaily(expr, options.timezone, due.at)),
        stopped: false
      }
      this.dues.push(due)
      return { stop: () => void (due.stopped = true) }
    }
  }

  /** Moves to `to`, firing everything due on the way in time order. */
  async advanceTo(to: string | Date): Promise<void> {
    const end = new Date(to).getTime()
    for (;;) {
      this.dues = this.dues.filter((d) => !d.stopped)
      const next = this.dues.filter((d) => d.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      this.ms = Math.max(this.ms, next.at)
      next.reschedule()
      next.fire()
      await this.settle()
    }
    this.ms = Math.max(this.ms, end)
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.ms + ms))
  }
}
