import { AppError } from '../../../shared/errors'
import type { QuantityChange } from '../types'

// The one rule for turning "from → to" into a ContractServiceAdjustment (autotask.md §7.6), shared by the single
// and the batch write: adjustments are deltas, so the units at the effective date must still be `from`.

export function checkChange(change: QuantityChange): void {
  if (!Number.isInteger(change.to) || change.to < 0 || !Number.isInteger(change.from))
    throw new AppError('validation', `Invalid quantity change ${change.from} → ${change.to}.`)
}

/** The adjustment body, or null when the units already are `to` (e.g. our earlier write whose reply was lost). */
export function adjustmentBody(
  cs: { id: number; contractID: number; serviceID: number },
  current: number,
  change: QuantityChange
): Record<string, unknown> | null {
  if (current === change.to) return null
  if (current !== change.from)
    throw new AppError(
      'conflict',
      `Autotask shows ${current} units on this contract service, not ${change.from}; someone changed it in Autotask.`,
      {
        hint: 'Review the contract in Autotask, then run the billing push again.'
      }
    )
  const body: Record<string, unknown> = {
    contractID: cs.contractID,
    contractServiceID: cs.id,
    serviceID: cs.serviceID,
    unitChange: change.to - change.from,
    effectiveDate: change.effectiveDate.toISOString()
  }
  if (change.unitCost !== undefined) body.adjustedUnitCost = change.unitCost
  return body
}
