import type { z } from 'zod'
import { AppError, isAppError } from '../../../shared/errors'
import { targetKey, type BillingTargetRef, type QuantityRead, type QuantityWrite } from '../types'
import { adjustmentBodies, checkChange } from './adjust'
import { readCurrentUnits } from './current-units'
import { periodAt, periodUnits, type PeriodUnits } from './period'
import { chunk, type FilterNode } from './query'
import { ContractSchema, ContractServiceSchema, ContractServiceUnitSchema } from './schemas'

type Query = <S extends z.ZodType>(entity: string, filter: FilterNode[], schema: S) => Promise<Array<z.infer<S>>>
type ContractService = z.infer<typeof ContractServiceSchema>

const inChunks = <S extends z.ZodType>(
  query: Query,
  entity: string,
  field: string,
  ids: number[],
  schema: S,
  extra: FilterNode[] = []
) =>
  Promise.all(chunk(ids).map((part) => query(entity, [{ op: 'in', field, value: part }, ...extra], schema))).then((x) =>
    x.flat()
  )

const ids = (values: readonly string[]) => [
  ...new Set(values.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))
]

/**
 * The contract services of these targets and the units of the billing period covering `day` (period.ts), in three
 * parallel queries per 500 targets: ContractServices (each must still belong to its contract), Contracts (their
 * start anchors the periods), ContractServiceUnits (a window wide enough for any monthly period around `day`).
 */
async function readPeriods(query: Query, targets: readonly BillingTargetRef[], day: string) {
  const d = Date.parse(`${day}T00:00:00Z`)
  const window: FilterNode[] = [
    { op: 'gte', field: 'endDate', value: new Date(d - 32 * 86_400_000).toISOString() },
    { op: 'lte', field: 'startDate', value: new Date(d + 33 * 86_400_000).toISOString() }
  ]
  const serviceIds = ids(targets.map((t) => t.itemId))
  const [services, contracts, units] = await Promise.all([
    inChunks(query, 'ContractServices', 'id', serviceIds, ContractServiceSchema),
    inChunks(query, 'Contracts', 'id', ids(targets.map((t) => t.containerId)), ContractSchema),
    inChunks(query, 'ContractServiceUnits', 'contractServiceID', serviceIds, ContractServiceUnitSchema, window)
  ])
  const startOf = new Map(contracts.map((c) => [c.id, c.startDate]))
  const periods = new Map<number, PeriodUnits>()
  for (const cs of services) {
    const period = periodAt(day, startOf.get(cs.contractID))
    periods.set(
      cs.id,
      periodUnits(
        units.filter((u) => u.contractServiceID === cs.id),
        period
      )
    )
  }
  return { byId: new Map(services.map((cs) => [String(cs.id), cs])), periods }
}

function gone(target: BillingTargetRef): AppError {
  return new AppError(
    'not-found',
    `Autotask contract ${target.containerId} has no service ${target.itemId} any more.`,
    {
      hint: 'Re-select the billing target: the contract service was removed or moved in Autotask.'
    }
  )
}

function serviceOf(byId: Map<string, ContractService>, target: BillingTargetRef): ContractService | null {
  const cs = byId.get(target.itemId)
  return cs && String(cs.contractID) === target.containerId ? cs : null
}

/**
 * Units (and unit cost/price) of many contract services for the billing period covering `day`. A steady sync needs only
 * the current units rows (current-units.ts: one query per 500); targets those rows cannot settle get the full read,
 * three queries per 500 (§7.4–§7.5). Targets missing from the result no longer exist on their contract.
 */
export async function readQuantities(
  query: Query,
  targets: readonly BillingTargetRef[],
  day: string
): Promise<Map<string, QuantityRead>> {
  const { reads, doubt } = await readCurrentUnits(query, targets, day)
  if (doubt.length === 0) return reads
  const { byId, periods } = await readPeriods(query, doubt, day)
  for (const t of doubt) {
    const cs = serviceOf(byId, t)
    if (!cs) continue
    const p = periods.get(cs.id)!
    const read: QuantityRead = { quantity: p.units }
    const cost = p.cost ?? cs.unitCost
    const price = p.price ?? cs.unitPrice
    if (cost != null) read.unitCost = cost
    if (price != null) read.unitPrice = price
    if (p.split) read.split = true
    reads.set(targetKey(t), read)
  }
  return reads
}

/** One target's read, or not-found. */
export async function readQuantity(query: Query, target: BillingTargetRef, day: string): Promise<QuantityRead> {
  const read = (await readQuantities(query, [target], day)).get(targetKey(target))
  if (!read) throw gone(target)
  return read
}

type Create = (path: string, data: Record<string, unknown>) => Promise<number>

/** Errors after which further writes are pointless (the PSA is down or refuses us): the rest are not attempted. */
const STOPS = new Set(['auth', 'permission', 'unavailable', 'timeout', 'rate-limited'])

/**
 * Many quantity changes with the reads batched (readPeriods per billing day: the full read, so the contract service
 * is checked to still be on its contract just before anything is written), then the adjustments of each target
 * in order (adjust.ts) — usually one POST per write. Resolves per write: null = done, an Error = that one failed.
 */
export async function writeQuantities(
  api: { query: Query; create: Create },
  writes: readonly QuantityWrite[]
): Promise<Array<Error | null>> {
  const results: Array<Error | null> = writes.map(() => null)
  const byDay = new Map<string, number[]>()
  writes.forEach((w, i) => {
    try {
      checkChange(w.change)
      byDay.set(w.change.billingDay, [...(byDay.get(w.change.billingDay) ?? []), i])
    } catch (e) {
      results[i] = e as Error
    }
  })
  let stop: Error | null = null
  for (const [day, idx] of byDay) {
    const { byId, periods } = await readPeriods(
      api.query,
      idx.map((i) => writes[i]!.target),
      day
    )
    await Promise.all(
      idx.map(async (i) => {
        const { target, change } = writes[i]!
        const cs = serviceOf(byId, target)
        if (!cs) {
          results[i] = gone(target)
          return
        }
        try {
          const bodies = adjustmentBodies(cs, periods.get(cs.id)!, change)
          // In order: each step corrects what the previous one left (period.ts stepsTo).
          for (const body of bodies) {
            if (stop) throw new AppError('cancelled', `Not attempted: ${stop.message}`)
            await api.create(`Contracts/${cs.contractID}/ServiceAdjustments`, body)
          }
        } catch (e) {
          results[i] = e as Error
          if (isAppError(e) && STOPS.has(e.code)) stop ??= e
        }
      })
    )
  }
  return results
}

/** One write, its error thrown. */
export async function writeQuantity(api: { query: Query; create: Create }, w: QuantityWrite): Promise<void> {
  const [error] = await writeQuantities(api, [w])
  if (error) throw error
}
