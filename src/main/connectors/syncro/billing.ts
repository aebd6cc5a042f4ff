import { AppError } from '../../../shared/errors'
import type { BillingContainer, BillingItem, BillingTargetRef, QuantityChange, QuantityRead } from '../types'
import { wireId, type SyncroApi } from './api'
import { ScheduleLineReplySchema, SchedulePageSchema, ScheduleReplySchema, type SyncroScheduleLine } from './schemas'

// Billing targets are the customer's recurring invoices ("schedules") and their lines
// (syncro.md §5.3). Quantities travel as decimal strings, money in cents.

export async function listSchedules(api: SyncroApi, customerId: string): Promise<BillingContainer[]> {
  const schedules = await api.all('/schedules', 'schedules', SchedulePageSchema, {
    customer_id: wireId(customerId, 'customer')
  })
  return schedules.map((s) => ({
    id: String(s.id),
    name: s.name ?? `Recurring invoice ${s.id}`,
    customerId: String(s.customer_id),
    items: s.lines.map(toItem)
  }))
}

export async function readQuantity(api: SyncroApi, target: BillingTargetRef): Promise<QuantityRead> {
  return toRead(toItem(await readLine(api, target)))
}

export function toRead(item: BillingItem): QuantityRead {
  const read: QuantityRead = { quantity: item.quantity }
  if (item.unitCost !== undefined) read.unitCost = item.unitCost
  if (item.unitPrice !== undefined) read.unitPrice = item.unitPrice
  return read
}

/**
 * Sends `quantity` (and the mapping's unit cost/price when it sets them) only: "only what you send changes"
 * (syncro.md §5.3 [S3]), so name and product stay as the MSP set them. The reply is checked so a silently ignored
 * write is caught.
 */
export async function writeQuantity(api: SyncroApi, target: BillingTargetRef, change: QuantityChange): Promise<void> {
  if (!Number.isFinite(change.to) || change.to < 0) {
    throw new AppError('validation', `A quantity must be zero or more, got ${change.to}.`)
  }
  const scheduleId = wireId(target.containerId, 'recurring invoice')
  const lineId = wireId(target.itemId, 'recurring invoice line')
  // Money in integer cents (syncro.md §5.3 [S1]); sent only when the mapping sets it.
  const body: Record<string, number> = { quantity: change.to }
  if (change.unitCost !== undefined) body.cost_cents = Math.round(change.unitCost * 100)
  if (change.unitPrice !== undefined) body.retail_cents = Math.round(change.unitPrice * 100)
  const reply = await api.put(`/schedules/${scheduleId}/line_items/${lineId}`, body, ScheduleLineReplySchema)
  const got = reply.schedule_line_item
  if (got.quantity !== change.to) {
    throw new AppError(
      'bad-response',
      `Syncro answered quantity ${got.quantity} after we set ${change.to} on line ${lineId}.`
    )
  }
  for (const [field, words] of [
    ['cost_cents', 'cost'],
    ['retail_cents', 'price']
  ] as const) {
    const sent = body[field]
    const kept = got[field]
    if (sent !== undefined && kept != null && Math.round(kept) !== sent)
      throw new AppError(
        'bad-response',
        `Syncro kept ${words} ${kept / 100} after we set ${sent / 100} on line ${lineId}.`
      )
  }
}

async function readLine(api: SyncroApi, target: BillingTargetRef): Promise<SyncroScheduleLine> {
  const scheduleId = wireId(target.containerId, 'recurring invoice')
  const { schedule } = await api.get(`/schedules/${scheduleId}`, ScheduleReplySchema)
  const line = schedule.lines.find((l) => String(l.id) === target.itemId)
  if (!line) {
    throw new AppError(
      'not-found',
      `Line ${target.itemId} of Syncro recurring invoice ${scheduleId} no longer exists (deleted in Syncro?).`
    )
  }
  return line
}

export function toItem(line: SyncroScheduleLine): BillingItem {
  const item: BillingItem = { id: String(line.id), name: line.name ?? `Line ${line.id}`, quantity: line.quantity }
  if (line.cost_cents != null) item.unitCost = centsToUnits(line.cost_cents)
  if (line.retail_cents != null) item.unitPrice = centsToUnits(line.retail_cents)
  if (line.product_id != null) item.serviceId = String(line.product_id)
  return item
}

/** Our domain (shared with Autotask) speaks currency units; Syncro lines are integer cents. */
function centsToUnits(cents: number): number {
  return Math.round(cents) / 100
}
