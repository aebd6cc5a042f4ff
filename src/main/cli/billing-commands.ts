import { InputFileError, readJsonFile } from './input-file'
import { writeOutputFile } from './output-file'
import type { Command } from 'commander'
import type { SyncResult } from '../../shared/contract/billing'
import { withCliProgress } from './progress-output'
import type { CliContext, CommandModule } from './run'
import { processAlertsAfterSync } from './ticketing-commands'

// `psa-bridge sync [--dry-run] [--json]` and `psa-bridge config export|import FILE`: thin doors onto the
// same contract methods the UI calls (previewSync/pushSync, exportConfig/importConfig).

function formatSync(r: SyncResult): string {
  const lines = [
    `${r.dryRun ? 'Plan' : 'Run'} ${r.runId} (${r.month}): ${r.status}`,
    `written ${r.counts.written}, unchanged ${r.counts.unchanged}, held ${r.counts.held}, blocked ${r.counts.blocked}, failed ${r.counts.failed}`
  ]
  if (r.error) lines.push(`error: ${r.error}`)
  for (const i of r.items) {
    const q = `${i.current ?? '?'} → ${i.newQuantity ?? '?'}`
    lines.push(
      `  ${(i.orgName ?? i.orgId).padEnd(32)} ${i.target.itemName.padEnd(24)} ${q.padEnd(12)} ${i.result.padEnd(9)} ${i.error ?? i.reason}`
    )
  }
  return lines.join('\n')
}

export const billingCommands: CommandModule = (program: Command, cli: CliContext) => {
  program
    .command('sync')
    .description('billing: read counts, plan and push changed quantities to the PSA (--dry-run: print the plan only)')
    .option('--dry-run', 'compute and print the plan; write nothing')
    .option('--json', 'machine-readable output')
    .action(async (o: { dryRun?: boolean; json?: boolean }) => {
      const app = await cli.app()
      const env = await withCliProgress(app, cli.io.progress, 'billingSync', () =>
        app.dispatch(o.dryRun ? 'previewSync' : 'pushSync', { trigger: 'cli' })
      )
      cli.report(env, !!o.json, (v) => formatSync(v as SyncResult))
      // A run that ended failed/partial is an operation failure for scripts, even though the call itself succeeded.
      if (env.ok && ['failed', 'partial'].includes((env.value as SyncResult).status))
        cli.fail(1, `Billing run ended ${(env.value as SyncResult).status}.`)
      if (!o.dryRun) await processAlertsAfterSync(app, cli.io, !!o.json)
    })

  const config = program
    .command('config')
    .description('export or import all mappings and settings (versioned JSON, no secrets)')
  config
    .command('export <file>')
    .description('write all mappings and settings to FILE')
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string, o: { force?: boolean }) => {
      const app = await cli.app()
      const env = await app.dispatch('exportConfig', {})
      if (!env.ok) return cli.report(env, false, String)
      if (!writeOutputFile(cli, file, `${JSON.stringify(env.value, null, 2)}\n`, !!o.force)) return
      cli.io.out(`Configuration written to ${file}`)
    })
  config
    .command('import <file>')
    .description('replace mappings and settings with those in FILE (validated first; all or nothing)')
    .action(async (file: string) => {
      let parsed: unknown
      try {
        parsed = readJsonFile(file)
      } catch (e) {
        if (!(e instanceof InputFileError)) throw e
        return cli.fail(2, `Error (validation): ${e.message}`)
      }
      const app = await cli.app()
      cli.report(
        await app.dispatch('importConfig', { config: parsed }),
        false,
        (v) => (v as { message: string }).message
      )
    })
}
