import { z } from 'zod'
import { method } from './define'
import { LEGACY_SOURCE, PsaKindSchema, SourceKindSchema } from '../registry'
import { OrgRefFields, OrgRefSchema } from './org-ref'
import { LearnedEquivalenceSchema } from './customers'
import { TicketingSettingsSchema } from './ticketing'
import { BillingSettingsPatchSchema, BillingSettingsSchema } from './billing-settings'

// The billing settings (schedule, sync-day billing of a source) live in their own module; re-exported here so the
// contract reads as one billing area.
export * from './billing-settings'

// Billing: HWM snapshots → billing mappings → plan → preview/push → runs. View models are shaped so the
// Billing and Activity screens can render them directly.

const Id = z.string().trim().min(1).max(200)
const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
export const MetricSchema = z.enum(['users', 'devices'])
/** `update`: the quantity stays, but its unit cost/price (or an uneven Autotask period) must be written. */
export const PlanActionSchema = z.enum(['unchanged', 'increase', 'decrease', 'update', 'held', 'blocked'])
/** What happened to a plan row: `planned` = preview only (nothing written). */
export const ItemResultSchema = z.enum(['written', 'unchanged', 'held', 'blocked', 'failed', 'planned'])
export const RunStatusSchema = z.enum(['running', 'ok', 'partial', 'failed', 'interrupted'])
export const RunTriggerSchema = z.enum(['manual', 'tray', 'schedule', 'catch-up', 'cli'])

export const TargetRefSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  itemId: z.string(),
  itemName: z.string()
})

export const BillingMappingRowSchema = z.object({
  mappingId: z.string(),
  source: SourceKindSchema,
  orgId: z.string(),
  orgName: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  target: TargetRefSchema,
  metric: MetricSchema,
  nonBillable: Count,
  unitCost: z.number().nullable(),
  unitPrice: z.number().nullable(),
  enabled: z.boolean(),
  /** This month's HWM of `metric`; null = no snapshot yet this month (unknown, never 0). */
  hwm: Count.nullable(),
  lastSyncAt: z.string().nullable(),
  /** 'written 12 → 14', 'unchanged', 'failed: …' */
  lastSyncResult: z.string().nullable(),
  /** Why a push would not touch this mapping (its org was unmapped or mapped to another customer); null = ok. */
  blocked: z.string().nullish()
})
export type BillingMappingRow = z.infer<typeof BillingMappingRowSchema>

export const RunCountsSchema = z.object({
  written: Count,
  unchanged: Count,
  held: Count,
  blocked: Count,
  failed: Count,
  /** Previews only: the rows a push would write (runs recorded before this field read 0). */
  planned: Count.default(0)
})
export type RunCounts = z.infer<typeof RunCountsSchema>

export const RunSummarySchema = z.object({
  runId: z.string(),
  trigger: z.string(),
  dryRun: z.boolean(),
  status: RunStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: RunCountsSchema,
  error: z.string().nullable()
})
export type RunSummary = z.infer<typeof RunSummarySchema>

export const PlanRowSchema = z.object({
  mappingId: z.string(),
  source: SourceKindSchema,
  orgId: z.string(),
  orgName: z.string().nullable(),
  target: TargetRefSchema,
  metric: MetricSchema,
  hwm: Count.nullable(),
  nonBillable: Count,
  /** PSA quantity read during this run; null = target gone (or not read because of an error). */
  current: Count.nullable(),
  newQuantity: Count.nullable(),
  delta: z.number().int().nullable(),
  action: PlanActionSchema,
  /** Machine-readable reason (billing/plan.ts PLAN_CODES, or 'error'). */
  code: z.string(),
  reason: z.string(),
  result: ItemResultSchema,
  error: z.string().nullable(),
  /** The PSA's unit cost before this run and the one written (null/absent = not synced for this row). */
  unitCost: z.object({ from: z.number().nullable(), to: z.number() }).nullish(),
  /** The same for the unit price (Syncro line retail, Autotask adjusted unit price). */
  unitPrice: z.object({ from: z.number().nullable(), to: z.number() }).nullish(),
  /** 'confirmed after a lost reply': the write's reply was lost, a re-read showed the PSA has the new value. */
  note: z.string().nullish()
})
export type PlanRow = z.infer<typeof PlanRowSchema>

export const SyncResultSchema = RunSummarySchema.extend({ month: z.string(), items: z.array(PlanRowSchema) })
export type SyncResult = z.infer<typeof SyncResultSchema>

