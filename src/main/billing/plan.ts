import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { METRICS } from './hwm'

export { parseQuantity } from './quantity'

const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

export const PlanInputSchema = z.object({
  mappingId: z.string().min(1),
  orgId: z.string().min(1),
  metric: z.enum(METRICS),
  /** Seats the MSP does not bill (its own staff, service accounts); subtracted from the HWM. */
  nonBillable: Count,
  /** This month's HWM; null = no snapshot this month (unknown, never 0). */
  hwm: Count.nullable(),
  /** The PSA's current quantity; null = the contract/invoice line no longer exists. */
  current: Count.nullable(),
  /** A user-approved decrease; valid only for exactly this target quantity. */
  approvedDecrease: z.object({ to: Count }).optional(),
  /**
   * What else must be written besides the quantity, in words ("unit cost 10 → 12.5", "the period is split"): with an
   * unchanged quantity these make the item an `update`.
   */
  also: z.array(z.string()).optional()
})
export type PlanInput = z.infer<typeof PlanInputSchema>

export const PlanSettingsSchema = z.object({
  /** Hold decreases until a user approves them. */
  reviewDecreases: z.boolean(),
  /** Allow writing a quantity of 0 (otherwise blocked: a 0 usually means a broken count, not a lost client). */
  allowZero: z.boolean()
})
export type PlanSettings = z.infer<typeof PlanSettingsSchema>

export const PLAN_ACTIONS = ['unchanged', 'increase', 'decrease', 'update', 'held', 'blocked'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

/** Machine-readable reason, for the UI and tests; `reason` is the human sentence. */
export const PLAN_CODES = [
  'same',
  'increase',
  'decrease',
  'decrease-approved',
  'update',
  'decrease-needs-review',
  'zero-not-allowed',
  'target-vanished',
  'hwm-unknown'
] as const
export type PlanCode = (typeof PLAN_CODES)[number]

export type PlanItem = PlanInput & {
  /** max(0, hwm − nonBillable); null when the HWM is unknown. */
  newQuantity: number | null
  /** newQuantity − current when both are known (Autotask writes adjustments as deltas). */
  delta: number | null
  action: PlanAction
  code: PlanCode
  reason: string
}

/** Only `increase`, `decrease` and `update` items are to be written to the PSA. */
export function isWrite(item: PlanItem): boolean {
  return item.action === 'increase' || item.action === 'decrease' || item.action === 'update'
}

function fail(path: string, message: string): never {
  throw new AppError('validation', `Invalid billing plan input at ${path}: ${message}`, { field: path })
}

/** Decides, per mapping, what quantity to push and whether to push it. Pure; throws a validation AppError on bad input. */
export function computePlan(items: readonly PlanInput[], settings: PlanSettings): PlanItem[] {
  const s = PlanSettingsSchema.safeParse(settings)
  if (!s.success)
    fail(['settings', ...(s.error.issues[0]?.path ?? [])].join('.'), s.error.issues[0]?.message ?? 'invalid')
  return items.map((raw, i) => {
    const p = PlanInputSchema.safeParse(raw)
    if (!p.success)
      fail(['items', i, ...(p.error.issues[0]?.path ?? [])].join('.'), p.error.issues[0]?.message ?? 'invalid')
    return planOne(p.data, s.data)
  })
}

function planOne(input: PlanInput, settings: PlanSettings): PlanItem {
  const item = (newQuantity: number | null, action: PlanAction, code: PlanCode, reason: string): PlanItem => ({
    ...input,
    newQuantity,
    delta: newQuantity !== null && input.current !== null ? newQuantity - input.current : null,
    action,
    code,
    reason
  })

  const { hwm, current, nonBillable, metric } = input
  if (hwm === null) {
    return item(
      null,
      'blocked',
      'hwm-unknown',
      `No ${metric} count was recorded this month, so nothing is pushed (we never push a guess).`
    )
  }
  const next = Math.max(0, hwm - nonBillable)
  if (current === null) {
    return item(
      next,
      'blocked',
      'target-vanished',
      'The PSA contract or invoice line for this mapping no longer exists; fix the mapping before billing.'
    )
  }
  const also = input.also?.length ? ` Also: ${input.also.join('; ')}.` : ''
  if (next === current)
    return also
      ? item(next, 'update', 'update', `Quantity stays ${current}.${also}`)
      : item(next, 'unchanged', 'same', `Quantity is already ${current}; nothing to write.`)
  if (next === 0 && !settings.allowZero) {
    return item(
      next,
      'blocked',
      'zero-not-allowed',
      `The new quantity would be 0 (was ${current}); writing 0 is turned off in settings.`
    )
  }
  if (next > current) return item(next, 'increase', 'increase', `Increase from ${current} to ${next}.${also}`)
  if (!settings.reviewDecreases)
    return item(next, 'decrease', 'decrease', `Decrease from ${current} to ${next}.${also}`)
  const approved = input.approvedDecrease?.to
  if (approved === next)
    return item(next, 'decrease', 'decrease-approved', `Approved decrease from ${current} to ${next}.${also}`)
  const stale = approved === undefined ? '' : ` (the approval was for ${approved}, so it needs approving again)`
  return item(
    next,
    'held',
    'decrease-needs-review',
    `Decrease from ${current} to ${next} is waiting for approval${stale}.`
  )
}
