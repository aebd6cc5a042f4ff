import { Option, type Command } from 'commander'
import type { AuditKind, AuditRow, Door } from '../../shared/contract/audit'
import { AUDIT_KINDS } from '../../shared/contract/enum-values'
import { writeOutputFile } from './output-file'
import type { CliContext, CommandModule } from './run'

// `psa-bridge audit [--since WHEN] [--kind KIND ...] [--json] [--csv FILE]`: the audit trail of people's changes.
// Schemas load in the action, not at start-up: every other command's start would pay for them (issue 12).

const RELATIVE = /^(\d{1,5})([hd])$/

/** "2026-03-01", an ISO time, or "24h" / "7d" back from now → an ISO time; null when unreadable. */
export function parseSince(text: string, now: Date): string | null {
  const rel = RELATIVE.exec(text.trim())
  if (rel) return new Date(now.getTime() - Number(rel[1]) * (rel[2] === 'h' ? 3_600_000 : 86_400_000)).toISOString()
  const t = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? new Date(`${text.trim()}T00:00:00Z`) : new Date(text)
  return Number.isNaN(t.getTime()) ? null : t.toISOString()
}

export const auditCommands: CommandModule = (program: Command, cli: CliContext) => {
  program
    .command('audit')
    .description("people's changes (credentials, mappings, settings, approvals …) with old → new values")
    .option('--since <when>', 'only changes since a date (2026-03-01), an ISO time, or 24h / 7d ago')
    .addOption(new Option('--kind <kind...>', 'only these kinds').choices(AUDIT_KINDS))
    .option('--limit <n>', 'at most this many rows', '500')
    .option('--csv <file>', 'write the rows as CSV to FILE instead of printing them')
    .option('--force', 'overwrite the CSV file if it exists')
    .option('--json', 'machine-readable output')
    .action(
      async (o: {
        since?: string
        kind?: AuditKind[]
        limit: string
        csv?: string
        force?: boolean
        json?: boolean
      }) => {
        const since = o.since === undefined ? undefined : parseSince(o.since, new Date())
        if (since === null)
          return cli.fail(2, `Error (validation): --since: cannot read "${o.since}" as a date or 24h / 7d.`)
        const limit = Number(o.limit)
        const filter = { since, kinds: o.kind, limit: Number.isInteger(limit) ? limit : NaN }
        const app = await cli.app()
        if (o.csv) {
          const env = await app.dispatch('exportAudit', filter)
          if (!env.ok) return cli.report(env, false, String)
          const { ReportFileSchema } = await import('../../shared/contract/reports')
          const file = ReportFileSchema.parse(env.value)
          if (writeOutputFile(cli, o.csv, Buffer.from(file.base64, 'base64'), !!o.force))
            cli.io.out(`Audit trail written to ${o.csv}`)
          return
        }
        const env = await app.dispatch('listAudit', filter)
        const { DOOR_LABELS } = await import('../../shared/contract/door')
        cli.report(env, !!o.json, (v) => formatAudit(v as { rows: AuditRow[]; total: number }, DOOR_LABELS))
      }
    )
}

const show = (v: AuditRow['changes'][number]['old']) => (v === null ? '—' : JSON.stringify(v))

function formatAudit(v: { rows: AuditRow[]; total: number }, DOOR_LABELS: Record<Door, string>): string {
  if (v.rows.length === 0) return 'no changes recorded'
  const lines = v.rows.flatMap((r) => [
    `${r.at}  ${DOOR_LABELS[r.door]}  ${r.kind}  ${r.subject}`,
    ...r.changes.map((c) => `    ${c.field}: ${show(c.old)} → ${show(c.new)}`)
  ])
  if (v.total > v.rows.length) lines.push(`(${v.rows.length} of ${v.total}; use --limit or --since)`)
  return lines.join('\n')
}
