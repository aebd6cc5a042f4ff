import type { ReportFormat } from '../../shared/contract/reports'
import type { MappingReport } from './mapping-report'

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

/** The mapping report in one format, named after the day it was generated: psa-bridge-mappings-2025-03-14.csv */
export async function renderMappingReport(report: MappingReport, format: ReportFormat): Promise<ReportBytes> {
  // Each writer (exceljs, pdfkit: most of a cold start) is loaded only when its format is asked for.
  const bytes =
    format === 'csv'
      ? (await import('./csv')).writeCsv(report)
      : format === 'xlsx'
        ? await (await import('./xlsx')).writeXlsx(report)
        : await (await import('./pdf')).writePdf(report)
  return { fileName: `psa-bridge-mappings-${report.generatedAt.slice(0, 10)}.${format}`, mimeType: MIME[format], bytes }
}
