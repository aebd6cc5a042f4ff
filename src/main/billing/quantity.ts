import { AppError } from '../../shared/errors'

// Syncro returns line-item quantities as decimal strings ("12.0", "0.0") (syncro.md §schedule line items [S1]);
// seat counts are whole, so anything with a real fraction is a reply we do not understand, not something to round.
const WHOLE_DECIMAL = /^\d+(?:\.0+)?$/

/**
 * A PSA quantity as an exact non-negative integer: accepts 12, "12", "12.0"; rejects "12.5", "", "abc", negatives,
 * exponents and unsafe integers with a `bad-response` AppError (the value comes from a remote reply).
 */
export function parseQuantity(value: unknown, field = 'quantity'): number {
  let n: number | null = null
  if (typeof value === 'number') n = value
  else if (typeof value === 'string' && WHOLE_DECIMAL.test(value)) n = Number(value)
  if (n === null || !Number.isSafeInteger(n) || n < 0) {
    throw new AppError('bad-response', `Quantity ${JSON.stringify(value)} is not a whole non-negative number`, {
      field
    })
  }
  return n === 0 ? 0 : n // normalise -0
}
