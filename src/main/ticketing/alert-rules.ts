import type { Severity, SeverityTicketing } from '../../shared/contract/severity-ticketing'
import { SEVERITY_LABELS } from '../../shared/contract/severity-ticketing'
import type { AlertType, TicketFields, TicketingSettings } from '../../shared/contract/ticketing'
import { alertTypeDef } from './alert-types'
import { resolveFields } from './settings'
import { resolveSeverityFields } from './severity-rules'
import type { AlertEventRow } from './store'
import type { TemplateValues } from './templates'
import { templateValues } from './ticket-content'

// What one alert becomes, whichever source raised it: a fixed alert type with its settings (JumpCloud),
// or a severity with the source's severity settings (SaaS Alerts). Delivery asks only this.

export interface AlertRules {
  /** Names the settings scope in "not in the PSA's list" errors (an alert type or a severity). */
  scope: string
  enabled: boolean
  fields: TicketFields
  subjectTemplate: string
  bodyTemplate: string
  note: { title: string; template: string; internal: boolean }
  values: TemplateValues
  /** The organization's PSA contract, when tickets carry contracts. */
  contractId?: string
}

export interface RuleSettings {
  /** The fixed-type source's settings (the PSA's ticketing settings). */
  fixed: TicketingSettings
  /** A severity source's settings, or null when the source alerts by fixed types. */
  severity(sourceKind: string): SeverityTicketing | null
}

export function fixedRules(s: TicketingSettings, type: AlertType, values: TemplateValues): AlertRules {
  return {
    scope: type,
    enabled: s.types[type].enabled,
    fields: resolveFields(s, type),
    subjectTemplate: s.subjectTemplate,
    bodyTemplate: s.bodyTemplate,
    note: { title: s.note.title, template: s.note.template, internal: s.note.visibility === 'internal' },
    values
  }
}

/** {alertType} is the event's own description (SaaS Alerts `jointDesc`), else its type; {subject} its user. */
function severityValues(e: AlertEventRow, orgName: string): TemplateValues {
  let described: string | undefined
  try {
    const m = (JSON.parse(e.detail_json) as { message?: unknown }).message
    if (typeof m === 'string' && m.trim()) described = m.trim()
  } catch {
    // an unreadable detail keeps the event type
  }
  const user = e.subject_user ?? 'n/a'
  const label = SEVERITY_LABELS[e.alert_type as Severity] ?? e.alert_type
  return {
    org: orgName,
    user,
    device: e.subject_device ?? 'n/a',
    subject: user,
    alertType: `${label}: ${described ?? e.event_type}`,
    time: e.occurred_at
  }
}

export function severityRules(s: SeverityTicketing, e: AlertEventRow, orgName: string): AlertRules {
  const sev = e.alert_type as Severity
  const contract = s.contractOnTickets ? s.orgContracts[e.org_id] : undefined
  return {
    scope: sev,
    enabled: s.enabled && s.severities[sev].enabled,
    fields: resolveSeverityFields(s, sev, e.event_type),
    subjectTemplate: s.subjectTemplate,
    bodyTemplate: s.bodyTemplate,
    // Required before ticketing can be switched on; the fallbacks only matter for a test ticket.
    note: {
      title: s.note.title ?? 'Repeated alert: {alertType}',
      template: s.note.template,
      internal: s.note.visibility !== 'public'
    },
    values: severityValues(e, orgName),
    contractId: contract
  }
}

export function rulesFor(r: RuleSettings, e: AlertEventRow, orgName: string): AlertRules {
  const s = r.severity(e.source_kind)
  if (s) return severityRules(s, e, orgName)
  return fixedRules(r.fixed, e.alert_type as AlertType, templateValues(e, orgName))
}

/** "User Lockout" for a fixed type, "Critical" for a severity. */
export function alertLabel(kind: AlertEventRow['alert_type']): string {
  return kind in SEVERITY_LABELS ? SEVERITY_LABELS[kind as Severity] : alertTypeDef(kind as AlertType).label
}