export const RunItemSchema = z.object({
  mappingId: z.string().nullable(),
  source: SourceKindSchema,
  orgId: z.string(),
  orgName: z.string().nullable(),
  target: TargetRefSchema,
  oldQuantity: z.number().int().nullable(),
  newQuantity: z.number().int().nullable(),
  action: z.string(),
  result: z.string(),
  /** The error for failed rows, the reason for held/blocked ones. */
  message: z.string().nullable(),
  at: z.string()
})

export const BillingViewSchema = z.object({
  psa: PsaKindSchema.nullable(),
  month: z.string(),
  settings: BillingSettingsSchema,
  running: z.boolean(),
  lastRun: RunSummarySchema.nullable(),
  nextRunAt: z.string().nullable(),
  mappings: z.array(BillingMappingRowSchema),
  /** Synced orgs (mapped to a customer, not disabled) with no billing mapping yet. */
  orgsWithoutBilling: z.array(
    z.object({
      source: SourceKindSchema,
      orgId: z.string(),
      orgName: z.string(),
      customerId: z.string(),
      customerName: z.string().nullable()
    })
  )
})
export type BillingView = z.infer<typeof BillingViewSchema>

export const PsaServiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitCost: z.number().optional(),
  unitPrice: z.number().optional()
})
export const PsaContractSchema = z.object({ id: z.string(), name: z.string(), customerId: z.string() })

export const BillingContainerSchema = z.object({
  id: z.string(),
  name: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      quantity: Count,
      unitCost: z.number().nullable(),
      unitPrice: z.number().nullish(),
      mapped: z.boolean()
    })
  )
})

export const PrerequisiteProblemSchema = z.object({
  source: SourceKindSchema,
  orgId: z.string(),
  orgName: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  problem: z.enum(['no-container', 'no-item', 'error']),
  message: z.string(),
  /** What to do in the PSA. */
  fix: z.string()
})

/** Where a count came from: a background sample, a push's own count, or reconstructed from create/delete events. */
export const HwmOriginSchema = z.enum(['sample', 'push', 'event'])
export type HwmOrigin = z.infer<typeof HwmOriginSchema>

export const HwmHistorySchema = z.object({
  source: SourceKindSchema,
  orgId: z.string(),
  orgName: z.string().nullable(),
  timeZone: z.string(),
  /** Oldest first; null = no snapshot that month (unknown, not 0). */
  months: z.array(z.object({ month: z.string(), users: Count.nullable(), devices: Count.nullable() })),
  /** One point per day and metric of the current month: the day's peak, at the instant it was first reached. */
  currentMonth: z.object({
    month: z.string(),
    /** `origin` null: its raw sample is no longer kept (or came from elsewhere, e.g. an import). */
    points: z.array(
      z.object({ at: z.string(), metric: MetricSchema, count: Count, origin: HwmOriginSchema.nullable().default(null) })
    )
  })
})
export type HwmHistory = z.infer<typeof HwmHistorySchema>

/**
 * An org's source in a config file. Files of version 1 (before orgs carried their source) name none: their orgs
 * are the legacy source's (JumpCloud, the only source there was), so an old file still imports.
 */
const FileSource = SourceKindSchema.default(LEGACY_SOURCE)
/** An org listed by reference: `{source, orgId}`, or a bare id from a version-1 file. */
const FileOrgRef = z.union([OrgRefSchema, Id.transform((orgId) => ({ source: LEGACY_SOURCE, orgId }))])

/** Exported configuration: mappings and settings, never secrets. Version 2: every org carries its source. */
export const ConfigFileSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string(),
  psa: PsaKindSchema.nullable(),
  settings: BillingSettingsSchema,
  customerMappings: z.array(z.object({ source: FileSource, orgId: Id, customerId: Id })),
  billingMappings: z.array(
    z.object({
      source: FileSource,
      orgId: Id,
      customerId: Id,
      containerId: Id,
      containerName: z.string().max(500),
      itemId: Id,
      itemName: z.string().max(500),
      metric: MetricSchema,
      nonBillable: Count,
      unitCost: z.number().nonnegative().nullable(),
      /** Optional: files from before unit prices existed still import (no price). */
      unitPrice: z.number().nonnegative().max(1e9).nullable().default(null),
      enabled: z.boolean()
    })
  ),
  catchAll: Id.nullable(),
  ignoredOrgs: z.array(FileOrgRef),
  disabledOrgs: z.array(FileOrgRef),
  /** PSA customers left out of suggestions and pickers (optional: older files leave the flags alone). */
  ignoredCustomers: z.array(Id).max(100_000).optional(),
  /** Ticketing settings of the PSA (optional: files from before ticketing existed still import). */
  ticketing: TicketingSettingsSchema.optional(),
  /** Word equivalences learned from mappings (optional: older files still import, and leave the list alone). */
  learnedEquivalences: z.array(LearnedEquivalenceSchema).max(10_000).optional()
})
export type ConfigFile = z.infer<typeof ConfigFileSchema>

