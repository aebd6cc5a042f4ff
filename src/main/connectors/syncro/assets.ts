import { AppError } from '../../../shared/errors'
import type { Choice, NewAsset, PsaAsset } from '../types'
import { wireId, type SyncroApi } from './api'
import { AssetPageSchema, AssetReplySchema, type SyncroAsset } from './schemas'

// Customer assets (syncro.md §5.8): list per customer, create. Syncro has no endpoint listing asset types and no
// filter on updated_at, so types are read from existing assets and every pull reads the customer's full list.

/** Custom-field names MSPs give the MAC / hostname of an asset (properties is free-form per account, §5.8). */
const MAC_KEY = /^(mac|mac[ _-]?address(es)?|mac[ _-]?addr)$/i
const HOST_KEY = /^(host[ _-]?name|computer[ _-]?name|device[ _-]?name|machine[ _-]?name)$/i
/** Pages of the unfiltered asset list read to learn the account's asset type names. */
const TYPE_SAMPLE_PAGES = 4

function textValues(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[,;\s]+/).filter(Boolean)
  if (Array.isArray(v)) return v.flatMap(textValues)
  return []
}

export function toPsaAsset(a: SyncroAsset): PsaAsset {
  const asset: PsaAsset = { id: String(a.id), customerId: String(a.customer_id), name: a.name ?? `Asset ${a.id}` }
  if (a.asset_serial) asset.serial = a.asset_serial
  if (a.asset_type) asset.type = a.asset_type
  if (a.updated_at) asset.updatedAt = a.updated_at
  const props = Object.entries(a.properties ?? {})
  const macs = props.filter(([k]) => MAC_KEY.test(k.trim())).flatMap(([, v]) => textValues(v))
  if (macs.length) asset.macs = macs
  const host = props.find(([k, v]) => HOST_KEY.test(k.trim()) && typeof v === 'string' && v.trim())
  if (host) asset.hostname = String(host[1]).trim()
  return asset
}

export async function listCustomerAssets(api: SyncroApi, customerId: string): Promise<PsaAsset[]> {
  const assets = await api.all('/customer_assets', 'assets', AssetPageSchema, {
    customer_id: wireId(customerId, 'customer')
  })
  return assets.map(toPsaAsset)
}

export async function listAssetTypes(api: SyncroApi): Promise<{ types: Choice[]; complete: boolean }> {
  const names = new Set<string>()
  for (let page = 1; page <= TYPE_SAMPLE_PAGES; page++) {
    const reply = await api.get('/customer_assets', AssetPageSchema, { page })
    for (const a of reply.assets) if (a.asset_type) names.add(a.asset_type)
    const total = reply.meta?.total_pages
    if (reply.assets.length === 0 || (total !== undefined && page >= total)) break
  }
  return { types: [...names].sort().map((n) => ({ value: n, label: n })), complete: false }
}

export async function addAsset(api: SyncroApi, input: NewAsset): Promise<PsaAsset> {
  const name = input.name.trim()
  if (!name) throw new AppError('validation', 'An asset needs a name.', { field: 'name' })
  if (!input.type.trim()) throw new AppError('validation', 'Choose the Syncro asset type.', { field: 'type' })
  // asset_type_name must exist, else 422 (§5.8); properties are ignored on create, so none are sent.
  const body: Record<string, unknown> = {
    name,
    customer_id: wireId(input.customerId, 'customer'),
    asset_type_name: input.type
  }
  if (input.serial?.trim()) body.asset_serial = input.serial.trim()
  const { asset } = await api.post('/customer_assets', body, AssetReplySchema)
  return toPsaAsset(asset)
}
