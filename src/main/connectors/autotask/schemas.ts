// Wire shapes of the Autotask REST replies we read (camelCase on the wire, autotask.md intro / §3.1).
// Only the fields we use are declared; zod strips the rest.
import { z } from 'zod'

const id = z.number().int()
const nullableString = z.string().nullish()

export const ErrorBodySchema = z.object({ errors: z.array(z.unknown()) })

// Some published zoneInformation replies carry only `url`/`webUrl`; we use neither `zoneName` nor `ci` for
// anything but a label, so they are optional (a missing one must not fail the connection).
export const ZoneInfoSchema = z.object({
  zoneName: z.string().nullish(),
  url: z.string(),
  webUrl: z.string().nullish(),
  ci: z.number().int().nullish()
})
export type ZoneInfo = z.infer<typeof ZoneInfoSchema>

export const PageDetailsSchema = z.object({
  count: z.number().int(),
  requestCount: z.number().int().optional(),
  prevPageUrl: z.string().nullish(),
  nextPageUrl: z.string().nullish()
})

/** `{"items":[...],"pageDetails":{...}}` (autotask.md §4.5). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), pageDetails: PageDetailsSchema })
}

/** `{"item":{...}}`; `item` may be null for a missing id on some entities (autotask.md §3.2). */
export function itemSchema<T extends z.ZodType>(item: T) {
  return z.object({ item: item.nullable() })
}

export const ItemIdSchema = z.object({ itemId: id })
/** A query row when only its existence matters. */
export const IdOnlySchema = z.object({ id })

export const CompanySchema = z.object({
  id,
  companyName: z.string(),
  companyType: z.number().int().nullish(),
  isActive: z.boolean()
})

export const ContractSchema = z.object({
  id,
  companyID: id,
  contractName: z.string(),
  contractType: z.number().int(),
  status: z.number().int(),
  /** The billing periods' anchor (autotask.md §7.2); optional so a reply without it still reads. */
  startDate: z.string().nullish()
})

export const ContractServiceSchema = z.object({
  id,
  contractID: id,
  serviceID: id,
  unitPrice: z.number().nullish(),
  unitCost: z.number().nullish(),
  invoiceDescription: nullableString
})

export const ServiceSchema = z.object({
  id,
  name: z.string(),
  unitCost: z.number().nullish(),
  unitPrice: z.number().nullish(),
  isActive: z.boolean().nullish()
})

export const ContractServiceUnitSchema = z.object({
  id,
  // Listed in the docs (autotask.md §7.5); optional here so a reply without it only costs the full read.
  contractID: id.nullish(),
  contractServiceID: id,
  startDate: z.string(),
  endDate: z.string(),
  units: z.number(),
  cost: z.number().nullish(),
  price: z.number().nullish()
})

const PicklistValueSchema = z.object({
  value: z.string(),
  label: z.string(),
  isDefaultValue: z.boolean().optional(),
  sortOrder: z.number().optional(),
  parentValue: nullableString,
  isActive: z.boolean()
})

export const FieldInfoSchema = z.object({
  name: z.string(),
  /** Max characters for strings; 0 when not applicable. */
  length: z.number().int().optional(),
  isPickList: z.boolean().optional(),
  picklistValues: z.array(PicklistValueSchema).nullish()
})
export const FieldsSchema = z.object({ fields: z.array(FieldInfoSchema) })
export type FieldInfo = z.infer<typeof FieldInfoSchema>

export const ResourceSchema = z.object({
  id,
  firstName: nullableString,
  lastName: nullableString,
  isActive: z.boolean()
})

export const ServiceDeskRoleSchema = z.object({
  id,
  resourceID: id,
  roleID: id,
  isDefault: z.boolean().nullish(),
  isActive: z.boolean()
})

export const TicketSchema = z.object({
  id,
  ticketNumber: nullableString,
  companyID: id,
  status: z.number().int(),
  description: nullableString
})

export const ConfigurationItemSchema = z.object({
  id,
  companyID: id,
  referenceTitle: nullableString,
  serialNumber: nullableString,
  configurationItemType: z.number().int().nullish(),
  isActive: z.boolean().nullish(),
  // RMM audit fields (swagger ConfigurationItemModel RMMDeviceAudit*): filled when an RMM feeds Autotask.
  rmmDeviceAuditHostname: nullableString.catch(null),
  rmmDeviceAuditMacAddress: nullableString.catch(null),
  lastModifiedTime: nullableString.catch(null)
})

export const ProductSchema = z.object({ id, name: nullableString, isActive: z.boolean().nullish() })
