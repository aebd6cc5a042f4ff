import type { Handlers } from '../../shared/contract'
import type { Logger } from '../core/log'
import type { TimerLike } from '../scheduler/scheduler'

/** How often the desktop app runs the alert cycle (the DI window itself lags 2 min behind). */
export const ALERT_POLL_INTERVAL_MS = 2 * 60_000

const realTimer: TimerLike = {
  every(ms, fn) {
    const t = setInterval(fn, ms)
    t.unref()
    return { stop: () => clearInterval(t) }
  }
}

/**
 * Runs the alert cycle periodically through the same `pollAlertsNow` handler (and lock) as every other
 * door; the cycle itself is a no-op while automated ticketing is off. The Electron shell calls
 * `start()` once (it also runs one cycle at once: the queue survives restarts) and `stop()` on quit.
 */
export function createAlertPoller(
  app: { handlers: Pick<Handlers, 'pollAlertsNow'>; log: Pick<Logger, 'warn'> },
  opts: { intervalMs?: number; timer?: TimerLike } = {}
) {
  const timer = opts.timer ?? realTimer
  let task: { stop(): void } | null = null
  const tick = async (): Promise<void> => {
    try {
      await app.handlers.pollAlertsNow({ retryNow: false })
    } catch (e) {
      app.log.warn('scheduled alert cycle failed', { error: e instanceof Error ? e.message : String(e) })
    }
  }
  return {
    start(): Promise<void> {
      task ??= timer.every(opts.intervalMs ?? ALERT_POLL_INTERVAL_MS, () => void tick())
      return tick()
    },
    stop(): void {
      task?.stop()
      task = null
    },
    tick
  }
}
