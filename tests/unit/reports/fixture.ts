import type { BillingMappingRow, BillingView } from '../../../src/shared/contract/billing'
import type { CustomersView, OrgRow } from '../../../src/shared/contract/customers'
import { assembleMappingReport, type MappingReport } from '../../../src/main/reports/mapping-report'

// Small builders for the two view models the report reads; each test states only what it cares about.

export function org(id: string, name: string, over: Partial<OrgRow> = {}): OrgRow {
  return {
    source: 'jumpcloud',
    id,
    name,
    status: 'unmapped',
    customerId: null,
    customerName: null,
    mappingBroken: false,
    missing: false,
    suggestion: null,
    ...over
  }
}

export function billingRow(orgId: string, over: Partial<BillingMappingRow> = {}): BillingMappingRow {
  return {
    mappingId: `m-${orgId}`,
    source: 'jumpcloud',
    orgId,
    orgName: null,
    customerId: 'c1',
    customerName: null,
    target: { containerId: 'inv1', containerName: 'Monthly invoice', itemId: 'li1', itemName: 'User seats' },
    metric: 'users',
    nonBillable: 0,
    unitCost: null,
    unitPrice: null,
    enabled: true,
    hwm: null,
    lastSyncAt: null,
    lastSyncResult: null,
    ...over
  }
}

export function customersView(orgs: OrgRow[], over: Partial<CustomersView> = {}): CustomersView {
  return {
    psa: 'syncro',
    sources: [{ source: 'jumpcloud', refreshedAt: null }],
    orgs,
    customers: [],
    catchAll: null,
    refreshedAt: { source: null, psa: null },
    ...over
  }
}

export function billingView(mappings: BillingMappingRow[], timeZone = 'UTC'): BillingView {
  return {
    psa: 'syncro',
    month: '2025-03',
    settings: {
      reviewDecreases: false,
      allowZero: false,
      timeZone,
      syncUnitCost: false,
      scheduleEnabled: false,
      sourceBilling: {},
      schedule: { kind: 'daily', time: '12:00', zone: timeZone }
    },
    running: false,
    lastRun: null,
    nextRunAt: null,
    mappings,
    orgsWithoutBilling: []
  }
}

export const NOW = new Date('2025-03-14T15:00:00Z')

export function reportOf(orgs: OrgRow[], mappings: BillingMappingRow[] = [], timeZone = 'UTC'): MappingReport {
  return assembleMappingReport(customersView(orgs), billingView(mappings, timeZone), NOW)
}

/** Names that break naive writers: separators, quotes, line breaks, non-Latin scripts, formula starts. */
export const HOSTILE_NAMES = [
  'Smith, Jones & Partners',
  'The "Best" Dental',
  'Line one\nline two',
  'Zürich Ärzte — Straße 東京 🚀',
  '=HYPERLINK("http://evil","click")',
  '+1 Plumbing',
  '-minus Corp',
  '@home LLC',
  '\tTabbed Inc',
  '\rCarriage Ltd'
]
