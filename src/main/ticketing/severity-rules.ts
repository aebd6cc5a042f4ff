import type { Severity, SeverityTicketing } from '../../shared/contract/severity-ticketing'
import { REQUIRED_SEVERITY_DEFAULTS, SEVERITY_LABELS } from '../../shared/contract/severity-ticketing'
import type { TicketFields } from '../../shared/contract/ticketing'

// The rules of a severity source (SaaS Alerts): which ticket fields an event gets, what must be set
// before tickets are created, and which stable fields group repeats into one ticket.

/**
 * The severity an event is ticketed with. A value the source did not document (`alertStatus` other than
 * low/medium/critical) is treated as critical: an unknown security severity is never under-rated.
 */
export function effectiveSeverity(s: Severity | undefined | null): Severity {
  return s ?? 'critical'
}

/** Ticket defaults, the severity's priority, then the event type's issue-type override when one is set. */
export function resolveSeverityFields(s: SeverityTicketing, severity: Severity, eventType: string): TicketFields {
  const out: TicketFields = { ...s.defaults, priority: s.severities[severity].priority }
  const type = eventType.trim().toLowerCase()
  const o = s.eventTypeOverrides.find((x) => x.eventType.toLowerCase() === type)
  // A default sub-issue type belongs to the default issue type: an overridden issue type brings its own (or none).
  if (o?.issueType) Object.assign(out, { issueType: o.issueType, subIssueType: o.subIssueType })
  else if (o?.subIssueType) out.subIssueType = o.subIssueType
  return out
}

/**
 * What is missing before automated ticketing may be switched on, in words the screen shows:
 * a priority for every severity that is on, the required ticket defaults this PSA has, the note title
 * and visibility. Empty = ready.
 */
export function missingSeverityDefaults(
  psaFields: ReadonlyArray<{ readonly key: string; readonly label: string }>,
  s: SeverityTicketing
): string[] {
  const out: string[] = []
  for (const sev of ['critical', 'medium', 'low'] as const)
    if (s.severities[sev].enabled && !s.severities[sev].priority)
      out.push(`Priority for ${SEVERITY_LABELS[sev]} alerts`)
  for (const key of REQUIRED_SEVERITY_DEFAULTS) {
    const field = psaFields.find((f) => f.key === key)
    if (field && !s.defaults[key]) out.push(`Default ${field.label.toLowerCase()}`)
  }
  if (!s.note.title) out.push('Note title')
  if (!s.note.visibility) out.push('Note visibility')
  return out
}

/**
 * Repeats group on stable fields only — the source, the organization and the severity, plus the event type
 * and/or the user as chosen — never on rendered text, so a template change cannot split a group.
 */
export function severityGroupKey(
  source: string,
  groupBy: SeverityTicketing['groupBy'],
  e: { orgId: string; severity: Severity; eventType: string; user?: string | null }
): string {
  const norm = (v: string | null | undefined) => (v ?? '-').trim().toLowerCase() || '-'
  const parts = [source, e.orgId, e.severity]
  if (groupBy !== 'user') parts.push(norm(e.eventType))
  if (groupBy !== 'event-type') parts.push(norm(e.user))
  return parts.join('|')
}
