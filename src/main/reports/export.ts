import type { ReportFormat } from '../../shared/contract/reports'
import { writeCsv } from './csv'
import type { MappingReport } from './mapping-report'
import { writePdf } from './pdf'
import { writeXlsx } from './xlsx'

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
  const bytes =
    format === 'csv' ? writeCsv(report) : format === 'xlsx' ? await writeXlsx(report) : await writePdf(report)
  return { fileName: `psa-bridge-mappings-${report.generatedAt.slice(0, 10)}.${format}`, mimeType: MIME[format], bytes }
}
