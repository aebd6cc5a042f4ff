import type { Handlers } from '../../shared/contract'
import { MAX_REPORT_BYTES } from '../../shared/contract/reports'
import { AppError } from '../../shared/errors'
import type { AppContext } from '../core/context'
import type { BillingView } from '../../shared/contract/billing'
import { lastPushedByMapping } from '../billing/pushed-store'
import { renderMappingReport } from './export'
import { buildMappingReport, type ReportExtras } from './mapping-report'
import { withProgress } from '../core/progress'

type ReportHandlers = Pick<Handlers, 'exportMappingReport'>
type ViewHandlers = Pick<Handlers, 'getCustomersView' | 'getBillingView' | 'getTicketingSettings' | 'getRun'>

/**
 * `views` returns the app's handlers: the report reads the Customers and Billing views through them
 * (lazily, since they are assembled in the same object literal as these).
 */
export function createReportHandlers(
  ctx: Pick<AppContext, 'now' | 'log' | 'db' | 'events'>,
  views: () => ViewHandlers
): ReportHandlers {
  const extras = async (billing: BillingView): Promise<ReportExtras> => {
    const h = views()
    const run = billing.lastRun ? await h.getRun({ runId: billing.lastRun.runId }) : null
    return {
      ticketingEnabled: (await h.getTicketingSettings({})).settings.enabled,
      lastPushed: lastPushedByMapping(ctx.db),
      lastRun: run && {
        run,
        changes: run.items
          .filter((i) => i.result !== 'unchanged')
          .map((i) => ({
            orgName: i.orgName ?? i.orgId,
            target: `${i.target.containerName} › ${i.target.itemName}`,
            oldQuantity: i.oldQuantity,
            newQuantity: i.newQuantity,
            result: i.result,
            message: i.message
          }))
      }
    }
  }
  return {
    async exportMappingReport({ format }) {
      const { report, file } = await withProgress(ctx.events, 'export', async (p) => {
        p.step('Collecting organizations, mappings and runs', 0, 2)
        const report = await buildMappingReport({ handlers: views(), now: ctx.now, extras })
        p.step(`Writing the ${format.toUpperCase()} file`, 1, 2)
        return { report, file: await renderMappingReport(report, format) }
      })
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
