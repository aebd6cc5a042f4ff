import PQueue from 'p-queue'
import { ReplyWindow } from './reply-window'
import type { RequestInfo } from './types'

export interface LimiterOptions {
  rateLimit?: { limit: number; intervalMs: number }
  concurrency?: { max: number; key: (req: RequestInfo) => string }
}

/**
 * Admission control for one client: an optional per-key concurrency queue in front of one client-wide sliding window
 * counted by replies (reply-window.ts) that can be paused when the far side says "rate limited". The per-key queue is
 * outermost so a request waiting for a rate slot already holds its key slot (never over-admits).
 */
export class RequestLimiter {
  private readonly window: ReplyWindow
  private readonly perKey = new Map<string, PQueue>()

  constructor(private readonly opts: LimiterOptions) {
    const r = opts.rateLimit
    // Without a rate limit the window only serves pauses (a 429 still holds the client).
    this.window = r ? new ReplyWindow(r.limit, r.intervalMs) : new ReplyWindow(Number.POSITIVE_INFINITY, 0)
  }

  run<T>(info: RequestInfo, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const admitted = (): Promise<T> => this.window.run(fn, signal)
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
    this.window.pauseFor(ms)
  }

  get paused(): boolean {
    return this.window.paused
  }

  /** Requests waiting for the rate window (not for a per-key slot). */
  get queued(): number {
    return this.window.queued
  }
}
