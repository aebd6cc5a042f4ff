/**
 * Simulated "now". Follows real time until `set`; from then on it is frozen and moves only by `advance`
 * (deterministic month ends and event windows in tests).
 */
export class SimClock {
  private fixed: number | undefined

  now(): Date {
    return new Date(this.nowMs())
  }

  nowMs(): number {
    return this.fixed ?? Date.now()
  }

  set(d: Date | string): void {
    const ms = new Date(d).getTime()
    if (Number.isNaN(ms)) throw new Error(`SimClock.set: invalid date ${String(d)}`)
    this.fixed = ms
  }

  advance(ms: number): void {
    this.fixed = this.nowMs() + ms
  }

  /** Back to real time. */
  reset(): void {
    this.fixed = undefined
  }
}
