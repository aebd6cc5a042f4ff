import { z } from 'zod'
import { method } from './define'
import { REPORT_FORMATS } from './enum-values'

export const ReportFormatSchema = z.enum(REPORT_FORMATS)
export type ReportFormat = z.infer<typeof ReportFormatSchema>

/** Largest report file the core hands out (before base64); the handler refuses bigger ones with a clear error. */
export const MAX_REPORT_BYTES = 25 * 1024 * 1024

export const ReportFileSchema = z.object({
  fileName: z.string().min(1).max(200),
  mimeType: z.string().min(1).max(200),
  /** The file's bytes; base64 so the same reply crosses IPC, HTTP and the CLI unchanged. */
  base64: z.string().max(Math.ceil(MAX_REPORT_BYTES / 3) * 4)
})
export type ReportFile = z.infer<typeof ReportFileSchema>

export const reportsMethods = {
  exportMappingReport: method(
    'Mapping report (every organization: status, PSA customer, billing target, this month’s HWM, last sync) as CSV, XLSX or PDF',
    z.object({ format: ReportFormatSchema }),
    ReportFileSchema
  )
}
