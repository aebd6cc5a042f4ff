/**
 * Per-key sliding-window limiter for simulators (Syncro per-minute, Autotask per-hour budgets).
 * `clockNow` lets a simulator use its SimClock; default real time.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, { times: number[]; head: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clockNow: () => number = Date.now
  ) {}

  hit(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.clockNow()
    let entry = this.hits.get(key)
    if (!entry) {
      entry = { times: [], head: 0 }
      this.hits.set(key, entry)
    }
    const { times } = entry
    while (entry.head < times.length && (times[entry.head] as number) <= now - this.windowMs) entry.head++
    // Compact now and then instead of shifting on every hit (hour windows hold thousands of entries).
    if (entry.head > 1024 && entry.head * 2 > times.length) {
      times.splice(0, entry.head)
      entry.head = 0
    }
    if (times.length - entry.head >= this.limit) {
      const oldest = times[entry.head] as number
      return { ok: false, retryAfterMs: Math.max(1, oldest + this.windowMs - now) }
    }
    times.push(now)
    return { ok: true }
  }

  /** Hits counted in the current window. */
  count(key: string): number {
    const entry = this.hits.get(key)
    if (!entry) return 0
    const now = this.clockNow()
    return entry.times.slice(entry.head).filter((t) => t > now - this.windowMs).length
  }

  reset(): void {
    this.hits.clear()
  }
}

/** Counts concurrent requests per key and refuses beyond `max` (Autotask: 3 threads per entity). */
export class InFlightLimiter {
  private readonly current = new Map<string, number>()
  private readonly highest = new Map<string, number>()

  constructor(private readonly maxPerKey: number) {}

  /** false = over the limit (nothing recorded; do not call leave). */
  enter(key: string): boolean {
    const n = this.current.get(key) ?? 0
    if (n >= this.maxPerKey) return false
    this.current.set(key, n + 1)
    if (n + 1 > (this.highest.get(key) ?? 0)) this.highest.set(key, n + 1)
    return true
  }

  leave(key: string): void {
    const n = this.current.get(key) ?? 0
    if (n <= 1) this.current.delete(key)
    else this.current.set(key, n - 1)
  }

  /** Highest concurrency seen for this key. */
  max(key: string): number {
    return this.highest.get(key) ?? 0
  }

  inFlight(key: string): number {
    return this.current.get(key) ?? 0
  }
}

/**
 * The Retry-After value for a limiter's refusal. Real windows (a minute or more) answer in whole
 * seconds (RFC 9110 delay-seconds). A window scaled down for tests or benchmarks answers in
 * fractional seconds, so the wait scales with it: a 1 s minimum would dwarf a 3 s "minute".
 */
export function retryAfterValue(retryAfterMs: number, windowMs: number): string {
  if (windowMs >= 60_000) return String(Math.max(1, Math.ceil(retryAfterMs / 1000)))
  return (Math.max(1, retryAfterMs) / 1000).toFixed(3)
}
