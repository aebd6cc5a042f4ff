import { z } from 'zod'
import { method } from './define'
import { ReportFileSchema } from './reports'
import { DoorSchema } from './door'
import { AUDIT_KINDS } from './enum-values'

export { DoorSchema, DOOR_LABELS, type Door } from './door'

/** What kind of change a person made (the Activity screen's audit filter). */
export const AuditKindSchema = z.enum(AUDIT_KINDS)
export type AuditKind = z.infer<typeof AuditKindSchema>
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  credentials: 'Credentials',
  mapping: 'Customer mapping',
  'billing-mapping': 'Billing mapping',
  approval: 'Approval',
  settings: 'Settings',
  ticketing: 'Ticketing',
  ignore: 'Ignore / disable',
  assets: 'Assets',
  config: 'Configuration import'
}

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()])
export const AuditChangeSchema = z.object({ field: z.string(), old: Value, new: Value })
export type AuditChange = z.infer<typeof AuditChangeSchema>

export const AuditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  door: DoorSchema,
  kind: AuditKindSchema,
  /** The contract method that made the change. */
  method: z.string(),
  /** What was changed, e.g. "Acme Dental (org 42)". */
  subject: z.string(),
  changes: z.array(AuditChangeSchema)
})
export type AuditRow = z.infer<typeof AuditRowSchema>

const IsoTime = z.iso.datetime({ offset: true })
export const AuditFilterSchema = z.object({
  since: IsoTime.optional(),
  until: IsoTime.optional(),
  kinds: z.array(AuditKindSchema).max(20).optional(),
  door: DoorSchema.optional(),
  /** Words in the subject, method or values. */
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(10_000).default(500)
})
export type AuditFilter = z.input<typeof AuditFilterSchema>

export const auditMethods = {
  listAudit: method(
    "Who changed what: people's changes (credentials, mappings, settings, approvals …), newest first, with old → new values",
    AuditFilterSchema,
    z.object({ rows: z.array(AuditRowSchema), total: z.number().int() })
  ),
  exportAudit: method(
    'The audit trail (same filters as listAudit) as CSV',
    AuditFilterSchema.extend({ limit: z.number().int().min(1).max(100_000).default(100_000) }),
    ReportFileSchema
  )
}
