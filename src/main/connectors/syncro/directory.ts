import type { PsaCustomer } from '../types'
import { AppError } from '../../../shared/errors'
import type { SyncroApi } from './api'
import { CustomerPageSchema, CustomerReplySchema, type SyncroCustomer } from './schemas'

// Customers (syncro.md §5.1).

/** Customers honour per_page (n8n sends it, syncro.md §2 [S4]); 100 is the largest value seen (§2 [S10]). */
const CUSTOMER_PAGE_SIZE = 100

export async function listAllCustomers(
  api: SyncroApi,
  opts: { includeInactive?: boolean } = {}
): Promise<PsaCustomer[]> {
  const params: Record<string, string | number> = { per_page: CUSTOMER_PAGE_SIZE }
  if (opts.includeInactive) params.include_disabled = 'true'
  const customers = await api.all('/customers', 'customers', CustomerPageSchema, params)
  return customers.map(toCustomer)
}

export async function addCustomer(api: SyncroApi, name: string): Promise<PsaCustomer> {
  const trimmed = name.trim()
  if (!trimmed) throw new AppError('validation', 'A customer needs a name.', { field: 'name' })
  const { customer } = await api.post('/customers', { business_name: trimmed }, CustomerReplySchema)
  return toCustomer(customer)
}

function toCustomer(c: SyncroCustomer): PsaCustomer {
  // business_then_name = business name, else the person's name (syncro.md §5.1).
  const name = c.business_then_name || c.business_name || c.fullname || `Customer ${c.id}`
  return { id: String(c.id), name, active: c.disabled !== true }
}
