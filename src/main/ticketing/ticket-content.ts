import type { NewNote, NewTicket, TicketMetadata } from '../connectors/types'
import type { AppContext } from '../core/context'
import type { AlertType, TicketingSettings } from '../../shared/contract/ticketing'
import { alertTypeDef } from './alert-types'
import { fixedRules, type AlertRules } from './alert-rules'
import { assertFieldsValid } from './settings'
import { markerLine, render, type TemplateValues } from './templates'
import type { AlertEventRow, AlertTicketDbRow } from './store'

// What a ticket and a note say: the templates filled from the events, plus the exactly-once marker.

/** A note stays well inside every PSA's body limit (Autotask notes 32,000), so its marker line is never clipped. */
export const NOTE_BODY_BUDGET = 8_000

export function templateValues(
  e: Pick<AlertEventRow, 'alert_type' | 'subject_user' | 'subject_device' | 'occurred_at'>,
  orgName: string
): TemplateValues {
  const def = alertTypeDef(e.alert_type as AlertType)
  const user = e.subject_user ?? 'n/a'
  const device = e.subject_device ?? 'n/a'
  const primary = def.subject === 'device' ? (e.subject_device ?? e.subject_user) : (e.subject_user ?? e.subject_device)
  return { org: orgName, user, device, subject: primary ?? 'n/a', alertType: def.label, time: e.occurred_at }
}

/** The create request for a fixed alert type (the test ticket): override → defaults. */
export async function buildTicket(
  d: { ctx: AppContext; settings: TicketingSettings; metadata: () => Promise<TicketMetadata> },
  type: AlertType,
  intent: Pick<AlertTicketDbRow, 'customer_id' | 'marker'>,
  values: TemplateValues,
  subjectPrefix = ''
): Promise<NewTicket> {
  return ticketFrom(d, fixedRules(d.settings, type, values), intent, subjectPrefix)
}

/** The create request from an alert's rules, its fields checked against the PSA's lists. */
export async function ticketFrom(
  d: { ctx: AppContext; metadata: () => Promise<TicketMetadata> },
  rules: AlertRules,
  intent: Pick<AlertTicketDbRow, 'customer_id' | 'marker'>,
  subjectPrefix = ''
): Promise<NewTicket> {
  const f = rules.fields
  assertFieldsValid(rules.scope, f, await d.metadata())
  const opt = (v: string | null) => v ?? undefined
  return {
    customerId: intent.customer_id,
    subject: `${subjectPrefix}${render(rules.subjectTemplate, rules.values)}`,
    body: `${render(rules.bodyTemplate, rules.values)}\n\n${markerLine(intent.marker)}`,
    marker: intent.marker,
    status: opt(f.status),
    priority: opt(f.priority),
    issueType: opt(f.issueType),
    subIssueType: opt(f.subIssueType),
    queue: opt(f.queue),
    source: opt(f.source),
    technicianId: opt(f.technicianId),
    contractId: rules.contractId,
    dueDate: f.daysDue !== null ? new Date(d.ctx.now().getTime() + f.daysDue * 86_400_000) : undefined
  }
}

/**
 * One note for every repeat of a group found in one cycle, oldest first: each repeat rendered with the note
 * template while the body has room, then one line per repeat, then a count of the rest (all are in Activity).
 */
export function noteFor(rulesOf: (e: AlertEventRow) => AlertRules, events: AlertEventRow[], marker: string): NewNote {
  const note = rulesOf(events[0]!).note
  const values = events.map((e) => rulesOf(e).values)
  const n = events.length
  const head = n === 1 ? '' : `${n} repeats of this alert since the last check, oldest first:\n\n`
  const parts: string[] = []
  let used = head.length
  let i = 0
  for (; i < n; i++) {
    const block = render(note.template, values[i]!)
    if (used + block.length + 2 > NOTE_BODY_BUDGET / 2) break
    parts.push(block)
    used += block.length + 2
  }
  const lines: string[] = []
  for (; i < n; i++) {
    const line = `- ${values[i]!.time}: ${render('{subject}', values[i]!)}`
    if (used + line.length + 1 > NOTE_BODY_BUDGET) break
    lines.push(line)
    used += line.length + 1
  }
  const rest = n - i
  const body = [
    head + parts.join('\n\n'),
    ...(lines.length ? [lines.join('\n')] : []),
    ...(rest ? [`…and ${rest} more (listed in PSA Bridge → Activity).`] : []),
    markerLine(marker)
  ].join('\n\n')
  const title = render(note.title, values[0]!)
  return {
    title: n === 1 ? title : `${title} (×${n})`,
    body,
    internal: note.internal
  }
}
