import type { Command } from 'commander'
import type { AssetsView } from '../../shared/contract/assets'
import { kindLabel } from '../../shared/registry'
import { withCliProgress } from './progress-output'
import type { CliContext, CommandModule } from './run'

// `psa-bridge assets [--customer ID] [--json]`: devices and PSA assets with their match;
// `psa-bridge assets pull [--customer ID] [--full] [--json]`: read them from the source and the PSA.

export function formatAssets(v: AssetsView): string {
  const c = v.counts
  const lines = [
    `matched ${c.matched}, unmatched ${c.unmatched}, only in PSA ${c['psa-only']}, ignored ${c.ignored}` +
      (v.pulledAt ? ` (pulled ${v.pulledAt})` : ' (never pulled: run `psa-bridge assets pull`)')
  ]
  for (const r of v.rows) {
    const device = r.hostname && r.source ? `${r.hostname} (${kindLabel(r.source)})` : (r.hostname ?? '-')
    const asset = r.assetName ? `${r.assetName} (${r.assetId})` : '-'
    const why = r.reason ?? r.conflict ?? (r.via ? `by ${r.via}` : '')
    const tab = r.status === 'suggested' ? 'suggested' : r.tab
    lines.push(
      `  ${tab.padEnd(10)} ${(r.customerName ?? r.customerId).padEnd(28)} ${device.padEnd(38)} ${asset.padEnd(32)} ${why}`
    )
  }
  return lines.join('\n')
}

export const assetsCommands: CommandModule = (program: Command, cli: CliContext) => {
  const assets = program
    .command('assets')
    .description('devices matched to PSA assets: matched, unmatched, only in the PSA, ignored')
    .option('--customer <id>', 'one PSA customer only')
    .option('--json', 'machine-readable output')
    .action(async (o: { customer?: string; json?: boolean }) => {
      const app = await cli.app()
      const input = o.customer !== undefined ? { customerId: o.customer } : {}
      cli.report(await app.dispatch('getAssetsView', input), !!o.json, (v) => formatAssets(v as AssetsView))
    })
  assets
    .command('pull')
    .description('read devices of mapped organizations and the assets of their PSA customers')
    .option('--customer <id>', 'one PSA customer only')
    .option('--full', 'read everything again, not only what changed')
    .option('--unmapped', 'also unmapped organizations and customers (their shared devices suggest mappings)')
    .option('--json', 'machine-readable output')
    .action(async (o: { customer?: string; full?: boolean; unmapped?: boolean; json?: boolean }) => {
      const app = await cli.app()
      const input: Record<string, unknown> = {}
      if (o.customer !== undefined) input.customerId = o.customer
      if (o.full) input.full = true
      if (o.unmapped) input.unmapped = true
      const env = await withCliProgress(app, cli.io.progress, 'assetsPull', () => app.dispatch('pullAssets', input))
      cli.report(env, !!o.json, (v) => {
        const r = v as { customers: number; devices: number; assets: number; incremental: number }
        return `pulled ${r.devices} devices and ${r.assets} PSA assets for ${r.customers} customers (${r.incremental} incremental)`
      })
    })
}
