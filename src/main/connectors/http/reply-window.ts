import { performance } from 'node:perf_hooks'

/**
 * A sliding-window rate limit counted by replies: a slot is taken when a request starts and stays taken while it is in
 * flight and for one whole window after its reply. The far side counts a request when it arrives, which is after we
 * start it and before we see the reply, so its window never holds more than ours whatever the delays on the way (event
 * loop, sockets, network): no guessed guard on the window is needed, and the cost is one round trip per window.
 */
export class ReplyWindow {
  private inFlight = 0
  /** Reply times still inside the window, oldest first. */
  private ends: number[] = []
  private head = 0
  private readonly waiters: Array<{ go: () => void }> = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private pausedUntil = 0

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now()
  ) {}

  /** Runs `fn` once a slot is free (first come, first served). */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal)
    try {
      return await fn()
    } finally {
      this.inFlight--
      this.ends.push(this.now())
      this.pump()
    }
  }

  /** Starts no request for `ms` (extends, never shortens, a pause already running). */
  pauseFor(ms: number): void {
    const until = this.now() + ms
    if (ms <= 0 || until <= this.pausedUntil) return
    this.pausedUntil = until
    this.pump()
  }

  get paused(): boolean {
    return this.pausedUntil > this.now()
  }

  /** Requests waiting for a slot now: the window is spent (or paused), so this client goes at the far side's pace. */
  get queued(): number {
    return this.waiters.length
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        go: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter)
        if (i >= 0) this.waiters.splice(i, 1)
        this.pump()
        reject(signal!.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(waiter)
      this.pump()
    })
  }

  private pump(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (!this.waiters.length) return // nothing waits: no timer keeps the process alive
    const now = this.now()
    if (this.pausedUntil > now) return this.schedule(this.pausedUntil - now)
    while (this.head < this.ends.length && this.ends[this.head]! <= now - this.windowMs) this.head++
    if (this.head > 1024 && this.head * 2 > this.ends.length) {
      this.ends = this.ends.slice(this.head)
      this.head = 0
    }
    while (this.waiters.length && this.inFlight + this.ends.length - this.head < this.limit) {
      this.inFlight++
      this.waiters.shift()!.go()
    }
    // Full because of finished requests: a slot frees when the oldest reply leaves the window. (Full of requests
    // still in flight: their replies call pump.)
    if (this.waiters.length && this.head < this.ends.length) this.schedule(this.ends[this.head]! + this.windowMs - now)
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.pump(), Math.max(0, ms))
  }
}
