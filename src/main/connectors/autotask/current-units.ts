// The cheap read of a steady sync: one ContractServiceUnits query per 500 services, for the rows covering the billing
// day ("Current units = the row … whose startDate ≤ now ≤ endDate", autotask.md §7.5). A row is trusted only when it
// alone can answer what the full read (quantities.ts readPeriods) would: it belongs to the target's contract, carries
// its cost and price, and is one whole monthly period by itself (not split). Anything else goes to the full read,
// which also re-checks the contract service before every write (writeQuantities), so a deleted or moved service is
// never written through.
import type { z } from 'zod'
import { targetKey, type BillingTargetRef, type QuantityRead } from '../types'
import { utcDay } from './period'
import { chunk, type FilterNode } from './query'
import { ContractServiceUnitSchema } from './schemas'

type Query = <S extends z.ZodType>(entity: string, filter: FilterNode[], schema: S) => Promise<Array<z.infer<S>>>
type UnitRow = z.infer<typeof ContractServiceUnitSchema>

const DAY_MS = 86_400_000

/**
 * Whether a units row is a whole monthly period: it ends where one calendar month from its start ends. Starts after
 * the 28th are not judged (a clamped anniversary could make a split part look a month long); nor are other period
 * types. The end may be stored to the millisecond, to the second or as a date (the last day at 00:00).
 */
export function wholeMonthRow(row: Pick<UnitRow, 'startDate' | 'endDate'>): boolean {
  const start = new Date(Date.parse(row.startDate))
  const end = Date.parse(row.endDate)
  if (Number.isNaN(start.getTime()) || Number.isNaN(end) || start.getUTCDate() > 28) return false
  const next = new Date(start)
  next.setUTCMonth(start.getUTCMonth() + 1)
  const n = next.getTime()
  return end === n - 1 || end === n - 1000 || end === n - DAY_MS
}

/** The row of the billing period `day` falls in: the latest one starting on or before that day. */
function rowOfDay(rows: readonly UnitRow[], day: string): UnitRow | undefined {
  let best: UnitRow | undefined
  for (const r of rows)
    if (
      utcDay(new Date(Date.parse(r.startDate))) <= day &&
      (!best || Date.parse(r.startDate) > Date.parse(best.startDate))
    )
      best = r
  return best
}

function trusted(row: UnitRow | undefined, target: BillingTargetRef): QuantityRead | null {
  if (!row || row.contractID == null || String(row.contractID) !== target.containerId) return null
  if (row.cost == null || row.price == null || !wholeMonthRow(row)) return null
  return { quantity: row.units, unitCost: row.cost, unitPrice: row.price }
}

/**
 * Units of the targets whose current row settles them (`reads`), and the targets that need the full read (`doubt`):
 * no row, another contract's row, a split or partial period, a row without cost/price.
 */
export async function readCurrentUnits(
  query: Query,
  targets: readonly BillingTargetRef[],
  day: string
): Promise<{ reads: Map<string, QuantityRead>; doubt: BillingTargetRef[] }> {
  const serviceIds = [...new Set(targets.map((t) => Number(t.itemId)).filter((n) => Number.isSafeInteger(n) && n > 0))]
  const covering: FilterNode[] = [
    { op: 'lte', field: 'startDate', value: `${day}T23:59:59.999Z` },
    { op: 'gte', field: 'endDate', value: `${day}T00:00:00.000Z` }
  ]
  const rows = (
    await Promise.all(
      chunk(serviceIds).map((part) =>
        query(
          'ContractServiceUnits',
          [{ op: 'in', field: 'contractServiceID', value: part }, ...covering],
          ContractServiceUnitSchema
        )
      )
    )
  ).flat()
  const byService = new Map<number, UnitRow[]>()
  for (const r of rows) byService.set(r.contractServiceID, [...(byService.get(r.contractServiceID) ?? []), r])
  const reads = new Map<string, QuantityRead>()
  const doubt: BillingTargetRef[] = []
  for (const t of targets) {
    const read = trusted(rowOfDay(byService.get(Number(t.itemId)) ?? [], day), t)
    if (read) reads.set(targetKey(t), read)
    else doubt.push(t)
  }
  return { reads, doubt }
}
