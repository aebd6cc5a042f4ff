import type { ReportFormat } from '../../shared/contract/reports'
import { kindLabel } from '../../shared/registry'
import type { AssetRow, AssetTab } from '../../shared/contract/assets'
import { renderSheet, type ReportBytes } from '../reports/export'
import type { ReportSheet } from '../reports/sheet'
import { formatTime, type ReportColumn } from '../reports/table'

// The assets report: every device and PSA-only asset with its match, through the same writers as the mapping report.

const COLUMNS: readonly ReportColumn[] = [
  { title: 'Customer', width: 28, pdf: 80 },
  { title: 'Status', width: 12, pdf: 40 },
  { title: 'Device', width: 24, pdf: 70 },
  { title: 'Source', width: 11, pdf: 40 },
  { title: 'Device serial', width: 18, pdf: 55 },
  { title: 'MAC addresses', width: 30, pdf: 70 },
  { title: 'Kind', width: 9, pdf: 32 },
  { title: 'Last contact', width: 19, pdf: 52 },
  { title: 'PSA asset', width: 24, pdf: 70 },
  { title: 'PSA asset ID', width: 12, pdf: 36 },
  { title: 'PSA serial', width: 18, pdf: 55 },
  { title: 'Matched by', width: 12, pdf: 38 },
  { title: 'Notes', width: 34, pdf: 82 }
]

const STATUS: Record<AssetTab, string> = {
  matched: 'matched',
  unmatched: 'unmatched',
  'psa-only': 'only in PSA',
  ignored: 'ignored'
}

function status(r: AssetRow): string {
  return r.tab === 'matched' && r.status === 'suggested' ? 'suggested' : STATUS[r.tab]
}

export function assetsSheet(
  rows: AssetRow[],
  meta: { psa: string; generatedAt: string; timeZone: string; scope: string }
): ReportSheet {
  const counts = { matched: 0, suggested: 0, unmatched: 0, 'only in PSA': 0, ignored: 0 } as Record<string, number>
  for (const r of rows) counts[status(r)] = (counts[status(r)] ?? 0) + 1
  const generated = formatTime(meta.generatedAt, meta.timeZone)
  const sorted = [...rows].sort(
    (a, b) =>
      (a.customerName ?? '').localeCompare(b.customerName ?? '') ||
      (a.hostname ?? a.assetName ?? '').localeCompare(b.hostname ?? b.assetName ?? '')
  )
  return {
    title: 'Assets',
    sheetName: 'Assets',
    columns: COLUMNS,
    lines: sorted.map((r) => [
      r.customerName ?? r.customerId,
      status(r),
      r.hostname ?? '',
      r.source ? kindLabel(r.source) : '',
      r.deviceSerial ?? '',
      r.macs.join(' '),
      r.kind ?? '',
      formatTime(r.lastContact, meta.timeZone),
      r.assetName ?? '',
      r.assetId ?? '',
      r.assetSerial ?? '',
      r.via ?? '',
      [r.reason, r.conflict, r.assetActive === false ? 'inactive in the PSA' : null].filter(Boolean).join('; ')
    ]),
    summary: [
      ['Report', 'Assets'],
      ['Generated at', generated],
      ['PSA', meta.psa],
      ['Customers', meta.scope],
      ['Matched', counts.matched ?? 0],
      ['Suggested', counts.suggested ?? 0],
      ['Unmatched', counts.unmatched ?? 0],
      ['Only in PSA', counts['only in PSA'] ?? 0],
      ['Ignored', counts.ignored ?? 0]
    ],
    generatedAt: meta.generatedAt,
    emptyText: 'No devices or PSA assets pulled yet.',
    caption: `PSA Bridge assets report, generated ${generated}`
  }
}

export function renderAssetsReport(sheet: ReportSheet, format: ReportFormat): Promise<ReportBytes> {
  return renderSheet(sheet, format, 'assets')
}
