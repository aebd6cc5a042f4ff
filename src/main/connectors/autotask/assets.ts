// ConfigurationItems = assets (swagger ConfigurationItemModel): list per company (incrementally by
// lastModifiedTime), the configurationItemType picklist, create.
import { AppError } from '../../../shared/errors'
import type { Choice, NewAsset, PsaAsset } from '../types'
import { toInt, type AutotaskApi } from './api'
import type { FilterNode } from './query'
import { ConfigurationItemSchema, ProductSchema } from './schemas'
import { field } from './ticket-fields'

type Ci = ReturnType<typeof ConfigurationItemSchema.parse>

function toPsaAsset(r: Ci): PsaAsset {
  const asset: PsaAsset = {
    id: String(r.id),
    customerId: String(r.companyID),
    name: r.referenceTitle ?? `Configuration item ${r.id}`,
    active: r.isActive !== false
  }
  if (r.serialNumber) asset.serial = r.serialNumber
  if (r.configurationItemType != null) asset.type = String(r.configurationItemType)
  if (r.rmmDeviceAuditHostname) asset.hostname = r.rmmDeviceAuditHostname
  if (r.rmmDeviceAuditMacAddress) asset.macs = r.rmmDeviceAuditMacAddress.split(/[,;\s]+/).filter(Boolean)
  if (r.lastModifiedTime) asset.updatedAt = r.lastModifiedTime
  return asset
}

export async function listCompanyAssets(api: AutotaskApi, customerId: string, since?: Date): Promise<PsaAsset[]> {
  const filter: FilterNode[] = [{ op: 'eq', field: 'companyID', value: toInt(customerId, 'company') }]
  if (since) filter.push({ op: 'gte', field: 'lastModifiedTime', value: since.toISOString() })
  const rows = await api.query('ConfigurationItems', filter, ConfigurationItemSchema)
  return rows.map(toPsaAsset)
}

async function activeCiTypes(api: AutotaskApi): Promise<Choice[]> {
  const f = field(await api.fields('ConfigurationItems'), 'configurationItemType')
  return (f?.picklistValues ?? [])
    .filter((p) => p.isActive)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
    .map((p) => ({ value: p.value, label: p.label }))
}

export async function listCiTypes(api: AutotaskApi): Promise<{ types: Choice[]; complete: boolean }> {
  return { types: await activeCiTypes(api), complete: true }
}

/**
 * A configuration item must name a Product (productID is required on create). The active product named like the
 * type ("Workstation", "Server") is used, else the lowest-id active product.
 */
async function productFor(api: AutotaskApi, typeLabel: string | undefined): Promise<number> {
  const products = await api.query('Products', [{ op: 'eq', field: 'isActive', value: true }], ProductSchema)
  const named = typeLabel && products.find((p) => p.name?.trim().toLowerCase() === typeLabel.toLowerCase())
  const chosen = named || [...products].sort((a, b) => a.id - b.id)[0]
  if (!chosen)
    throw new AppError('conflict', 'Autotask has no active Product to attach the configuration item to.', {
      hint: 'Create a Product (e.g. "Workstation") in Autotask, then try again.'
    })
  return chosen.id
}

export async function addConfigurationItem(api: AutotaskApi, input: NewAsset): Promise<PsaAsset> {
  const name = input.name.trim()
  if (!name) throw new AppError('validation', 'An asset needs a name.', { field: 'name' })
  const type = toInt(input.type, 'configuration item type')
  const label = (await activeCiTypes(api)).find((t) => t.value === input.type)?.label
  if (!label) throw new AppError('validation', `Autotask has no active configuration item type ${input.type}.`)
  // No nulls in create bodies (autotask.md §3.1): optional fields are left out.
  const body: Record<string, unknown> = {
    companyID: toInt(input.customerId, 'company'),
    configurationItemType: type,
    referenceTitle: name,
    isActive: true,
    productID: await productFor(api, label)
  }
  if (input.serial?.trim()) body.serialNumber = input.serial.trim()
  const id = await api.create('ConfigurationItems', body)
  return toPsaAsset({
    id,
    companyID: body.companyID as number,
    referenceTitle: name,
    serialNumber: input.serial?.trim() || null,
    configurationItemType: type,
    isActive: true,
    rmmDeviceAuditHostname: null,
    rmmDeviceAuditMacAddress: null,
    lastModifiedTime: null
  })
}
