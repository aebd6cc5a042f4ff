import type { PlanRow } from '../../shared/contract/billing'
import type { QuantityChange, QuantityRead } from '../connectors/types'
import type { BillingMappingRecord } from './store'

// A mapping's unit cost and unit price: synced values like the quantity — planned when they differ from the PSA's,
// written even when the quantity stays, shown in the preview and in Activity. Amounts are decimals held exactly as
// typed (text in the DB); connectors turn them into what the PSA takes (Syncro integer cents).

export type MoneyChange = Pick<PlanRow, 'unitCost' | 'unitPrice'>
const FIELDS = [
  ['unitCost', 'unit cost'],
  ['unitPrice', 'unit price']
] as const

/** What the mapping wants written besides the quantity, where it differs from what the PSA holds (null = nothing). */
export function moneyChange(sync: boolean, m: BillingMappingRecord, read: QuantityRead | null): MoneyChange | null {
  if (!sync || !read) return null
  const out: MoneyChange = {}
  for (const [key] of FIELDS) {
    const want = m[key]
    if (want !== null && read[key] !== want) out[key] = { from: read[key] ?? null, to: want }
  }
  return out.unitCost || out.unitPrice ? out : null
}

/** "unit cost 10 → 12.5", "unit price none → 20": for the plan's reason and Activity. */
export function moneyWords(c: MoneyChange | null | undefined): string[] {
  const out: string[] = []
  for (const [key, words] of FIELDS) {
    const v = c?.[key]
    if (v) out.push(`${words} ${v.from ?? 'none'} → ${v.to}`)
  }
  return out
}

/** The write carries the mapping's own values whenever syncing is on (the PSA keeps them when they are equal). */
export function withMoney(change: QuantityChange, sync: boolean, m: BillingMappingRecord): QuantityChange {
  if (!sync) return change
  const out = { ...change }
  if (m.unitCost !== null) out.unitCost = m.unitCost
  if (m.unitPrice !== null) out.unitPrice = m.unitPrice
  return out
}
