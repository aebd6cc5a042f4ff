import type { z } from 'zod'
import { targetKey, type BillingTargetRef } from '../types'
import { chunk, type FilterNode } from './query'
import { ContractServiceSchema, ContractServiceUnitSchema } from './schemas'

type Query = <S extends z.ZodType>(entity: string, filter: FilterNode[], schema: S) => Promise<Array<z.infer<S>>>

/**
 * Current units of many contract services in two queries per 500 (ContractServices to check each still belongs to
 * its contract, ContractServiceUnits covering `at`), instead of two requests per service: a 1,000-org billing run
 * reads in 4 requests. Targets missing from the result no longer exist. Same values as getQuantity (§7.4).
 */
export async function readQuantities(query: Query, targets: readonly BillingTargetRef[], at: Date): Promise<Map<string, { quantity: number; unitCost?: number }>> {
  const ids = [...new Set(targets.map((t) => Number(t.itemId)).filter((n) => Number.isSafeInteger(n) && n > 0))]
  const iso = at.toISOString()
  const [services, units] = await Promise.all([
    Promise.all(chunk(ids).map((part) => query('ContractServices', [{ op: 'in', field: 'id', value: part }], ContractServiceSchema))).then((x) => x.flat()),
    Promise.all(
      chunk(ids).map((part) =>
        query(
          'ContractServiceUnits',
          [
            { op: 'in', field: 'contractServiceID', value: part },
            { op: 'lte', field: 'startDate', value: iso },
            { op: 'gte', field: 'endDate', value: iso }
          ],
          ContractServiceUnitSchema
        )
      )
    ).then((x) => x.flat())
  ])
  const t = at.getTime()
  const unitsBy = new Map(units.filter((u) => Date.parse(u.startDate) <= t && t <= Date.parse(u.endDate)).map((u) => [u.contractServiceID, u]))
  const out = new Map<string, { quantity: number; unitCost?: number }>()
  for (const cs of services) {
    const target = { containerId: String(cs.contractID), itemId: String(cs.id) }
    const row = unitsBy.get(cs.id)
    const unitCost = row?.cost ?? cs.unitCost ?? undefined
    out.set(targetKey(target), unitCost === undefined ? { quantity: row?.units ?? 0 } : { quantity: row?.units ?? 0, unitCost })
  }
  return out
}
