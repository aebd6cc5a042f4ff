// Tickets and TicketNotes: create, note, read, and the exactly-once marker lookups (autotask.md §7.7–§7.8).
import { AppError } from '../../../shared/errors'
import { clipText } from '../clip'
import type { NewNote, NewTicket, PsaTicketRef, PsaTicketState } from '../types'
import { toInt, type AutotaskApi } from './api'
import { IdOnlySchema, ServiceDeskRoleSchema, TicketSchema } from './schemas'
import { closedStatuses, defaultChoice, field, maxLength } from './ticket-fields'

/** Cuts `text` to the field's length, marking the cut, so Autotask does not refuse the whole write. */
export const clip = clipText

/** Used when entityInformation/fields reports no length for a title (autotask.md §7.10; TicketsEntity title is 255). */
const TITLE_FALLBACK_MAX = 255

/** The ticket description: body plus the exactly-once marker, which must survive any clipping. */
export function withMarker(body: string, marker: string, max: number | undefined): string {
  if (body.includes(marker) && (!max || body.length <= max)) return body
  const suffix = `\n\n${marker}`
  return `${clip(body, max ? max - suffix.length : undefined)}${suffix}`
}

async function roleFor(api: AutotaskApi, resourceId: number): Promise<number> {
  const roles = await api.query(
    'ResourceServiceDeskRoles',
    [
      { op: 'eq', field: 'resourceID', value: resourceId },
      { op: 'eq', field: 'isActive', value: true }
    ],
    ServiceDeskRoleSchema
  )
  const role = roles.find((r) => r.isDefault) ?? roles[0]
  if (!role)
    throw new AppError(
      'validation',
      `Autotask resource ${resourceId} has no active service desk role, so tickets cannot be assigned to them.`,
      {
        hint: 'Pick another technician, or give this resource a service desk role in Autotask (Admin → Resources → Service Desk).'
      }
    )
  return role.roleID
}

export async function openTicket(api: AutotaskApi, input: NewTicket, webUrl?: string): Promise<PsaTicketRef> {
  const num = (v: string | undefined, what: string) => (v === undefined || v === '' ? undefined : toInt(v, what))
  const fields = await api.fields('Tickets')
  const status = num(input.status, 'status') ?? num(defaultChoice(field(fields, 'status')), 'status')
  const priority = num(input.priority, 'priority') ?? num(defaultChoice(field(fields, 'priority')), 'priority')
  const queueID = num(input.queue, 'queue')
  const resourceId = num(input.technicianId, 'technician')
  if (queueID === undefined && resourceId === undefined)
    throw new AppError('validation', 'Autotask needs a queue or a technician for a new ticket.', {
      hint: 'Choose a default queue in the ticketing settings.',
      field: 'queue'
    })
  const body: Record<string, unknown> = {
    companyID: toInt(input.customerId, 'company'),
    title: clip(input.subject, maxLength(fields, 'title') ?? TITLE_FALLBACK_MAX),
    description: withMarker(input.body, input.marker, maxLength(fields, 'description')),
    status,
    priority,
    queueID,
    issueType: num(input.issueType, 'issue type'),
    subIssueType: num(input.subIssueType, 'sub-issue type'),
    source: num(input.source, 'source'),
    contractID: num(input.contractId, 'contract'),
    dueDateTime: input.dueDate?.toISOString()
  }
  // both or neither (§7.7)
  if (resourceId !== undefined)
    Object.assign(body, { assignedResourceID: resourceId, assignedResourceRoleID: await roleFor(api, resourceId) })
  const id = await api.create('Tickets', Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)))
  const ticket = await api.get(`Tickets/${id}`, TicketSchema)
  return {
    id: String(id),
    number: ticket?.ticketNumber ?? undefined,
    url: webUrl ? new URL(`Mvc/ServiceDesk/TicketDetail.mvc?ticketId=${id}`, webUrl).href : undefined
  }
}

export async function addNote(api: AutotaskApi, ticketId: string, note: NewNote): Promise<{ id: string }> {
  const id = toInt(ticketId, 'ticket')
  // publish 1 = "All Autotask Users", 2 = internal only (§7.8, UNCONFIRMED numbering); noteType 1 = task summary
  const fields = await api.fields('TicketNotes')
  const itemId = await api.create(`Tickets/${id}/Notes`, {
    ticketID: id,
    title: clip(note.title, maxLength(fields, 'title') ?? TITLE_FALLBACK_MAX),
    description: clip(note.body, maxLength(fields, 'description')),
    noteType: 1,
    publish: note.internal ? 2 : 1
  })
  return { id: String(itemId) }
}

export async function readTicket(api: AutotaskApi, ticketId: string): Promise<PsaTicketState | null> {
  const t = await api.get(`Tickets/${toInt(ticketId, 'ticket')}`, TicketSchema)
  if (!t) return null
  const status = String(t.status)
  // The same closed set as the metadata: a note on a tenant's "Complete - Billed" ticket is read by nobody.
  return { id: String(t.id), status, open: !closedStatuses(await api.fields('Tickets')).includes(status) }
}

export async function findByMarker(api: AutotaskApi, customerId: string, marker: string): Promise<PsaTicketRef | null> {
  const rows = await api.query(
    'Tickets',
    [
      { op: 'eq', field: 'companyID', value: toInt(customerId, 'company') },
      { op: 'contains', field: 'description', value: marker }
    ],
    TicketSchema
  )
  const t = rows[0]
  return t ? { id: String(t.id), number: t.ticketNumber ?? undefined } : null
}

export async function hasNoteWith(api: AutotaskApi, ticketId: string, marker: string): Promise<boolean> {
  // TicketNotes can be queried at the root even though they are created through the ticket (§7.8).
  const rows = await api.query(
    'TicketNotes',
    [
      { op: 'eq', field: 'ticketID', value: toInt(ticketId, 'ticket') },
      { op: 'contains', field: 'description', value: marker }
    ],
    IdOnlySchema,
    { limit: 1 }
  )
  return rows.length > 0
}
