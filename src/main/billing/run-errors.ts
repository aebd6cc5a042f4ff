import { AppError, isAppError, type ErrorCode } from '../../shared/errors'

// Errors that say "the remote system as a whole is not usable": the run stops as failed instead of
// hammering a PSA that is down with 1,000 more requests. Anything else is a per-item failure.
const SYSTEMIC: ReadonlySet<ErrorCode> = new Set([
  'auth',
  'permission',
  'unavailable',
  'timeout',
  'rate-limited',
  'config',
  'cancelled'
])

/** The error as a systemic stop, or null when it concerns one item only. */
export function systemicError(e: unknown): AppError | null {
  return isAppError(e) && SYSTEMIC.has(e.code) ? e : null
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
