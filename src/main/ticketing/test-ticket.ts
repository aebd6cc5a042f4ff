import type { Severity } from '../../shared/contract/severity-ticketing'
import type { AlertType } from '../../shared/contract/ticketing'
import type { NewTicket, PsaKind, TicketMetadata } from '../connectors/types'
import type { AppContext } from '../core/context'
import { alertTypeDef } from './alert-types'
import { severityRules } from './alert-rules'
import { loadTicketingSettings } from './settings'
import { loadSeverityTicketing } from './severity-settings'
import { buildTicket, ticketFrom } from './ticket-content'
import type { AlertEventRow } from './store'

// The [TEST] ticket: what an alert of a fixed type (JumpCloud) or of a severity (SaaS Alerts) would create for a
// customer, with the saved settings, so the admin sees it in the PSA before any real alert.

export interface TestTicketInput {
  customerId: string
  customerName: string
  marker: string
  alertType: AlertType
  /** A severity source: its settings and this severity are used instead of the fixed alert type. */
  severity?: { source: string; severity: Severity; eventType?: string }
}

export async function buildTestTicket(
  ctx: AppContext,
  psa: PsaKind,
  metadata: () => Promise<TicketMetadata>,
  t: TestTicketInput
): Promise<NewTicket> {
  const now = ctx.now().toISOString()
  const intent = { customer_id: t.customerId, marker: t.marker }
  if (t.severity) {
    const event = {
      source_kind: t.severity.source,
      org_id: '',
      alert_type: t.severity.severity,
      event_type: t.severity.eventType ?? 'test.event',
      occurred_at: now,
      subject_user: 'test.user',
      subject_device: null,
      detail_json: JSON.stringify({ message: 'Test alert from PSA Bridge' })
    } as AlertEventRow
    const rules = severityRules(loadSeverityTicketing(ctx.db, psa, t.severity.source), event, t.customerName)
    return ticketFrom({ ctx, metadata }, rules, intent, '[TEST] ')
  }
  const values = {
    org: t.customerName,
    user: 'test.user',
    device: 'TEST-DEVICE',
    subject: 'test.user',
    alertType: alertTypeDef(t.alertType).label,
    time: now
  }
  return buildTicket(
    { ctx, settings: loadTicketingSettings(ctx.db, psa), metadata },
    t.alertType,
    intent,
    values,
    '[TEST] '
  )
}
