import type { MappingReport } from './mapping-report'
import { mappingSections } from './sections'
import { REPORT_COLUMNS, reportLines, summaryLines, type Cell, type ReportColumn } from './table'

/** One report as the writers see it: any table (mappings, assets) renders the same way in CSV, XLSX and PDF. */
export interface ReportSheet {
  /** PDF title and workbook sheet name. */
  title: string
  sheetName: string
  columns: readonly ReportColumn[]
  lines: Cell[][]
  /** Label/value pairs: the Summary sheet and the PDF header block (the first pair is the report's name). */
  summary: Array<[string, Cell]>
  generatedAt: string
  /** PDF text when there are no lines. */
  emptyText: string
  /** PDF footer caption. */
  caption: string
  /** Further tables after the main one (own sheet in XLSX, own block in CSV and PDF). */
  sections?: ReportSection[]
}

export interface ReportSection {
  title: string
  /** XLSX sheet name (≤ 31 characters). */
  sheetName: string
  columns: readonly ReportColumn[]
  lines: Cell[][]
  emptyText: string
}

export function mappingSheet(report: MappingReport): ReportSheet {
  const summary = summaryLines(report)
  return {
    title: 'Organization mappings',
    sheetName: 'Mappings',
    columns: REPORT_COLUMNS,
    lines: reportLines(report),
    summary,
    generatedAt: report.generatedAt,
    emptyText: 'No organizations yet.',
    caption: `PSA Bridge mapping report, generated ${summary[1]![1]}`,
    sections: mappingSections(report)
  }
}

export function asSheet(x: MappingReport | ReportSheet): ReportSheet {
  return 'lines' in x ? x : mappingSheet(x)
}
