import type { Handlers } from '../../shared/contract'
import type { BillingMappingRow, BillingView, RunSummary } from '../../shared/contract/billing'
import { OrgStatusSchema, type CustomersView, type OrgRow, type OrgStatus } from '../../shared/contract/customers'
import { kindLabel } from '../../shared/registry'
import { orgKey } from '../../shared/contract/org-ref'

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
  /** The quantity last written to the PSA, and when; null = never pushed. */
  lastPushed: { quantity: number | null; at: string } | null
}

/** Whether alerts of the org become tickets: on (mapped), through the catch-all customer, or off. */
export type TicketingState = 'on' | 'catch-all' | 'off'

export interface RunChange {
  orgName: string
  target: string
  oldQuantity: number | null
  newQuantity: number | null
  result: string
  message: string | null
}

/** What the report reads besides the two views (all optional: a report without them leaves the cells empty). */
export interface ReportExtras {
  ticketingEnabled?: boolean
  lastPushed?: ReadonlyMap<string, { quantity: number | null; at: string }>
  lastRun?: { run: Pick<RunSummary, 'startedAt' | 'status'>; changes: RunChange[] } | null
}

export interface MappingReportRow {
  /** "JumpCloud": the org's source (an org id is unique only within it). */
  source: string
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
  ticketing: TicketingState
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
  /** "JumpCloud, SaaS Alerts": where the organizations come from (the connected sources). */
  source: string
  rows: MappingReportRow[]
  /** Orgs with no customer yet (unmapped or only suggested). */
  unmapped: MappingReportRow[]
  /** Active PSA customers no organization is mapped to. */
  customersWithoutOrg: Array<{ id: string; name: string; type: string | null }>
  lastRun: { run: Pick<RunSummary, 'startedAt' | 'status'>; changes: RunChange[] } | null
}

export interface MappingReportContext {
  handlers: Pick<Handlers, 'getCustomersView' | 'getBillingView'>
  now: () => Date
  extras?: (billing: BillingView) => Promise<ReportExtras>
}

export async function buildMappingReport(ctx: MappingReportContext): Promise<MappingReport> {
  // Handlers return the schema's input type; both views have no transforms, so the shapes are the outputs.
  const customers = (await ctx.handlers.getCustomersView({})) as CustomersView
  const billing = (await ctx.handlers.getBillingView({})) as BillingView
  return assembleMappingReport(customers, billing, ctx.now(), await ctx.extras?.(billing))
}

/** Pure: the two views (and the extras) → the report (unit-testable without a core). */
export function assembleMappingReport(
  customers: CustomersView,
  billing: BillingView,
  now: Date,
  extras: ReportExtras = {}
): MappingReport {
  const byOrg = new Map<string, BillingMappingRow[]>()
  // Billing rows of another PSA cannot appear (both views read the active PSA), so (source, org id) is the key.
  for (const m of billing.mappings) byOrg.set(orgKey(m), [...(byOrg.get(orgKey(m)) ?? []), m])
  const counts = Object.fromEntries(OrgStatusSchema.options.map((s) => [s, 0])) as Record<OrgStatus, number>
  for (const o of customers.orgs) counts[o.status]++
  const rows = [...customers.orgs]
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) ||
        a.source.localeCompare(b.source) ||
        a.id.localeCompare(b.id)
    )
    .map((o) =>
      reportRow(
        o,
        byOrg.get(orgKey({ source: o.source, orgId: o.id })) ?? [],
        extras,
        ticketingOf(o, customers, extras)
      )
    )
  const mappedCustomers = new Set(customers.orgs.flatMap((o) => (o.customerId ? [o.customerId] : [])))
  return {
    generatedAt: now.toISOString(),
    psa: customers.psa,
    month: billing.month,
    timeZone: billing.settings.timeZone,
    counts,
    total: customers.orgs.length,
    refreshedAt: customers.refreshedAt,
    source: customers.sources.map((s) => kindLabel(s.source)).join(', '),
    rows,
    unmapped: rows.filter((r) => r.status === 'unmapped' || r.status === 'suggested'),
    customersWithoutOrg: customers.customers
      .filter((c) => c.active && !c.missing && c.mappedOrgs.length === 0 && !mappedCustomers.has(c.id))
      .map((c) => ({ id: c.id, name: c.name, type: c.type }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true })),
    lastRun: extras.lastRun ?? null
  }
}

function ticketingOf(o: OrgRow, customers: CustomersView, extras: ReportExtras): TicketingState {
  if (!extras.ticketingEnabled || o.status === 'ignored' || o.status === 'disabled') return 'off'
  if (o.status === 'mapped') return 'on'
  return customers.catchAll ? 'catch-all' : 'off'
}

function reportRow(
  o: OrgRow,
  billing: BillingMappingRow[],
  extras: ReportExtras,
  ticketing: TicketingState
): MappingReportRow {
  const notes: string[] = []
  if (o.suggestion)
    notes.push(
      `suggested: ${o.suggestion.customerName} (${Math.round(o.suggestion.score * 100)}%${o.suggestion.confident ? ', confident' : ''})`
    )
  if (o.missing) notes.push('not in the last refresh from the source')
  if (o.mappingBroken) notes.push('mapped customer no longer exists in the PSA')
  return {
    source: kindLabel(o.source),
    orgId: o.id,
    orgName: o.name,
    status: o.status,
    customerId: o.customerId,
    customerName: o.customerName,
    customerBroken: o.mappingBroken,
    notes,
    ticketing,
    billing: billing.map((m) => ({
      target: `${m.target.containerName} › ${m.target.itemName}`,
      metric: m.metric,
      nonBillable: m.nonBillable,
      hwm: m.hwm,
      enabled: m.enabled,
      lastSyncAt: m.lastSyncAt,
      lastSyncResult: m.lastSyncResult,
      lastPushed: extras.lastPushed?.get(m.mappingId) ?? null
    }))
  }
}
