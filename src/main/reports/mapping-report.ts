import type { Handlers } from '../../shared/contract'
import type { BillingMappingRow, BillingView } from '../../shared/contract/billing'
import { OrgStatusSchema, type CustomersView, type OrgRow, type OrgStatus } from '../../shared/contract/customers'

// The mapping report is built only from the two view models the screens already show (Customers and
// Billing), read through their handlers: no SQL of its own, and nothing a view model does not carry
// (so never a secret).

export interface ReportBillingLine {
  /** "Recurring invoice › Line item" (Syncro) / "Contract › Service" (Autotask). */
  target: string
  metric: BillingMappingRow['metric']
  nonBillable: number
  /** This month's HWM; null = no snapshot yet this month (unknown, never 0). */
  hwm: number | null
  enabled: boolean
  lastSyncAt: string | null
  lastSyncResult: string | null
}

export interface MappingReportRow {
  orgId: string
  orgName: string
  status: OrgStatus
  customerId: string | null
  customerName: string | null
  /** Mapped to a customer that no longer exists in the PSA. */
  customerBroken: boolean
  /** Suggestion, not in the last source refresh, …: short facts the admin should see. */
  notes: string[]
  /** Usually zero or one; an org may bill several targets. */
  billing: ReportBillingLine[]
}

export interface MappingReport {
  generatedAt: string
  psa: CustomersView['psa']
  /** Billing month of the HWM column (yyyy-MM) and the zone months and times are shown in. */
  month: string
  timeZone: string
  counts: Record<OrgStatus, number>
  total: number
  refreshedAt: CustomersView['refreshedAt']
  rows: MappingReportRow[]
}

export interface MappingReportContext {
  handlers: Pick<Handlers, 'getCustomersView' | 'getBillingView'>
  now: () => Date
}

export async function buildMappingReport(ctx: MappingReportContext): Promise<MappingReport> {
  // Handlers return the schema's input type; both views have no transforms, so the shapes are the outputs.
  const customers = (await ctx.handlers.getCustomersView({})) as CustomersView
  const billing = (await ctx.handlers.getBillingView({})) as BillingView
  return assembleMappingReport(customers, billing, ctx.now())
}

/** Pure: the two views → the report (unit-testable without a core). */
export function assembleMappingReport(customers: CustomersView, billing: BillingView, now: Date): MappingReport {
  const byOrg = new Map<string, BillingMappingRow[]>()
  // Billing rows of another PSA cannot appear (both views read the active PSA), so org id is the key.
  for (const m of billing.mappings) byOrg.set(m.orgId, [...(byOrg.get(m.orgId) ?? []), m])
  const counts = Object.fromEntries(OrgStatusSchema.options.map((s) => [s, 0])) as Record<OrgStatus, number>
  for (const o of customers.orgs) counts[o.status]++
  const rows = [...customers.orgs]
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id)
    )
    .map((o) => reportRow(o, byOrg.get(o.id) ?? []))
  return {
    generatedAt: now.toISOString(),
    psa: customers.psa,
    month: billing.month,
    timeZone: billing.settings.timeZone,
    counts,
    total: customers.orgs.length,
    refreshedAt: customers.refreshedAt,
    rows
  }
}

function reportRow(o: OrgRow, billing: BillingMappingRow[]): MappingReportRow {
  const notes: string[] = []
  if (o.suggestion)
    notes.push(
      `suggested: ${o.suggestion.customerName} (${Math.round(o.suggestion.score * 100)}%${o.suggestion.confident ? ', confident' : ''})`
    )
  if (o.missing) notes.push('not in the last refresh from the source')
  if (o.mappingBroken) notes.push('mapped customer no longer exists in the PSA')
  return {
    orgId: o.id,
    orgName: o.name,
    status: o.status,
    customerId: o.customerId,
    customerName: o.customerName,
    customerBroken: o.mappingBroken,
    notes,
    billing: billing.map((m) => ({
      target: `${m.target.containerName} › ${m.target.itemName}`,
      metric: m.metric,
      nonBillable: m.nonBillable,
      hwm: m.hwm,
      enabled: m.enabled,
      lastSyncAt: m.lastSyncAt,
      lastSyncResult: m.lastSyncResult
    }))
  }
}
