import { AppError } from '../../../shared/errors'
import type { QuantityChange } from '../types'
import { stepsTo, type PeriodUnits } from './period'

// The one rule for turning "from → to" into ContractServiceAdjustments (autotask.md §7.6), shared by the single and
// the batch write: adjustments are deltas effective from the billing period's start (period.ts), so the period's
// units must still be `from` — anything else means someone changed the contract since we read it.

export function checkChange(change: QuantityChange): void {
  if (!Number.isInteger(change.to) || change.to < 0 || !Number.isInteger(change.from))
    throw new AppError('validation', `Invalid quantity change ${change.from} → ${change.to}.`)
}

const differs = (want: number | undefined, have: number | undefined) => want !== undefined && want !== have

/**
 * The adjustment bodies that make the whole period carry `to` (and the mapping's unit cost/price), or [] when it
 * already does (e.g. our earlier write whose reply was lost).
 */
export function adjustmentBodies(
  cs: { id: number; contractID: number; serviceID: number },
  period: PeriodUnits,
  change: QuantityChange
): Array<Record<string, unknown>> {
  const steps = stepsTo(period, change.to)
  const money = differs(change.unitCost, period.cost) || differs(change.unitPrice, period.price)
  if (steps.length === 0 && !money) return []
  if (steps.length > 0 && period.units !== change.from && !period.split)
    throw new AppError(
      'conflict',
      `Autotask shows ${period.units} units on this contract service, not ${change.from}; someone changed it in Autotask.`,
      { hint: 'Review the contract in Autotask, then run the billing push again.' }
    )
  // A unit cost/price change alone is a 0-unit adjustment at the period start.
  const all = steps.length > 0 ? steps : [{ effectiveDate: period.start.toISOString(), unitChange: 0 }]
  return all.map((s) => {
    const body: Record<string, unknown> = {
      contractID: cs.contractID,
      contractServiceID: cs.id,
      serviceID: cs.serviceID,
      unitChange: s.unitChange,
      effectiveDate: s.effectiveDate
    }
    if (change.unitCost !== undefined) body.adjustedUnitCost = change.unitCost
    if (change.unitPrice !== undefined) body.adjustedUnitPrice = change.unitPrice
    return body
  })
}
