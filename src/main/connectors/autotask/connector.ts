// Autotask PSA connector: Companies = customers, Recurring Service contracts = billing containers,
// ContractServices (+ ContractServiceUnits) = billing items, Tickets/Notes, ConfigurationItems = assets.
import { z } from 'zod'
import { AppError, isAppError } from '../../../shared/errors'
import { createHttpClient, type HttpClient } from '../http'
import type {
  BillingContainer,
  BillingTargetRef,
  Choice,
  NewNote,
  NewTicket,
  PermissionReport,
  PsaAsset,
  PsaConnector,
  PsaCustomer,
  PsaIdentity,
  PsaTicketRef,
  PsaTicketState,
  QuantityChange,
  TicketMetadata
} from '../types'
import { isAutotaskRetryable, mapAutotaskError } from './errors'
import { chunk, entityKey, queryAll, type FilterNode, type QueryOptions } from './query'
import { adjustmentBody, checkChange } from './adjust'
import { readQuantities, writeQuantities } from './quantities'
import {
  CompanySchema,
  ConfigurationItemSchema,
  ContractSchema,
  ContractServiceSchema,
  ContractServiceUnitSchema,
  FieldsSchema,
  itemSchema,
  IdOnlySchema,
  ItemIdSchema,
  ResourceSchema,
  ServiceDeskRoleSchema,
  ServiceSchema,
  TicketSchema,
  type FieldInfo
} from './schemas'

export interface AutotaskConnectorOptions {
  username: string
  secret: string
  integrationCode: string
  /** Zone API base from discoverAutotaskZone (e.g. https://webservices2.autotask.net/ATServicesRest/). */
  zoneUrl: string
  /** Zone UI base (webUrl) for ticket links; optional. */
  webUrl?: string
  /** Zone name from discovery ("Pre Release"), shown by verify(); optional. */
  zoneName?: string
  /** Client-side cap; default 10,000 per rolling hour like the tenant threshold (§5.1). */
  rateLimit?: { limit: number; intervalMs: number }
  /** Parallel requests per entity endpoint; default 3 (§5.2). */
  threadLimit?: number
  timeoutMs?: number
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number }
  /** Clock for "current" billing period lookups (tests). */
  now?: () => Date
}

const COMPANY_CUSTOMER = 1
const COMPANY_PROSPECT = 3 // autotask.md §7.1
const CONTRACT_RECURRING = 7
const CONTRACT_ACTIVE = 1 // autotask.md §7.2
const STATUS_COMPLETE = '5' // autotask.md §7.7 (Datto "Query tickets Not Complete")
const COMPANY_TYPE_LABELS: Record<number, string> = { 1: 'Customer', 3: 'Prospect', 7: 'Vendor' }

function toInt(id: string, what: string): number {
  if (!/^\d+$/.test(id)) throw new AppError('validation', `Invalid Autotask ${what} id: ${id}`)
  return Number(id)
}

function choices(field: FieldInfo | undefined): Choice[] {
  return (field?.picklistValues ?? [])
    .filter((p) => p.isActive)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
    .map((p) => ({ value: p.value, label: p.label }))
}

function defaultChoice(field: FieldInfo | undefined): string | undefined {
  const active = (field?.picklistValues ?? []).filter((p) => p.isActive)
  return (active.find((p) => p.isDefaultValue) ?? active[0])?.value
}

/** Cuts `text` to the field's length, marking the cut, so Autotask does not refuse the whole write. */
export function clip(text: string, max: number | undefined): string {
  if (!max || text.length <= max) return text
  return `${text.slice(0, Math.max(0, max - 1))}…`
}

/** The ticket description: body plus the exactly-once marker, which must survive any clipping. */
export function withMarker(body: string, marker: string, max: number | undefined): string {
  if (body.includes(marker) && (!max || body.length <= max)) return body
  const suffix = `\n\n${marker}`
  return `${clip(body, max ? max - suffix.length : undefined)}${suffix}`
}

function coversAt(row: { startDate: string; endDate: string }, at: Date): boolean {
  const t = at.getTime()
  return Date.parse(row.startDate) <= t && t <= Date.parse(row.endDate)
}

