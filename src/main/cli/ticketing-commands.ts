import type { Command } from 'commander'
import { kindLabel } from '../../shared/registry'
import type { AlertCycleResult, AlertList } from '../../shared/contract/ticketing'
import { ALERT_STATES } from '../../shared/contract/enum-values'
import type { App } from '../app/app'
import type { CliContext, CliIo, CommandModule } from './run'
import { sourceOption } from './source-option'

// `psa-bridge alerts [--json] [--state S] [--source K] [--limit N]`: the alert queue and what was sent, with ticket ids.

function age(seconds: number): string {
  if (seconds < 120) return `${seconds}s`
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`
  return `${Math.floor(seconds / 86_400)}d`
}

export function formatAlerts(l: AlertList): string {
  const c = l.counts
  const lines = [
    `queued ${c.queued}${l.oldestQueuedSeconds !== null ? ` (oldest ${age(l.oldestQueuedSeconds)})` : ''}, delivered ${c.delivered}, ` +
      `waiting for a mapping ${c.waitingMapping}, suppressed ${c.suppressed}, disabled ${c.disabled}`
  ]
  for (const a of l.alerts) {
    const who = [a.user, a.device].filter(Boolean).join(' / ') || '-'
    const org = `${a.orgName ?? a.orgId} (${kindLabel(a.source)})`
    const ticket = a.ticketId ? `ticket ${a.ticketNumber ?? a.ticketId}${a.delivery === 'note' ? ' (note)' : ''}` : ''
    const err = a.state === 'queued' && a.lastError ? `  retry #${a.attempts}: ${a.lastError}` : ''
    lines.push(
      `  ${a.occurredAt}  ${a.state.padEnd(15)} ${a.alertLabel.padEnd(30)} ${org.padEnd(40)} ${who.padEnd(24)} ${ticket}${err}`
    )
  }
  return lines.join('\n')
}

/**
 * `psa-bridge sync` also processes alerts: one call from the billing sync command. The cycle itself
 * does nothing while automated ticketing is off. Printed only in human mode (keeps --json one document).
 */
export async function processAlertsAfterSync(app: App, io: CliIo, json: boolean): Promise<void> {
  const env = await app.dispatch('pollAlertsNow', {})
  if (!env.ok) return io.err(`Alerts: error (${env.error.code}): ${env.error.message}`)
  const r = env.value as AlertCycleResult
  if (r.ran && !json) io.out(`Alerts: ${r.message}`)
}

export const ticketingCommands: CommandModule = (program: Command, cli: CliContext) => {
  program
    .command('alerts')
    .description('alerts: queued, delivered (with their ticket ids), waiting for a mapping, suppressed')
    .option('--json', 'machine-readable output')
    .option('--state <state>', `only this state (${ALERT_STATES.join(', ')})`)
    .addOption(sourceOption('only the alerts of this source'))
    .option('--limit <n>', 'at most N alerts, newest first', '200')
    .action(async (o: { json?: boolean; state?: string; source?: string; limit: string }) => {
      const app = await cli.app()
      const input: Record<string, unknown> = { limit: Number(o.limit) }
      if (o.state !== undefined) input.state = o.state
      if (o.source !== undefined) input.source = o.source
      cli.report(await app.dispatch('listAlerts', input), !!o.json, (v) => formatAlerts(v as AlertList))
    })
}
