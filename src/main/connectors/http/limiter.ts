import PQueue from 'p-queue'
import type { RequestInfo } from './types'

export interface LimiterOptions {
  rateLimit?: { limit: number; intervalMs: number }
  concurrency?: { max: number; key: (req: RequestInfo) => string }
}

/**
 * Admission control for one client: an optional per-key concurrency queue in front of one client-wide queue that
 * enforces the rate (sliding window: p-queue `strict`) and can be paused when the far side says "rate limited".
 * Per-key queue is outermost so a request waiting for a rate slot already holds its key slot (never over-admits).
 */
export class RequestLimiter {
  private readonly global: PQueue
  private readonly perKey = new Map<string, PQueue>()
  private pausedUntil = 0
  private resumeTimer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly opts: LimiterOptions) {
    const r = opts.rateLimit
    // The server counts a request when it arrives, we count it when it leaves: varying network and
    // event-loop delays can bunch arrivals into a window we kept clean. A small guard (2 %, at most
    // 250 ms) on our window costs little and spares 429s, each of which stalls the whole client.
    this.global = r
      ? new PQueue({
          intervalCap: r.limit,
          interval: r.intervalMs + Math.min(250, Math.ceil(r.intervalMs * 0.02)),
          strict: true
        })
      : new PQueue()
  }

  run<T>(info: RequestInfo, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const admitted = (): Promise<T> => this.global.add(fn, { signal })
    const c = this.opts.concurrency
    if (!c) return admitted()
    const key = c.key(info)
    let q = this.perKey.get(key)
    if (!q) {
      q = new PQueue({ concurrency: c.max })
      this.perKey.set(key, q)
    }
    const queue = q
    return queue.add(admitted, { signal }).finally(() => {
      // Keys are unbounded in principle (URLs); drop idle queues.
      if (queue.size === 0 && queue.pending === 0 && this.perKey.get(key) === queue) this.perKey.delete(key)
    })
  }

  /** Stops starting new requests for `ms` (extends, never shortens, a pause already running). */
  pauseFor(ms: number): void {
    if (ms <= 0) return
    const until = Date.now() + ms
    if (until <= this.pausedUntil) return
    this.pausedUntil = until
    this.global.pause()
    clearTimeout(this.resumeTimer)
    this.resumeTimer = setTimeout(() => {
      this.pausedUntil = 0
      this.global.start()
    }, ms)
  }

  get paused(): boolean {
    return this.global.isPaused
  }
}
