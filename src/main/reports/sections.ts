import type { MappingReport } from './mapping-report'
import type { ReportSection } from './sheet'
import { formatTime, type ReportColumn } from './table'

// The mapping report's further tables: who still needs a customer, which customers have no org, and what the
// last billing run changed.

const col = (title: string, width: number, pdf: number): ReportColumn => ({ title, width, pdf })

export function mappingSections(r: MappingReport): ReportSection[] {
  return [
    {
      title: 'Organizations without a PSA customer',
      sheetName: 'Unmapped organizations',
      columns: [
        col('Organization', 34, 140),
        col('Organization ID', 26, 90),
        col('Status', 11, 50),
        col('Suggestion', 40, 200)
      ],
      lines: r.unmapped.map((o) => [o.orgName, o.orgId, o.status, o.notes.join('; ')]),
      emptyText: 'Every organization has a customer, or is ignored or disabled.'
    },
    {
      title: 'PSA customers with no organization',
      sheetName: 'Customers without org',
      columns: [col('PSA customer', 40, 200), col('PSA customer ID', 18, 90), col('Type', 20, 90)],
      lines: r.customersWithoutOrg.map((c) => [c.name, c.id, c.type ?? '']),
      emptyText: 'Every active PSA customer has an organization.'
    },
    {
      title: r.lastRun
        ? `Last billing run: ${formatTime(r.lastRun.run.startedAt, r.timeZone)}, ${r.lastRun.run.status}`
        : 'Last billing run',
      sheetName: 'Last run changes',
      columns: [
        col('Organization', 30, 120),
        col('Billing target', 34, 140),
        col('Old quantity', 12, 50),
        col('New quantity', 12, 50),
        col('Result', 12, 50),
        col('Message', 40, 160)
      ],
      lines: (r.lastRun?.changes ?? []).map((c) => [
        c.orgName,
        c.target,
        c.oldQuantity ?? '',
        c.newQuantity ?? '',
        c.result,
        c.message ?? ''
      ]),
      emptyText: r.lastRun ? 'The last run changed nothing.' : 'No billing run yet.'
    }
  ]
}
