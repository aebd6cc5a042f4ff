import type { z } from 'zod'
import { AppError, isAppError } from '../../../shared/errors'
import { targetKey, type BillingTargetRef, type QuantityWrite } from '../types'
import { adjustmentBody, checkChange } from './adjust'
import { chunk, type FilterNode } from './query'
import { ContractServiceSchema, ContractServiceUnitSchema } from './schemas'

type Query = <S extends z.ZodType>(entity: string, filter: FilterNode[], schema: S) => Promise<Array<z.infer<S>>>

/** Units rows of these contract services whose period covers `at`. */
function coveringFilter(ids: number[], at: Date): FilterNode[] {
  const iso = at.toISOString()
  return [
    { op: 'in', field: 'contractServiceID', value: ids },
    { op: 'lte', field: 'startDate', value: iso },
    { op: 'gte', field: 'endDate', value: iso }
  ]
}

function unitsCovering<U extends { contractServiceID: number; startDate: string; endDate: string }>(
  units: U[],
  at: Date
): Map<number, U> {
  const t = at.getTime()
  return new Map(
    units.filter((u) => Date.parse(u.startDate) <= t && t <= Date.parse(u.endDate)).map((u) => [u.contractServiceID, u])
  )
}

/** The contract services with these ids and their units rows covering `at`: two queries per 500 ids. */
async function readServices(query: Query, ids: number[], at: Date) {
  const [services, units] = await Promise.all([
    Promise.all(
      chunk(ids).map((part) =>
        query('ContractServices', [{ op: 'in', field: 'id', value: part }], ContractServiceSchema)
      )
    ).then((x) => x.flat()),
    Promise.all(
      chunk(ids).map((part) => query('ContractServiceUnits', coveringFilter(part, at), ContractServiceUnitSchema))
    ).then((x) => x.flat())
  ])
  return { services, unitsBy: unitsCovering(units, at) }
}

const idsOf = (targets: readonly BillingTargetRef[]) => [
  ...new Set(targets.map((t) => Number(t.itemId)).filter((n) => Number.isSafeInteger(n) && n > 0))
]

/**
 * Current units of many contract services in two queries per 500 (ContractServices to check each still belongs to
 * its contract, ContractServiceUnits covering `at`), instead of two requests per service: a 1,000-org billing run
 * reads in 4 requests. Targets missing from the result no longer exist. Same values as getQuantity (§7.4).
 */
export async function readQuantities(
  query: Query,
  targets: readonly BillingTargetRef[],
  at: Date
): Promise<Map<string, { quantity: number; unitCost?: number }>> {
  const { services, unitsBy } = await readServices(query, idsOf(targets), at)
  const out = new Map<string, { quantity: number; unitCost?: number }>()
  for (const cs of services) {
    const target = { containerId: String(cs.contractID), itemId: String(cs.id) }
    const row = unitsBy.get(cs.id)
    const unitCost = row?.cost ?? cs.unitCost ?? undefined
    out.set(
      targetKey(target),
      unitCost === undefined ? { quantity: row?.units ?? 0 } : { quantity: row?.units ?? 0, unitCost }
    )
  }
  return out
}

type Create = (path: string, data: Record<string, unknown>) => Promise<number>

/** Errors after which further writes are pointless (the PSA is down or refuses us): the rest are not attempted. */
const STOPS = new Set(['auth', 'permission', 'unavailable', 'timeout', 'rate-limited'])

/**
 * Many adjustments with the reads batched: ContractServices and the units at each effective date in two queries
 * per 500 services, then one POST per change — the same checks as setQuantity (adjust.ts), 1 request per write.
 */
export async function writeQuantities(
  api: { query: Query; create: Create },
  writes: readonly QuantityWrite[]
): Promise<Array<Error | null>> {
  const results: Array<Error | null> = writes.map(() => null)
  const valid: number[] = []
  writes.forEach((w, i) => {
    try {
      checkChange(w.change)
      valid.push(i)
    } catch (e) {
      results[i] = e as Error
    }
  })
  // Usually one effective date per run; group anyway so each re-read is at its own date.
  const byDate = new Map<number, number[]>()
  for (const i of valid) {
    const t = writes[i]!.change.effectiveDate.getTime()
    byDate.set(t, [...(byDate.get(t) ?? []), i])
  }
  let stop: Error | null = null
  for (const [t, idx] of byDate) {
    const at = new Date(t)
    const { services, unitsBy } = await readServices(api.query, idsOf(idx.map((i) => writes[i]!.target)), at)
    const csById = new Map(services.map((cs) => [String(cs.id), cs]))
    await Promise.all(
      idx.map(async (i) => {
        const { target, change } = writes[i]!
        const cs = csById.get(target.itemId)
        if (!cs || String(cs.contractID) !== target.containerId) {
          results[i] = new AppError(
            'not-found',
            `Autotask contract ${target.containerId} has no service ${target.itemId} any more.`,
            {
              hint: 'Re-select the billing target: the contract service was removed or moved in Autotask.'
            }
          )
          return
        }
        try {
          const body = adjustmentBody(cs, unitsBy.get(cs.id)?.units ?? 0, change)
          if (stop) throw new AppError('cancelled', `Not attempted: ${stop.message}`)
          if (body) await api.create(`Contracts/${cs.contractID}/ServiceAdjustments`, body)
        } catch (e) {
          results[i] = e as Error
          if (isAppError(e) && STOPS.has(e.code)) stop ??= e
        }
      })
    )
  }
  return results
}
