// In-memory Autotask tenant: entity tables keyed by their REST entity name, field lists (for the
// filter engine's unknown-field rule) and API users. Wire names are camelCase (autotask.md intro).
import { AutotaskRuleError, type Row } from './filter'

export const ENTITY_FIELDS = {
  Companies: [
    'id',
    'companyName',
    'companyNumber',
    'companyType',
    'isActive',
    'ownerResourceID',
    'parentCompanyID',
    'phone',
    'city',
    'createDate',
    'lastActivityDate'
  ],
  Contracts: [
    'id',
    'companyID',
    'contractName',
    'contractNumber',
    'contractType',
    'contractCategory',
    'contractPeriodType',
    'status',
    'startDate',
    'endDate',
    'isDefaultContract'
  ],
  Services: ['id', 'name', 'description', 'invoiceDescription', 'unitCost', 'unitPrice', 'periodType', 'isActive'],
  ContractServices: [
    'id',
    'contractID',
    'serviceID',
    'unitPrice',
    'unitCost',
    'invoiceDescription',
    'internalDescription'
  ],
  ContractServiceUnits: [
    'id',
    'contractID',
    'contractServiceID',
    'serviceID',
    'startDate',
    'endDate',
    'units',
    'price',
    'cost'
  ],
  ContractServiceAdjustments: [
    'id',
    'contractID',
    'contractServiceID',
    'serviceID',
    'unitChange',
    'effectiveDate',
    'adjustedUnitPrice',
    'adjustedUnitCost',
    'allowRepeatService'
  ],
  Tickets: [
    'id',
    'ticketNumber',
    'companyID',
    'title',
    'description',
    'status',
    'priority',
    'queueID',
    'issueType',
    'subIssueType',
    'source',
    'dueDateTime',
    'assignedResourceID',
    'assignedResourceRoleID',
    'contractID',
    'createDate',
    'lastActivityDate',
    'completedDate'
  ],
  TicketNotes: ['id', 'ticketID', 'title', 'description', 'noteType', 'publish', 'createDateTime', 'creatorResourceID'],
  Resources: [
    'id',
    'firstName',
    'lastName',
    'email',
    'userName',
    'isActive',
    'resourceType',
    'licenseType',
    'title',
    'defaultServiceDeskRoleID'
  ],
  ResourceServiceDeskRoles: ['id', 'resourceID', 'roleID', 'isDefault', 'isActive'],
  Roles: ['id', 'name', 'description', 'isActive', 'hourlyRate'],
  ConfigurationItems: [
    'id',
    'companyID',
    'referenceTitle',
    'serialNumber',
    'configurationItemType',
    'isActive',
    'productID',
    'createDate',
    'lastModifiedTime',
    'rmmDeviceAuditHostname',
    'rmmDeviceAuditMacAddress'
  ],
  Products: ['id', 'name', 'description', 'isActive', 'productCategory']
} as const satisfies Record<string, readonly string[]>

export type EntityName = keyof typeof ENTITY_FIELDS

/** String length limits reported by entityInformation/fields and enforced on create (sim choice; real values are per tenant version). */
export const FIELD_LENGTHS: Partial<Record<EntityName, Record<string, number>>> = {
  Tickets: { title: 255, description: 8000 },
  TicketNotes: { title: 250, description: 32000 },
  Companies: { companyName: 100 }
}

export function checkLength(entity: EntityName, field: string, value: string | undefined): void {
  const max = FIELD_LENGTHS[entity]?.[field]
  if (value !== undefined && max !== undefined && value.length > max)
    throw new AutotaskRuleError(`${field} exceeds the maximum length of ${max} characters.`)
}

export const ENTITY_NAMES = Object.keys(ENTITY_FIELDS) as EntityName[]

/** Case-insensitive entity lookup: URL segments are matched loosely by the real API (autotask.md §1.1). */
export function entityFromSegment(segment: string): EntityName | undefined {
  const lower = segment.toLowerCase()
  return ENTITY_NAMES.find((e) => e.toLowerCase() === lower)
}

export interface ApiUser {
  username: string
  secret: string
  integrationCode: string
  /** Entities this user may not query (403) and may not create/update (500 permission text, autotask.md §2.2). */
  denyRead: EntityName[]
  denyWrite: EntityName[]
}

export interface PicklistValue {
  value: string
  label: string
  isDefaultValue: boolean
  sortOrder: number
  parentValue: string
  isActive: boolean
  isSystem: boolean
}

export interface AutotaskState {
  zoneName: string
  ci: number
  apiUsers: ApiUser[]
  tables: Record<EntityName, Row[]>
  /** Ticket picklists by camelCase field name (autotask.md §7.10). */
  ticketPicklists: Record<string, PicklistValue[]>
  nextId: number
  /** Tenant setting "Require titles on ticket notes" (autotask.md §7.8). */
  requireNoteTitles: boolean
}

export function emptyTables(): Record<EntityName, Row[]> {
  return Object.fromEntries(ENTITY_NAMES.map((e) => [e, []])) as unknown as Record<EntityName, Row[]>
}

export function nextId(state: AutotaskState): number {
  state.nextId += 1
  return state.nextId
}

export function findById(state: AutotaskState, entity: EntityName, id: number): Row | undefined {
  return state.tables[entity].find((r) => r.id === id)
}

/** Every item on the wire carries `userDefinedFields: []` (autotask.md §9.3). */
export function toWire(row: Row, includeFields?: readonly string[]): Row {
  if (!includeFields || includeFields.length === 0) return { ...row, userDefinedFields: [] }
  const wanted = new Set(includeFields.map((f) => f.toLowerCase()))
  const out: Row = {}
  for (const [k, v] of Object.entries(row)) if (wanted.has(k.toLowerCase())) out[k] = v
  return { ...out, userDefinedFields: [] }
}
