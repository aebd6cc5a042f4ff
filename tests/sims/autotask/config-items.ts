// ConfigurationItems create rules of the sim (swagger ConfigurationItemModel): companyID, configurationItemType,
// productID and referenceTitle are required here; the type must be an active picklist value and the product an
// active Product. Violations are HTTP 500 {"errors":[...]} like the real API (autotask.md §6).
import { AutotaskRuleError, ci, type Row } from './filter'
import { findById, nextId, type AutotaskState, type PicklistValue } from './model'

const pick = (value: string, label: string, sortOrder: number, isActive = true): PicklistValue => ({
  value,
  label,
  isDefaultValue: value === '1',
  sortOrder,
  parentValue: '',
  isActive,
  isSystem: false
})

/** The configurationItemType picklist (tenant-defined in real Autotask; a common setup, one retired value). */
export const CI_TYPES: PicklistValue[] = [
  pick('1', 'Workstation', 1),
  pick('2', 'Server', 2),
  pick('3', 'Laptop', 3),
  pick('4', 'Network Device', 4),
  pick('5', 'Printer', 5),
  pick('6', 'Mobile Device', 6, false)
]

/** Products a CI can name (appended after the rest of the seed so earlier ids stay as they were). */
export function seedProducts(state: AutotaskState): void {
  for (const [name, isActive] of [
    ['Workstation', true],
    ['Server', true],
    ['Legacy Hardware', false]
  ] as const)
    state.tables.Products.push({ id: nextId(state), name, description: null, isActive, productCategory: null })
}

function int(body: unknown, key: string): number | undefined {
  const v = ci(body, key)
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new AutotaskRuleError(`Invalid value for field ${key}.`)
  return v
}

export function createConfigurationItem(state: AutotaskState, body: unknown, now: Date): number {
  const companyID = int(body, 'companyID')
  const type = int(body, 'configurationItemType')
  const productID = int(body, 'productID')
  const title = ci(body, 'referenceTitle')
  const missing = Object.entries({ companyID, configurationItemType: type, productID, referenceTitle: title })
    .filter(([, v]) => v === undefined || v === '')
    .map(([k]) => k)
  if (missing.length) throw new AutotaskRuleError(`Missing required field(s): ${missing.join(', ')}.`)
  if (!findById(state, 'Companies', companyID!))
    throw new AutotaskRuleError('Value does not reference an existing entity for companyID.')
  if (!CI_TYPES.some((t) => t.value === String(type) && t.isActive))
    throw new AutotaskRuleError('Value does not reference an existing entity for configurationItemType.')
  const product = findById(state, 'Products', productID!)
  if (!product || product.isActive !== true)
    throw new AutotaskRuleError('Value does not reference an existing entity for productID.')
  const serial = ci(body, 'serialNumber')
  const at = now.toISOString()
  const row: Row = {
    id: nextId(state),
    companyID,
    referenceTitle: String(title),
    serialNumber: typeof serial === 'string' ? serial : null,
    configurationItemType: type,
    isActive: ci(body, 'isActive') !== false,
    productID,
    createDate: at,
    lastModifiedTime: at,
    rmmDeviceAuditHostname: null,
    rmmDeviceAuditMacAddress: null
  }
  state.tables.ConfigurationItems.push(row)
  return row.id as number
}
