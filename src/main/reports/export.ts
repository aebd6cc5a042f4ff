import type { ReportFormat } from '../../shared/contract/reports'
import type { MappingReport } from './mapping-report'
import { mappingSheet, type ReportSheet } from './sheet'

export interface ReportBytes {
  fileName: string
  mimeType: string
  bytes: Buffer
}

const MIME: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf'
}

/** A report in one format, named after its kind and the day it was generated: psa-bridge-mappings-2025-03-14.csv */
export async function renderSheet(sheet: ReportSheet, format: ReportFormat, name: string): Promise<ReportBytes> {
  // Each writer (exceljs, pdfkit: most of a cold start) is loaded only when its format is asked for.
  const bytes =
    format === 'csv'
      ? (await import('./csv')).writeCsv(sheet)
      : format === 'xlsx'
        ? await (await import('./xlsx')).writeXlsx(sheet)
        : await (await import('./pdf')).writePdf(sheet)
  return { fileName: `psa-bridge-${name}-${sheet.generatedAt.slice(0, 10)}.${format}`, mimeType: MIME[format], bytes }
}

export function renderMappingReport(report: MappingReport, format: ReportFormat): Promise<ReportBytes> {
  return renderSheet(mappingSheet(report), format, 'mappings')
}
