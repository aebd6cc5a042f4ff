import { TRANSIENT_NETWORK_CODES } from './errors'
import type { HttpErrorContext } from './types'

export const DEFAULT_RETRY = { retries: 4, baseDelayMs: 500, maxDelayMs: 60_000 }

const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504])

/** Whether this failure is worth another attempt at all (ignoring idempotency). */
export function isTransient(ctx: HttpErrorContext): boolean {
  if (ctx.status !== undefined) return TRANSIENT_STATUSES.has(ctx.status)
  return ctx.code !== undefined && TRANSIENT_NETWORK_CODES.has(ctx.code)
}

/**
 * True only when the far side certainly did not act on the request, so re-sending a POST cannot duplicate it:
 * a 429 (rejected before processing) or a refused connection (never reached it).
 * A 5xx, timeout or reset may come after the write happened.
 */
export function certainlyNotProcessed(ctx: HttpErrorContext): boolean {
  return ctx.status === 429 || (ctx.status === undefined && ctx.code === 'ECONNREFUSED')
}

export function shouldRetry(
  ctx: HttpErrorContext,
  idempotent: boolean,
  vendorOverride?: (ctx: HttpErrorContext) => boolean | undefined
): boolean {
  if (ctx.code === 'ERR_CANCELED') return false
  const retryable = vendorOverride?.(ctx) ?? isTransient(ctx)
  if (!retryable) return false
  return idempotent || certainlyNotProcessed(ctx)
}

/** Exponential backoff with full jitter (AWS architecture blog): random in [0, min(max, base·2^(n-1))). */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}
