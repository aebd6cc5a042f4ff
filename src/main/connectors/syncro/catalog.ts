import { AppError } from '../../../shared/errors'
import type { BillingItem, NewContractService, PsaContract, PsaService } from '../types'
import { wireId, type SyncroApi } from './api'
import { toItem } from './billing'
import { ContractPageSchema, ProductPageSchema, ScheduleLineReplySchema } from './schemas'

// The product catalogue (a Default Contract Service is a product), adding a product's line to a recurring invoice,
// and the customer's contracts (for tickets) — syncro.md §5.3, §5.4, §5.10.

/** Enabled products, by name; prices arrive in dollars here (§5.4). */
export async function listProducts(api: SyncroApi): Promise<PsaService[]> {
  const rows = await api.all('/products', 'products', ProductPageSchema, { sort: 'name ASC' })
  return rows
    .filter((p) => p.disabled !== true)
    .map((p) => ({
      id: String(p.id),
      name: p.name,
      ...(p.price_cost == null ? {} : { unitCost: p.price_cost }),
      ...(p.price_retail == null ? {} : { unitPrice: p.price_retail })
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * `POST /schedules/{id}/add_line_item` (§5.3) with the product, quantity 0 and money in cents. A POST always creates
 * (§ idempotency): the caller matches the schedule's lines by product_id first.
 */
export async function addScheduleLine(
  api: SyncroApi,
  containerId: string,
  s: NewContractService
): Promise<BillingItem> {
  const scheduleId = wireId(containerId, 'recurring invoice')
  const body = {
    name: s.name,
    description: s.name,
    quantity: 0,
    product_id: wireId(s.serviceId, 'product'),
    cost_cents: Math.round(s.unitCost * 100),
    retail_cents: Math.round(s.unitPrice * 100)
  }
  const reply = await api.post(`/schedules/${scheduleId}/add_line_item`, body, ScheduleLineReplySchema)
  const item = toItem(reply.schedule_line_item)
  if (item.serviceId !== s.serviceId)
    throw new AppError('bad-response', `Syncro added line ${item.id} without product ${s.serviceId}.`)
  return item
}

/** The customer's contracts. The list is filtered here too: whether Syncro honours `customer_id` is UNCONFIRMED. */
export async function listCustomerContracts(api: SyncroApi, customerId: string): Promise<PsaContract[]> {
  const cid = wireId(customerId, 'customer')
  const rows = await api.all('/contracts', 'contracts', ContractPageSchema, { customer_id: cid })
  return rows
    .filter((c) => c.customer_id === cid)
    .map((c) => ({ id: String(c.id), name: c.name ?? `Contract ${c.id}`, customerId: String(cid) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
