import { writeOutputFile } from './output-file'
import { Option, type Command } from 'commander'
import type { ReportFormat } from '../../shared/contract/reports'
import { REPORT_FORMATS } from '../../shared/contract/enum-values'
import type { CliContext, CommandModule } from './run'

// `psa-bridge report mappings --format csv|xlsx|pdf --out FILE [--force]`: the same exportMappingReport
// method the Customers screen's Export button calls, written to a file. The reports contract loads in the action, not at
// every command's start (issue 12).

export const reportCommands: CommandModule = (program: Command, cli: CliContext) => {
  const report = program.command('report').description('export reports')
  report
    .command('mappings')
    .description('every organization with its status, PSA customer, billing target, this month’s HWM and last sync')
    .addOption(new Option('--format <format>', 'file format').choices(REPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write the report')
    .option('--force', 'overwrite FILE if it exists')
    .action(async (o: { format: ReportFormat; out: string; force?: boolean }) => {
      const app = await cli.app()
      const env = await app.dispatch('exportMappingReport', { format: o.format })
      if (!env.ok) return cli.report(env, false, String)
      const { ReportFileSchema } = await import('../../shared/contract/reports')
      const file = ReportFileSchema.parse(env.value)
      if (!writeOutputFile(cli, o.out, Buffer.from(file.base64, 'base64'), !!o.force)) return
      cli.io.out(`Mapping report (${o.format.toUpperCase()}) written to ${o.out}`)
    })
}
