import type { Handlers } from '../../../shared/contract'
import { AUDIT_KIND_LABELS, DOOR_LABELS, type AuditRow } from '../../../shared/contract/audit'
import type { AppContext } from '../../core/context'
import { queryAudit } from '../../core/audit-store'
import { renderSheet } from '../../reports/export'
import type { ReportSheet } from '../../reports/sheet'

export function createAuditHandlers(ctx: AppContext): Pick<Handlers, 'listAudit' | 'exportAudit'> {
  return {
    async listAudit(filter) {
      return queryAudit(ctx.db, filter)
    },
    async exportAudit(filter) {
      const { rows } = queryAudit(ctx.db, filter)
      const file = await renderSheet(auditSheet(rows, ctx.now()), 'csv', 'audit')
      return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') }
    }
  }
}

const show = (v: AuditRow['changes'][number]['old']) => (v === null ? '' : String(v))

/** One line per changed field, so a spreadsheet can filter on the field; the CSV writer guards formulas. */
export function auditSheet(rows: readonly AuditRow[], now: Date): ReportSheet {
  const lines = rows.flatMap((r) =>
    (r.changes.length ? r.changes : [null]).map((c) => [
      r.at,
      DOOR_LABELS[r.door],
      AUDIT_KIND_LABELS[r.kind],
      r.method,
      r.subject,
      c?.field ?? '',
      c ? show(c.old) : '',
      c ? show(c.new) : ''
    ])
  )
  return {
    title: 'Audit trail',
    sheetName: 'Audit',
    columns: ['Time (UTC)', 'Door', 'Kind', 'Method', 'Subject', 'Field', 'Old value', 'New value'].map((title) => ({
      title,
      width: 20,
      pdf: 60
    })),
    lines,
    summary: [
      ['Report', 'Audit trail'],
      ['Changes', rows.length]
    ],
    generatedAt: now.toISOString(),
    emptyText: 'No changes recorded.',
    caption: 'PSA Bridge audit trail'
  }
}
