import { isAppError } from '../../shared/errors'
import type { BillingTargetRef, PsaConnector, QuantityChange } from '../connectors/types'

// A write whose reply was lost (connection dropped, timed out, garbled) may well have been applied: the PSA is the
// judge. Re-read before reporting a failure, so the history says "written" when the PSA has the new value.

/** Errors after which the write may have happened; a refusal (4xx, conflict, auth, rate limit) means it did not. */
const MAYBE_APPLIED = new Set(['unavailable', 'timeout', 'bad-response', 'internal'])

export const LOST_REPLY_NOTE = 'confirmed after a lost reply'

/** True when the failed write's values are what the PSA now holds. A failing re-read confirms nothing. */
export async function confirmedDespite(
  connector: PsaConnector,
  target: BillingTargetRef,
  change: QuantityChange,
  error: unknown
): Promise<boolean> {
  if (!isAppError(error) || !MAYBE_APPLIED.has(error.code)) return false
  try {
    const read = await connector.getQuantity(target, { billingDay: change.billingDay })
    return (
      read.quantity === change.to &&
      read.split !== true &&
      (change.unitCost === undefined || read.unitCost === change.unitCost) &&
      (change.unitPrice === undefined || read.unitPrice === change.unitPrice)
    )
  } catch {
    return false
  }
}