const Ok = z.object({ message: z.string() })
const RunInput = z.object({ trigger: RunTriggerSchema.default('manual') })

export const billingMethods = {
  getBillingView: method(
    'Billing mappings with this month’s HWM, last result, settings and last/next run',
    z.object({}),
    BillingViewSchema
  ),
  listBillingTargets: method(
    'Read the recurring invoices (Syncro) / Recurring Service contracts (Autotask) of an org’s customer live from the PSA',
    z.object(OrgRefFields),
    z.object({
      customerId: z.string(),
      customerName: z.string().nullable(),
      containers: z.array(BillingContainerSchema)
    })
  ),
  listPsaServices: method(
    'The PSA catalogue a Default Contract Service is picked from (Autotask Services, Syncro products), live',
    z.object({}),
    z.array(PsaServiceSchema)
  ),
  listOrgContracts: method(
    'The contracts of an org’s customer, live from the PSA (Autotask contracts, Syncro contracts), for tickets',
    z.object(OrgRefFields),
    z.object({ customerId: z.string(), contracts: z.array(PsaContractSchema) })
  ),
  saveBillingMapping: method(
    'Create or update the billing mapping of an org (target line item / contract service, metric, non-billable count)',
    z.object({
      mappingId: Id.optional(),
      ...OrgRefFields,
      containerId: Id,
      itemId: Id,
      metric: MetricSchema,
      nonBillable: Count.default(0),
      unitCost: z.number().nonnegative().max(1e9).nullable().default(null),
      unitPrice: z.number().nonnegative().max(1e9).nullable().default(null)
    }),
    BillingMappingRowSchema
  ),
  setBillingMappingEnabled: method(
    'Enable or disable one billing mapping (disabling needs confirm: true)',
    z.object({ mappingId: Id, enabled: z.boolean(), confirm: z.boolean().default(false) }),
    Ok
  ),
  deleteBillingMapping: method('Delete one billing mapping', z.object({ mappingId: Id }), Ok),
  checkBillingPrerequisites: method(
    'List synced customers with no recurring invoice/contract or no line item/service on it, with what to do in the PSA',
    z.object({}),
    z.object({ checked: Count, problems: z.array(PrerequisiteProblemSchema) })
  ),
  previewSync: method(
    'Read counts, compute the billing plan and show it; writes nothing to the PSA',
    RunInput,
    SyncResultSchema
  ),
  pushSync: method(
    'Read counts, compute the plan and write the changed quantities to the PSA',
    RunInput,
    SyncResultSchema
  ),
  approveDecrease: method(
    'Approve a held decrease of one mapping to exactly this quantity (this month)',
    z.object({ mappingId: Id, to: Count }),
    Ok
  ),
  getBillingSettings: method(
    'Billing settings (review decreases, allow zero, time zone, schedule)',
    z.object({}),
    BillingSettingsSchema
  ),
  saveBillingSettings: method(
    'Save billing settings (partial update: fields left out are kept)',
    BillingSettingsPatchSchema,
    BillingSettingsSchema
  ),
  listRuns: method(
    'Billing runs, newest first',
    z.object({ limit: z.number().int().min(1).max(500).default(50), includeDryRuns: z.boolean().default(false) }),
    z.array(RunSummarySchema)
  ),
  getRun: method(
    'One run with every item it touched',
    z.object({ runId: Id }),
    RunSummarySchema.extend({ items: z.array(RunItemSchema) })
  ),
  getHwmHistory: method(
    'Monthly HWM of an org (users and devices) and the daily points of the current month',
    z.object({ ...OrgRefFields, months: z.number().int().min(1).max(60).default(12) }),
    HwmHistorySchema
  ),
  exportConfig: method('All mappings and settings as versioned JSON (no secrets)', z.object({}), ConfigFileSchema),
  importConfig: method(
    'Replace mappings and settings from an exported file; validated first, written all-or-nothing',
    z.object({ config: z.unknown() }),
    z.object({ message: z.string(), customerMappings: Count, billingMappings: Count })
  )
}