export function createAutotaskConnector(opts: AutotaskConnectorOptions): PsaConnector {
  const zoneUrl = opts.zoneUrl.endsWith('/') ? opts.zoneUrl : `${opts.zoneUrl}/`
  const now = opts.now ?? (() => new Date())
  const http: HttpClient = createHttpClient({
    name: 'Autotask',
    baseURL: zoneUrl,
    timeoutMs: opts.timeoutMs,
    retry: opts.retry,
    headers: {
      ApiIntegrationCode: opts.integrationCode,
      UserName: opts.username,
      Secret: opts.secret,
      'Content-Type': 'application/json'
    },
    rateLimit: opts.rateLimit ?? { limit: 10_000, intervalMs: 3_600_000 },
    // thread limit is per (integration code, entity endpoint) (§5.2)
    concurrency: { max: opts.threadLimit ?? 3, key: (req) => entityKey(req.url) },
    mapError: (ctx) => mapAutotaskError(ctx, opts.username),
    isRetryable: isAutotaskRetryable
  })

  const query = <S extends z.ZodType>(entity: string, filter: FilterNode[], schema: S, q?: QueryOptions) =>
    queryAll(http, entity, filter, schema, q)

  async function get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S> | null> {
    try {
      const res = await http.request({ method: 'GET', url: `V1.0/${path}`, schema: itemSchema(schema) })
      return (res.data as { item: z.infer<S> | null }).item
    } catch (e) {
      // a missing id is 404 on some entities and 200 {"item":null} on others (§3.2)
      if (isAppError(e) && e.code === 'not-found') return null
      throw e
    }
  }

  async function create(path: string, data: Record<string, unknown>): Promise<number> {
    const res = await http.request({ method: 'POST', url: `V1.0/${path}`, data, schema: ItemIdSchema })
    return res.data.itemId
  }

  // Field metadata (picklists, string lengths) changes only when an admin edits Autotask: read once per connector.
  const fieldsCache = new Map<string, Promise<FieldInfo[]>>()
  function fieldsOf(entity: 'Tickets' | 'TicketNotes'): Promise<FieldInfo[]> {
    let p = fieldsCache.get(entity)
    if (!p) {
      p = http
        .request({ method: 'GET', url: `V1.0/${entity}/entityInformation/fields`, schema: FieldsSchema })
        .then((r) => r.data.fields)
      p.catch(() => fieldsCache.delete(entity))
      fieldsCache.set(entity, p)
    }
    return p
  }
  const ticketFields = () => fieldsOf('Tickets')
  const field = (fields: FieldInfo[], name: string) => fields.find((f) => f.name.toLowerCase() === name.toLowerCase())
  const maxLength = (fields: FieldInfo[], name: string) => field(fields, name)?.length || undefined
  // Retired (inactive) statuses included: old tickets may still sit in one.
  const closedStatuses = (fields: FieldInfo[]) =>
    (field(fields, 'status')?.picklistValues ?? [])
      .filter((s) => s.value === STATUS_COMPLETE || /^complete/i.test(s.label))
      .map((s) => s.value)

  async function unitsAt(contractServiceId: number, at: Date) {
    const rows = await query(
      'ContractServiceUnits',
      [{ op: 'eq', field: 'contractServiceID', value: contractServiceId }],
      ContractServiceUnitSchema
    )
    return rows.find((r) => coversAt(r, at))
  }

  async function contractService(target: BillingTargetRef) {
    const cs = await get(`ContractServices/${toInt(target.itemId, 'contract service')}`, ContractServiceSchema)
    if (!cs || String(cs.contractID) !== target.containerId)
      throw new AppError(
        'not-found',
        `Autotask contract ${target.containerId} has no service ${target.itemId} any more.`,
        {
          hint: 'Re-select the billing target: the contract service was removed or moved in Autotask.'
        }
      )
    return cs
  }

  async function roleFor(resourceId: number): Promise<number> {
    const roles = await query(
      'ResourceServiceDeskRoles',
      [
        { op: 'eq', field: 'resourceID', value: resourceId },
        { op: 'eq', field: 'isActive', value: true }
      ],
      ServiceDeskRoleSchema
    )
    const role = roles.find((r) => r.isDefault) ?? roles[0]
    if (!role)
      throw new AppError(
        'validation',
        `Autotask resource ${resourceId} has no active service desk role, so tickets cannot be assigned to them.`,
        {
          hint: 'Pick another technician, or give this resource a service desk role in Autotask (Admin → Resources → Service Desk).'
        }
      )
    return role.roleID
  }

  const connector: PsaConnector = {
    kind: 'autotask',

    async verify(): Promise<PsaIdentity> {
      // Company 0 is the MSP's own company (§7.1): one cheap authenticated call that proves all three headers
      const own = await get('Companies/0', CompanySchema)
      const where = opts.zoneName ? `zone ${opts.zoneName}` : new URL(zoneUrl).host
      return { displayName: `Autotask ${where}${own ? ` (${own.companyName})` : ''}` }
    },

    async probePermissions(): Promise<PermissionReport[]> {
      const probe = async (
        operation: PermissionReport['operation'],
        run: () => Promise<unknown>
      ): Promise<PermissionReport> => {
        try {
          await run()
          return { operation, allowed: true }
        } catch (e) {
          if (isAppError(e) && e.code === 'permission') return { operation, allowed: false, detail: e.message }
          throw e
        }
      }
      const one = { maxRecords: 1, limit: 1 }
      const all: FilterNode[] = [{ op: 'gte', field: 'id', value: 0 }]
      const reads = await Promise.all([
        probe('listCustomers', () => query('Companies', all, CompanySchema, one)),
        probe('listBillingTargets', async () => {
          await query('Contracts', all, ContractSchema, one)
          await query('ContractServiceUnits', all, ContractServiceUnitSchema, one)
        }),
        probe('readTicketMetadata', () => ticketFields()),
        probe('listAssets', () => query('ConfigurationItems', all, ConfigurationItemSchema, one))
      ])
      // Writes can only be proven by writing; we do not create test records in a live PSA.
      const writes = (['createCustomer', 'setQuantity', 'createTicket', 'addTicketNote'] as const).map(
        (operation): PermissionReport => ({
          operation,
          allowed: 'unknown',
          detail: 'Autotask only tells on the first real write.'
        })
      )
      return [...reads, ...writes]
    },

    async listCustomers(o = {}): Promise<PsaCustomer[]> {
      const types = o.includeProspects ? [COMPANY_CUSTOMER, COMPANY_PROSPECT] : [COMPANY_CUSTOMER]
      const filter: FilterNode[] = [
        { op: 'gt', field: 'id', value: 0 }, // not the MSP's own company
        { op: 'in', field: 'companyType', value: types }
      ]
      if (!o.includeInactive) filter.push({ op: 'eq', field: 'isActive', value: true })
      const rows = await query('Companies', filter, CompanySchema)
      return rows.map((c) => ({
        id: String(c.id),
        name: c.companyName,
        type: c.companyType == null ? undefined : (COMPANY_TYPE_LABELS[c.companyType] ?? String(c.companyType)),
        active: c.isActive
      }))
    },

    async createCustomer(input): Promise<PsaCustomer> {
      const name = input.name.trim()
      if (!name) throw new AppError('validation', 'A company name is required.', { field: 'name' })
      // A lost reply plus a retry must not leave two companies: refuse an exact (case-insensitive) twin.
      const twins = await query('Companies', [{ op: 'eq', field: 'companyName', value: name }], CompanySchema)
      const twin = twins[0]
      if (twin)
        throw new AppError('conflict', `Autotask already has a company named "${twin.companyName}" (id ${twin.id}).`, {
          hint: 'Map the organization to that company instead of creating a new one.'
        })
      const id = await create('Companies', { companyName: name, companyType: COMPANY_CUSTOMER })
      return { id: String(id), name, type: COMPANY_TYPE_LABELS[COMPANY_CUSTOMER], active: true }
    },

    async listBillingTargets(customerId): Promise<BillingContainer[]> {
      const companyId = toInt(customerId, 'company')
      const contracts = await query(
        'Contracts',
        [
          { op: 'eq', field: 'companyID', value: companyId },
          { op: 'eq', field: 'contractType', value: CONTRACT_RECURRING },
          { op: 'eq', field: 'status', value: CONTRACT_ACTIVE }
        ],
        ContractSchema
      )
      if (contracts.length === 0) return []
      const services = (
        await Promise.all(
          chunk(contracts.map((c) => c.id)).map((ids) =>
            query('ContractServices', [{ op: 'in', field: 'contractID', value: ids }], ContractServiceSchema)
          )
        )
      ).flat()
      const at = now()
      const [catalogue, units] = await Promise.all([
        services.length
          ? Promise.all(
              chunk([...new Set(services.map((s) => s.serviceID))]).map((ids) =>
                query('Services', [{ op: 'in', field: 'id', value: ids }], ServiceSchema)
              )
            ).then((x) => x.flat())
          : Promise.resolve([]),
        services.length
          ? Promise.all(
              chunk(services.map((s) => s.id)).map((ids) =>
                query(
                  'ContractServiceUnits',
                  [
                    { op: 'in', field: 'contractServiceID', value: ids },
                    { op: 'lte', field: 'startDate', value: at.toISOString() },
                    { op: 'gte', field: 'endDate', value: at.toISOString() }
                  ],
                  ContractServiceUnitSchema
                )
              )
            ).then((x) => x.flat())
          : Promise.resolve([])
      ])
      const names = new Map(catalogue.map((s) => [s.id, s.name]))
      return contracts.map((c) => ({
        id: String(c.id),
        name: c.contractName,
        customerId: String(c.companyID),
        items: services
          .filter((s) => s.contractID === c.id)
          .map((s) => ({
            id: String(s.id),
            name: names.get(s.serviceID) ?? s.invoiceDescription ?? `Service ${s.serviceID}`,
            quantity: units.find((u) => u.contractServiceID === s.id && coversAt(u, at))?.units ?? 0,
            unitCost: s.unitCost ?? undefined,
            unitPrice: s.unitPrice ?? undefined
          }))
      }))
    },

    getQuantities: (targets) => readQuantities(query, targets, now()),

    async getQuantity(target) {
      const cs = await contractService(target)
      const row = await unitsAt(cs.id, now())
      return { quantity: row?.units ?? 0, unitCost: row?.cost ?? cs.unitCost ?? undefined }
    },

    async setQuantity(target, change: QuantityChange): Promise<void> {
      checkChange(change)
      const cs = await contractService(target)
      // Read-before-write at the adjustment's effective date: the delta is only right if nobody changed it.
      const body = adjustmentBody(cs, (await unitsAt(cs.id, change.effectiveDate))?.units ?? 0, change)
      // create-only entity, created through the parent contract (§7.6)
      if (body) await create(`Contracts/${cs.contractID}/ServiceAdjustments`, body)
    },

    setQuantities: (writes) => writeQuantities({ query, create }, writes),

    async getTicketMetadata(): Promise<TicketMetadata> {
      // Asked for explicitly ("Refresh" in Ticketing): re-read the picklists; ticket writes keep using the cache.
      fieldsCache.delete('Tickets')
      const fields = await ticketFields()
      const statuses = choices(field(fields, 'status'))
      const resources = await query('Resources', [{ op: 'eq', field: 'isActive', value: true }], ResourceSchema)
      const roles = resources.length
        ? (
            await Promise.all(
              chunk(resources.map((r) => r.id)).map((ids) =>
                query(
                  'ResourceServiceDeskRoles',
                  [
                    { op: 'in', field: 'resourceID', value: ids },
                    { op: 'eq', field: 'isActive', value: true }
                  ],
                  ServiceDeskRoleSchema
                )
              )
            )
          ).flat()
        : []
      const withRole = new Set(roles.map((r) => r.resourceID))
      return {
        statuses,
        priorities: choices(field(fields, 'priority')),
        issueTypes: choices(field(fields, 'issueType')),
        subIssueTypes: (field(fields, 'subIssueType')?.picklistValues ?? [])
          .filter((p) => p.isActive)
          .map((p) => ({ value: p.value, label: p.label, parent: p.parentValue ?? '' })),
        queues: choices(field(fields, 'queueID')),
        sources: choices(field(fields, 'source')),
        // API-only users and resources without a service-desk role cannot be assigned (§7.7, §7.9)
        technicians: resources
          .filter((r) => withRole.has(r.id))
          .map((r) => ({
            value: String(r.id),
            label: [r.firstName, r.lastName].filter(Boolean).join(' ') || `Resource ${r.id}`
          })),
        closedStatuses: closedStatuses(fields)
      }
    },

    async createTicket(input: NewTicket): Promise<PsaTicketRef> {
      const num = (v: string | undefined, what: string) => (v === undefined || v === '' ? undefined : toInt(v, what))
      const fields = await ticketFields()
      const status = num(input.status, 'status') ?? num(defaultChoice(field(fields, 'status')), 'status')
      const priority = num(input.priority, 'priority') ?? num(defaultChoice(field(fields, 'priority')), 'priority')
      const queueID = num(input.queue, 'queue')
      const resourceId = num(input.technicianId, 'technician')
      if (queueID === undefined && resourceId === undefined)
        throw new AppError('validation', 'Autotask needs a queue or a technician for a new ticket.', {
          hint: 'Choose a default queue in the ticketing settings.',
          field: 'queue'
        })
      const body: Record<string, unknown> = {
        companyID: toInt(input.customerId, 'company'),
        title: clip(input.subject, maxLength(fields, 'title')),
        description: withMarker(input.body, input.marker, maxLength(fields, 'description')),
        status,
        priority,
        queueID,
        issueType: num(input.issueType, 'issue type'),
        subIssueType: num(input.subIssueType, 'sub-issue type'),
        source: num(input.source, 'source'),
        dueDateTime: input.dueDate?.toISOString()
      }
      // both or neither (§7.7)
      if (resourceId !== undefined)
        Object.assign(body, { assignedResourceID: resourceId, assignedResourceRoleID: await roleFor(resourceId) })
      const id = await create('Tickets', Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)))
      const ticket = await get(`Tickets/${id}`, TicketSchema)
      return {
        id: String(id),
        number: ticket?.ticketNumber ?? undefined,
        url: opts.webUrl ? new URL(`Mvc/ServiceDesk/TicketDetail.mvc?ticketId=${id}`, opts.webUrl).href : undefined
      }
    },

    async addTicketNote(ticketId: string, note: NewNote): Promise<{ id: string }> {
      const id = toInt(ticketId, 'ticket')
      // publish 1 = "All Autotask Users", 2 = internal only (§7.8, UNCONFIRMED numbering); noteType 1 = task summary
      const fields = await fieldsOf('TicketNotes')
      const itemId = await create(`Tickets/${id}/Notes`, {
        ticketID: id,
        title: clip(note.title, maxLength(fields, 'title')),
        description: clip(note.body, maxLength(fields, 'description')),
        noteType: 1,
        publish: note.internal ? 2 : 1
      })
      return { id: String(itemId) }
    },

    async getTicket(ticketId: string): Promise<PsaTicketState | null> {
      const t = await get(`Tickets/${toInt(ticketId, 'ticket')}`, TicketSchema)
      if (!t) return null
      const status = String(t.status)
      // The same closed set as the metadata: a note on a tenant's "Complete - Billed" ticket is read by nobody.
      return { id: String(t.id), status, open: !closedStatuses(await ticketFields()).includes(status) }
    },

    async findTicketByMarker(customerId: string, marker: string): Promise<PsaTicketRef | null> {
      const rows = await query(
        'Tickets',
        [
          { op: 'eq', field: 'companyID', value: toInt(customerId, 'company') },
          { op: 'contains', field: 'description', value: marker }
        ],
        TicketSchema
      )
      const t = rows[0]
      return t ? { id: String(t.id), number: t.ticketNumber ?? undefined } : null
    },

    async hasNoteWithMarker(ticketId: string, marker: string): Promise<boolean> {
      // TicketNotes can be queried at the root even though they are created through the ticket (§7.8).
      const rows = await query(
        'TicketNotes',
        [
          { op: 'eq', field: 'ticketID', value: toInt(ticketId, 'ticket') },
          { op: 'contains', field: 'description', value: marker }
        ],
        IdOnlySchema,
        { limit: 1 }
      )
      return rows.length > 0
    },

    async listAssets(customerId: string): Promise<PsaAsset[]> {
      const rows = await query(
        'ConfigurationItems',
        [
          { op: 'eq', field: 'companyID', value: toInt(customerId, 'company') },
          { op: 'eq', field: 'isActive', value: true }
        ],
        ConfigurationItemSchema
      )
      return rows.map((r) => ({
        id: String(r.id),
        customerId: String(r.companyID),
        name: r.referenceTitle ?? `Configuration item ${r.id}`,
        serial: r.serialNumber ?? undefined,
        type: r.configurationItemType == null ? undefined : String(r.configurationItemType)
      }))
    }
  }
  return connector
}
