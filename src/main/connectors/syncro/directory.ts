import type { PsaAsset, PsaCustomer } from '../types'
import { AppError } from '../../../shared/errors'
import { wireId, type SyncroApi } from './api'
import { AssetPageSchema, CustomerPageSchema, CustomerReplySchema, type SyncroCustomer } from './schemas'

// Customers and their assets (syncro.md §5.1, §5.8).

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

export async function listCustomerAssets(api: SyncroApi, customerId: string): Promise<PsaAsset[]> {
  const assets = await api.all('/customer_assets', 'assets', AssetPageSchema, {
    customer_id: wireId(customerId, 'customer')
  })
  return assets.map((a) => {
    const asset: PsaAsset = { id: String(a.id), customerId: String(a.customer_id), name: a.name ?? `Asset ${a.id}` }
    if (a.asset_serial) asset.serial = a.asset_serial
    if (a.asset_type) asset.type = a.asset_type
    return asset
  })
}

function toCustomer(c: SyncroCustomer): PsaCustomer {
  // business_then_name = business name, else the person's name (syncro.md §5.1).
  const name = c.business_then_name || c.business_name || c.fullname || `Customer ${c.id}`
  return { id: String(c.id), name, active: c.disabled !== true }
}
