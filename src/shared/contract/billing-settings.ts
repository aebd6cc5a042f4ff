import { z } from 'zod'
import { SourceKindSchema } from '../registry'
import { OrgIdSchema as Id } from './org-ref'

// Billing settings: how and when quantities are pushed, and the sync-day billing of a source (SaaS Alerts).

/** Schedule as the UI edits it; the core re-validates times and zones (scheduler/schedule.ts). */
export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), time: z.string(), zone: z.string() }),
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31), time: z.string(), zone: z.string() })
])

/**
 * Billing of a source whose metric is pushed on a day of the month (SaaS Alerts: billable users on the User Sync Day).
 * A Default Contract Service is required while it is on.
 */
const Money = z.number().nonnegative().max(1_000_000_000).nullable().default(null)

/**
 * One org's billing on its contract: the contract (Autotask Recurring Service contract / Syncro recurring invoice)
 * that bills its users, whether the Default Contract Service is added to it when it lacks it (once), and unit cost /
 * price overrides for that service (null = the catalogue's). "Add" without a contract: sourceBillingProblems.
 */
export const OrgContractBillingSchema = z.object({
  containerId: Id.nullable().default(null),
  containerName: z.string().max(500).default(''),
  addDefaultService: z.boolean().default(false),
  unitCost: Money,
  unitPrice: Money
})
export type OrgContractBilling = z.output<typeof OrgContractBillingSchema>

/** The User Sync Day: 1–28, or LAST_SYNC_DAY = the month's last day (29 and 30 are read as the month's last day when shorter). */
export const LAST_SYNC_DAY = 31

export const SourceBillingSchema = z.object({
  enabled: z.boolean().default(false),
  /** Day of the month (billing time zone); 31 = the month's last day in shorter months. */
  syncDay: z.number().int().min(1).max(31).default(1),
  /** Per org id of this source. */
  orgs: z.record(Id, OrgContractBillingSchema).default({}),
  /** The PSA service (Autotask) / product (Syncro) a contract of this source's orgs bills on. */
  defaultService: z
    .object({ id: Id, name: z.string().max(500) })
    .nullable()
    .default(null)
})
export type SourceBilling = z.output<typeof SourceBillingSchema>

/**
 * What a sync-day source's billing still needs before it can be saved (required-while-on rules), as the field and the
 * reason; empty = complete. The core refuses a save with any of these; the Billing screen shows them before it.
 */
export function sourceBillingProblems(
  label: string,
  s: SourceBilling,
  orgName: (orgId: string) => string = (id) => id
): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = []
  if (s.enabled && !s.defaultService)
    out.push({
      field: 'defaultService',
      message: `A Default Contract Service is required while ${label} billing is on.`
    })
  else if (!s.defaultService && Object.values(s.orgs).some((o) => o.addDefaultService))
    out.push({
      field: 'defaultService',
      message:
        'A Default Contract Service is required while "add the default contract service" is on for an organization.'
    })
  for (const [orgId, o] of Object.entries(s.orgs))
    if (o.addDefaultService && !o.containerId)
      out.push({
        field: `orgs.${orgId}.containerId`,
        message: `Pick the contract the default service is added to for ${orgName(orgId)}.`
      })
  return out
}

export const BillingSettingsSchema = z.object({
  /** Hold decreases until approved. */
  reviewDecreases: z.boolean().default(false),
  /** Allow pushing a quantity of 0 (otherwise blocked). */
  allowZero: z.boolean().default(false),
  /** Months are cut in this zone (HWM). */
  timeZone: z.string().default('America/New_York'),
  /**
   * Write each mapping's unit cost and unit price too (Autotask: on the adjustment; Syncro: the line's cost/retail),
   * when it set them.
   */
  syncUnitCost: z.boolean().default(true),
  scheduleEnabled: z.boolean().default(false),
  schedule: ScheduleSchema.default({ kind: 'daily', time: '12:00', zone: 'America/New_York' }),
  /** Per source kind whose billing is pushed on a sync day (registry: billing.pushed 'sync-day'). */
  sourceBilling: z.partialRecord(SourceKindSchema, SourceBillingSchema).default({})
})
export type BillingSettings = z.output<typeof BillingSettingsSchema>

/** A partial update: fields left out keep their saved value (no defaults here, or a save would reset them). */
export const BillingSettingsPatchSchema = z.object({
  reviewDecreases: z.boolean().optional(),
  allowZero: z.boolean().optional(),
  timeZone: z.string().optional(),
  syncUnitCost: z.boolean().optional(),
  scheduleEnabled: z.boolean().optional(),
  schedule: ScheduleSchema.optional(),
  sourceBilling: z.partialRecord(SourceKindSchema, SourceBillingSchema).optional()
})
