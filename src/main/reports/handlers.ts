import type { Handlers } from '../../shared/contract'
import { MAX_REPORT_BYTES } from '../../shared/contract/reports'
import { AppError } from '../../shared/errors'
import type { AppContext } from '../core/context'
import { renderMappingReport } from './export'
import { buildMappingReport } from './mapping-report'

type ReportHandlers = Pick<Handlers, 'exportMappingReport'>
type ViewHandlers = Pick<Handlers, 'getCustomersView' | 'getBillingView'>

/**
 * `views` returns the app's handlers: the report reads the Customers and Billing views through them
 * (lazily, since they are assembled in the same object literal as these).
 */
export function createReportHandlers(ctx: Pick<AppContext, 'now' | 'log'>, views: () => ViewHandlers): ReportHandlers {
  return {
    async exportMappingReport({ format }) {
      const report = await buildMappingReport({ handlers: views(), now: ctx.now })
      const file = await renderMappingReport(report, format)
      if (file.bytes.length > MAX_REPORT_BYTES) {
        throw new AppError(
          'validation',
          `The ${format.toUpperCase()} report would be ${Math.ceil(file.bytes.length / 1024 / 1024)} MB, over the ${MAX_REPORT_BYTES / 1024 / 1024} MB limit.`,
          {
            field: 'format',
            hint:
              format === 'pdf'
                ? 'Export CSV or Excel instead: they are much smaller.'
                : 'Ignore or disable organizations you do not need, then export again.'
          }
        )
      }
      ctx.log.info('mapping report exported', { format, orgs: report.total, bytes: file.bytes.length })
      return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') }
    }
  }
}
