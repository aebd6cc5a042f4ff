import { AppError, isAppError, type ErrorCode } from '../../shared/errors'

// Errors that say "this account or set-up cannot work": the run stops at once as failed instead of sending 1,000
// more requests that will be refused the same way.
const FATAL: ReadonlySet<ErrorCode> = new Set(['auth', 'permission', 'rate-limited', 'config', 'cancelled'])

// Errors that may concern one item (an HTTP 500 on one invoice line) or the whole remote (it is down). One alone
// fails its item; a streak of them across different items means the remote is down (SystemicBreaker).
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['unavailable', 'timeout'])

/** Consecutive transient failures on different items that stop a run: enough to rule out one bad line. */
export const BREAKER_LIMIT = 3

/**
 * Tells "one item's 5xx" from "the PSA is down": a fatal error stops the run at once; transient ones stop it after
 * `limit` consecutive failures on different items with no success in between, or when the run ends having seen
 * nothing but them (a PSA that fails every request is down, however few items there were).
 */
export class SystemicBreaker {
  private readonly streak = new Set<string>()
  private succeeded = false
  private lastTransient: AppError | null = null

  constructor(private readonly limit = BREAKER_LIMIT) {}

  /** Records a failure of `item`; returns the error that must stop the run, or null when only this item fails. */
  failure(e: unknown, item: string): AppError | null {
    if (!isAppError(e)) return null
    if (FATAL.has(e.code)) return e
    if (!TRANSIENT.has(e.code)) return null
    this.lastTransient = e
    this.streak.add(item)
    return this.streak.size >= this.limit ? e : null
  }

  /** A request of the remote answered: the streak is over. */
  success(): void {
    this.succeeded = true
    this.streak.clear()
  }

  /** At the end of a run: the transient error to fail it with when not one request succeeded. */
  neverAnswered(): AppError | null {
    return this.succeeded ? null : this.lastTransient
  }
}

/** Thrown out of the runner to end the run as failed with this error. */
export class Abort extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

export function errorText(e: unknown): string {
  if (isAppError(e)) return e.message
  return e instanceof Error ? e.message : String(e)
}
