import type { Command } from 'commander'
import type { Status } from '../../shared/contract/system'
import { withCliProgress } from './progress-output'
import type { CliContext, CommandModule } from './run'

// `psa-bridge status`, `refresh`, `pause`, `resume`: the same getStatus/setPaused methods as the tray and the window.
// Contract schemas load in the actions: importing them here would build them at every command's start (issue 12).

export const statusCommands: CommandModule = (program: Command, cli: CliContext) => {
  program
    .command('status')
    .description('show version, data directory, connected systems and whether scheduled work is paused')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const a = await cli.statusCore()
      const { StatusSchema } = await import('../../shared/contract/system')
      cli.report(await a.dispatch('getStatus', {}), !!o.json, (v) => formatStatus(StatusSchema.parse(v)))
    })
  program
    .command('refresh')
    .description('read organizations from the source and customers from the PSA again')
    .option('--from <side>', 'psa, source or both', 'both')
    .option('--json', 'machine-readable output')
    .action(async (o: { from: string; json?: boolean }) => {
      const a = await cli.app()
      const env = await withCliProgress(a, cli.io.progress, 'refresh', () =>
        a.dispatch('refreshData', { from: o.from })
      )
      cli.report(env, !!o.json, (v) => (v as { message: string }).message)
    })
  for (const [name, paused] of [
    ['pause', true],
    ['resume', false]
  ] as const) {
    program
      .command(name)
      .description(
        paused
          ? 'pause scheduled work (billing schedule, alert polling, sampling) for every door; `sync` still runs'
          : 'resume scheduled work'
      )
      .option('--json', 'machine-readable output')
      .action(async (o: { json?: boolean }) => {
        const a = await cli.app()
        const { PauseStateSchema } = await import('../../shared/contract/settings')
        cli.report(await a.dispatch('setPaused', { paused }), !!o.json, (v) =>
          PauseStateSchema.parse(v).paused ? 'Scheduled work is paused.' : 'Scheduled work is running.'
        )
      })
  }
}

export function formatStatus(s: Status): string {
  const lines = [`PSA Bridge ${s.version}`, `data directory: ${s.dataDir}`, `secrets: ${s.secretStore}`]
  lines.push(
    s.pause.paused
      ? `scheduled work: paused${s.pause.since ? ` since ${s.pause.since}` : ''} (sync still runs on demand)`
      : 'scheduled work: running'
  )
  if (s.nextRun) lines.push(`next scheduled push: ${s.nextRun}${s.pause.paused ? ' (skipped while paused)' : ''}`)
  if (s.integrations.length === 0) lines.push('no systems connected yet')
  for (const i of s.integrations)
    lines.push(`${i.kind.padEnd(10)} ${i.displayName}${i.secretSaved ? '' : '  (secret missing!)'}`)
  return lines.join('\n')
}
