// The values of the contract's small enums, without zod: the CLI lists them as choices in its help while building
// no schema at start-up (issue 12: cold start). The schemas are built from these same lists.

/** What kind of change a person made (AuditKindSchema). */
export const AUDIT_KINDS = [
  'credentials',
  'mapping',
  'billing-mapping',
  'approval',
  'settings',
  'ticketing',
  'ignore',
  'assets',
  'config'
] as const

/** Report file formats (ReportFormatSchema). */
export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const

/** Alert states (AlertStateSchema); attention = cannot be delivered until a setting changes. */
export const ALERT_STATES = ['queued', 'delivered', 'waiting-mapping', 'suppressed', 'disabled', 'attention'] as const
