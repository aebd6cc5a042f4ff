import type { AlertEventRow } from './store'

/** Retry delays: 30 s doubling per attempt, at most 30 min. Queued alerts are never dropped. */
export const BACKOFF_BASE_MS = 30_000
export const BACKOFF_MAX_MS = 30 * 60_000

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts, 20))
}

/** How long after a timed-out write its marker's absence is not trusted (the PSA may still be applying it). */
export const LATE_WRITE_SETTLE_MS = BACKOFF_BASE_MS

/**
 * Whether a write of this group timed out so recently that the PSA may still apply it. A lookup that finds no
 * marker then proves nothing, and re-sending (a retry-now skips the backoff) could duplicate the note or ticket.
 * The failure time is where its backoff started: delivery's failure record sets next = failed + backoffMs(n - 1).
 */
export function mayStillLand(events: AlertEventRow[], now: Date): boolean {
  return events.some((e) => {
    if (!e.last_error?.startsWith('timeout:') || !e.next_attempt_at || e.attempts < 1) return false
    const failedAt = Date.parse(e.next_attempt_at) - backoffMs(e.attempts - 1)
    return now.getTime() < failedAt + LATE_WRITE_SETTLE_MS
  })
}
