import { DateTime } from 'luxon'
import { kindLabel } from '../../shared/registry'
import type { MappingReport, MappingReportRow, ReportBillingLine } from './mapping-report'

// The one tabular shape every writer (CSV, XLSX, PDF) renders, so the three formats can never disagree.

export type Cell = string | number

export interface ReportColumn {
  title: string
  /** XLSX column width in characters. */
  width: number
  /** Share of the PDF table width: short columns (status, metric) need relatively more room at 7 pt. */
  pdf: number
}

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { title: 'Organization', width: 30, pdf: 90 },
  { title: 'Organization ID', width: 26, pdf: 56 },
  { title: 'Status', width: 11, pdf: 42 },
  { title: 'Source', width: 11, pdf: 40 },
  { title: 'PSA customer', width: 30, pdf: 76 },
  { title: 'PSA customer ID', width: 16, pdf: 42 },
  { title: 'Billing target', width: 34, pdf: 86 },
  { title: 'Metric', width: 9, pdf: 34 },
  { title: 'Non-billable', width: 12, pdf: 36 },
  { title: 'HWM this month', width: 15, pdf: 36 },
  { title: 'Last pushed quantity', width: 12, pdf: 36 },
  { title: 'Last pushed', width: 19, pdf: 52 },
  { title: 'Last sync', width: 19, pdf: 52 },
  { title: 'Last sync result', width: 24, pdf: 60 },
  { title: 'Ticketing', width: 10, pdf: 40 },
  { title: 'Notes', width: 34, pdf: 76 }
]

export const UNKNOWN_HWM = 'unknown'
export const BROKEN_CUSTOMER = 'broken'

/** "2025-03-14 09:30 EDT" in the report's zone: busy admins read local time, the zone keeps it unambiguous. */
export function formatTime(iso: string | null, zone: string): string {
  if (!iso) return ''
  const t = DateTime.fromISO(iso, { zone })
  return t.isValid ? t.toFormat('yyyy-LL-dd HH:mm ZZZZ') : iso
}

/**
 * One line per organization; an org billing several targets gets one line per target (org columns
 * repeated) so every cell holds one value and the HWM column stays numeric.
 */
export function reportLines(report: MappingReport): Cell[][] {
  return report.rows.flatMap((row) =>
    row.billing.length === 0
      ? [line(row, null, report.timeZone)]
      : row.billing.map((b) => line(row, b, report.timeZone))
  )
}

function line(row: MappingReportRow, b: ReportBillingLine | null, zone: string): Cell[] {
  const customer = row.customerBroken
    ? `${row.customerName ? `${row.customerName} ` : ''}(${BROKEN_CUSTOMER})`
    : (row.customerName ?? '')
  const notes = b && !b.enabled ? [...row.notes, 'billing mapping disabled'] : row.notes
  return [
    row.orgName,
    row.orgId,
    row.status,
    row.source,
    customer,
    row.customerId ?? '',
    b?.target ?? '',
    b?.metric ?? '',
    b ? b.nonBillable : '',
    b ? (b.hwm ?? UNKNOWN_HWM) : '',
    b?.lastPushed?.quantity ?? '',
    formatTime(b?.lastPushed?.at ?? null, zone),
    formatTime(b?.lastSyncAt ?? null, zone),
    b?.lastSyncResult ?? '',
    row.ticketing,
    notes.join('; ')
  ]
}

/** The header block: label/value pairs shown above the table (PDF) or on the Summary sheet (XLSX). */
export function summaryLines(report: MappingReport): Array<[string, Cell]> {
  return [
    ['Report', 'Organization mappings'],
    ['Generated at', formatTime(report.generatedAt, report.timeZone)],
    ['PSA', report.psa ? kindLabel(report.psa) : 'not connected'],
    ['Billing month (HWM)', report.month],
    ['Time zone', report.timeZone],
    ['Organizations', report.total],
    ['Mapped', report.counts.mapped],
    ['Suggested', report.counts.suggested],
    ['Unmapped', report.counts.unmapped],
    ['Ignored', report.counts.ignored],
    ['Disabled', report.counts.disabled],
    ['Organizations refreshed', formatTime(report.refreshedAt.source, report.timeZone) || 'never'],
    ['PSA customers refreshed', formatTime(report.refreshedAt.psa, report.timeZone) || 'never']
  ]
}
