import type { NewNote, NewTicket, PsaTicketRef, PsaTicketState, TicketMetadata } from '../types'
import { isAppError } from '../../../shared/errors'
import { clipText } from '../clip'
import { wireId, type SyncroApi } from './api'
import {
  CommentReplySchema,
  SettingsSchema,
  TicketPageSchema,
  TicketReplySchema,
  TicketSettingsSchema,
  type SyncroTicket
} from './schemas'

// Tickets, notes and ticket metadata (syncro.md §5.5–5.7).

/** System statuses that end a ticket's life in Syncro (syncro.md §5.5/5.6). */
export const CLOSED_STATUSES = ['Resolved', 'Invoiced']

/**
 * Longest subject we send. Syncro documents no limit (syncro.md §5.5, syncro-v1.openapi.json has no
 * maxLength); 255 is Autotask's documented title length and a common database column width, and a
 * technician reads no further in a ticket list anyway.
 */
export const SUBJECT_MAX = 255

/** Shown as the author of our comments (`tech` overrides the displayed name, syncro.md §5.5 [S2]). */
const TECH_NAME = 'PSA Bridge'

export async function readTicketMetadata(api: SyncroApi): Promise<TicketMetadata> {
  const [settings, ticketSettings] = await Promise.all([
    api.get('/settings', SettingsSchema),
    api.get('/tickets/settings', TicketSettingsSchema)
  ])
  const choices = (xs: string[]) => xs.filter((x) => x.trim() !== '').map((x) => ({ value: x, label: x }))
  return {
    statuses: choices(ticketSettings.ticket_status_list),
    // "" is the settings list's "no priority" entry (syncro.md §5.6 [S1]); leaving it out = unset.
    priorities: choices(settings.ticket.priorities),
    issueTypes: choices(settings.ticket.problem_types),
    subIssueTypes: [],
    queues: [],
    sources: [],
    technicians: ticketSettings.users.map((u) => ({ value: String(u.id), label: u.name })),
    closedStatuses: [...CLOSED_STATUSES]
  }
}

export async function openTicket(api: SyncroApi, input: NewTicket, webBase: string): Promise<PsaTicketRef> {
  const subject = clipText(input.subject, SUBJECT_MAX)
  const body: Record<string, unknown> = {
    customer_id: wireId(input.customerId, 'customer'),
    subject,
    // The marker goes into the first (hidden) comment: a lost reply is recovered by searching it.
    comments_attributes: [
      {
        subject,
        body: withMarker(input.body, input.marker),
        hidden: true,
        do_not_email: true,
        tech: TECH_NAME
      }
    ]
  }
  if (input.issueType) body.problem_type = input.issueType
  if (input.status) body.status = input.status
  if (input.priority) body.priority = input.priority
  if (input.technicianId) body.user_id = wireId(input.technicianId, 'technician')
  if (input.dueDate) body.due_date = input.dueDate.toISOString()
  // UNCONFIRMED: the create body of the spec does not list `contract_id`, but every ticket record carries
  // it (GET /tickets example); sent only when a contract is chosen for the customer.
  if (input.contractId) body.contract_id = wireId(input.contractId, 'contract')
  // POST is not retried on timeouts by the HTTP layer: a second POST would create a second ticket
  // (Syncro has no idempotency key, syncro.md §6). The caller recovers via findTicketByMarker.
  const { ticket } = await api.post('/tickets', body, TicketReplySchema)
  return toRef(ticket, webBase)
}

export async function addNote(api: SyncroApi, ticketId: string, note: NewNote): Promise<{ id: string }> {
  // Both subject and body are required (syncro.md §5.5 422 [S1]). do_not_email always: a public
  // note must not e-mail the client's end users at 3 a.m.; `hidden` decides who sees it in Syncro.
  const reply = await api.post(
    `/tickets/${wireId(ticketId, 'ticket')}/comment`,
    {
      subject: clipText(note.title || 'Update', SUBJECT_MAX),
      body: note.body,
      hidden: note.internal,
      do_not_email: true,
      tech: TECH_NAME
    },
    CommentReplySchema
  )
  return { id: String(reply.comment.id) }
}

export async function readTicket(api: SyncroApi, ticketId: string): Promise<PsaTicketState | null> {
  try {
    const { ticket } = await api.get(`/tickets/${wireId(ticketId, 'ticket')}`, TicketReplySchema)
    const status = ticket.status ?? 'New'
    return { id: String(ticket.id), status, open: !CLOSED_STATUSES.includes(status) }
  } catch (e) {
    if (isAppError(e) && e.code === 'not-found') return null
    throw e
  }
}

/** GET /tickets/{id} carries every comment (syncro.md §5.5): look for the marker in their bodies. */
export async function hasNoteWith(api: SyncroApi, ticketId: string, marker: string): Promise<boolean> {
  const { ticket } = await api.get(`/tickets/${wireId(ticketId, 'ticket')}`, TicketReplySchema)
  return (ticket.comments ?? []).some((c) => c.body?.includes(marker))
}

/**
 * `query` is Syncro's fuzzy full-text search, so every hit is re-checked for the exact marker.
 * List items may carry only the first comment (`all_comments` deprecation, syncro.md §5.5) — that
 * is the one holding our marker. A hit without any comments field is trusted to the search.
 */
export async function findByMarker(
  api: SyncroApi,
  customerId: string,
  marker: string,
  webBase: string
): Promise<PsaTicketRef | null> {
  const tickets = await api.all('/tickets', 'tickets', TicketPageSchema, {
    customer_id: wireId(customerId, 'customer'),
    query: marker
  })
  const hit = tickets.find((t) => carriesMarker(t, marker, customerId))
  return hit ? toRef(hit, webBase) : null
}

function carriesMarker(t: SyncroTicket, marker: string, customerId: string): boolean {
  if (t.customer_id != null && String(t.customer_id) !== customerId) return false
  if (t.subject?.includes(marker)) return true
  if (t.comments === undefined) return true
  return t.comments.some((c) => c.body?.includes(marker) || c.subject?.includes(marker))
}

function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${body}\n\n${marker}`
}

function toRef(t: SyncroTicket, webBase: string): PsaTicketRef {
  const ref: PsaTicketRef = { id: String(t.id), url: `${webBase}/tickets/${t.id}` }
  if (t.number != null) ref.number = String(t.number)
  return ref
}
