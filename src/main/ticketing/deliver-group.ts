import { randomBytes } from 'node:crypto'
import type { PsaTicketRef } from '../connectors/types'
import { recordActivity } from '../core/activity'
import { isAppError } from '../../shared/errors'
import type { DeliveryDeps } from './delivery'
import { newMarker } from './marker'
import { mayStillLand } from './backoff'
import { rulesFor, type AlertRules } from './alert-rules'
import { noteFor, ticketFrom } from './ticket-content'
import {
  clearNoteIntent,
  currentTicket,
  insertIntent,
  loadGroup,
  markNoteIntent,
  markTicketClosed,
  markTicketOpen,
  setEventState,
  setEventsState,
  upsertGroup,
  type AlertEventRow,
  type AlertTicketDbRow
} from './store'

/** What one cycle has learned about tickets: the open state of each, read at most once per cycle. */
export interface CycleMemory {
  ticketOpen: Map<string, boolean>
}

export interface GroupCounts {
  ticketsCreated: number
  notesAdded: number
  suppressed: number
}

export interface GroupTarget {
  orgName: string
  /** The customer the org's alerts go to now; null = none (the alerts wait for a mapping). */
  customer: string | null
}

/** What each alert of a group becomes, by its source's settings. */
function rulesOfGroup(d: DeliveryDeps, orgName: string): (e: AlertEventRow) => AlertRules {
  const settings = { fixed: d.settings, severity: d.severity ?? (() => null) }
  return (e) => rulesFor(settings, e, orgName)
}

/**
 * Delivers one group's due alerts (oldest first): the first opens the ticket when the group has no open one,
 * every other repeat goes into ONE note. Throws on failure; the caller records it on what is still queued.
 */
export async function deliverGroup(
  d: DeliveryDeps,
  events: AlertEventRow[],
  where: GroupTarget,
  memory: CycleMemory
): Promise<GroupCounts> {
  const { ctx, connector } = d
  const at = () => ctx.now().toISOString()
  const out: GroupCounts = { ticketsCreated: 0, notesAdded: 0, suppressed: 0 }
  const key = events[0]!.group_key
  const group = loadGroup(ctx.db, key)
  const rulesOf = rulesOfGroup(d, where.orgName)
  let pending: AlertEventRow[] = []
  for (const e of events) {
    if (!rulesOf(e).enabled) setEventState(ctx.db, e, 'disabled')
    else if (group?.snoozed_until && e.occurred_at < group.snoozed_until) {
      setEventState(ctx.db, e, 'suppressed', { delivery: 'none', at: at() })
      out.suppressed++
    } else pending.push(e)
  }

  // Notes whose outcome we never learned (lost reply, timeout, crash between the POST and the record): look
  // first; a timed-out POST found missing is only re-sent once it can no longer land (mayStillLand).
  const sent = new Map<string, AlertEventRow[]>()
  for (const e of pending) if (e.note_marker) sent.set(e.note_marker, [...(sent.get(e.note_marker) ?? []), e])
  for (const [marker, evs] of sent) {
    const ticketId = evs[0]!.ticket_id
    if (ticketId && (await connector.hasNoteWithMarker(ticketId, marker))) {
      setEventsState(ctx.db, evs, 'delivered', { delivery: 'note', ticketId, at: at() })
      out.notesAdded++
      pending = pending.filter((e) => e.note_marker !== marker)
    } else if (mayStillLand(events, ctx.now())) return out
    else clearNoteIntent(ctx.db, marker)
  }
  if (!pending.length) return out

  let ticketId: string | null = null
  const cur = currentTicket(ctx.db, d.psa, key)
  // A create whose outcome we never learned (timeout, 5xx, lost reply, crash): look before creating again.
  if (cur?.state === 'creating') {
    const found = await connector.findTicketByMarker(cur.customer_id, cur.marker)
    // A timed-out create may still land: absent now proves nothing yet; look again in a later cycle.
    if (!found && mayStillLand(events, ctx.now())) return out
    // Never created: retry with the same marker, unless the org now belongs to another customer (or none).
    const ref =
      found ?? (cur.customer_id === where.customer ? await create(d, pending.slice(0, 1), cur, where.orgName) : null)
    if (ref) {
      if (found) opened(d, pending.slice(0, 1), cur, found)
      memory.ticketOpen.set(ref.id, true)
      out.ticketsCreated++
      pending = pending.slice(1)
      if (cur.customer_id === where.customer) ticketId = ref.id
    }
  }
  // Only the ticket of the org's current customer takes notes: after a re-mapping (or a catch-all change) a
  // repeat must not land on a former customer's ticket, where the wrong client may read it.
  if (!ticketId && pending.length && cur?.state === 'open' && cur.ticket_id && cur.customer_id === where.customer) {
    let open = memory.ticketOpen.get(cur.ticket_id)
    if (open === undefined) {
      open = (await connector.getTicket(cur.ticket_id))?.open ?? false
      memory.ticketOpen.set(cur.ticket_id, open)
    }
    if (open && group?.acknowledged_at) {
      setEventsState(ctx.db, pending, 'suppressed', { delivery: 'none', ticketId: cur.ticket_id, at: at() })
      out.suppressed += pending.length
      return out
    }
    if (open) ticketId = cur.ticket_id
    else {
      markTicketClosed(ctx.db, cur.id, at())
      // A closed ticket ends the acknowledgement: the next occurrence deserves attention again.
      if (group?.acknowledged_at) upsertGroup(ctx.db, key, { acknowledged_at: null, acknowledged_by: null })
    }
  }
  if (!pending.length) return out
  if (!ticketId) {
    if (!where.customer) {
      setEventsState(ctx.db, pending, 'waiting-mapping')
      return out
    }
    const ref = await createFresh(d, pending.slice(0, 1), key, where)
    memory.ticketOpen.set(ref.id, true)
    out.ticketsCreated++
    pending = pending.slice(1)
    ticketId = ref.id
  }
  if (!pending.length) return out

  // Every other repeat of this cycle: one note, its marker on disk before the request.
  const marker = `psa-bridge:note ${randomBytes(8).toString('hex')}`
  markNoteIntent(ctx.db, pending, marker, ticketId)
  try {
    await connector.addTicketNote(ticketId, noteFor(rulesOf, pending, marker))
  } catch (err) {
    // Not allowed to add notes: a new ticket listing the repeats rather than lost alerts.
    if (!(isAppError(err) && err.code === 'permission')) throw err
    ctx.log.warn('adding a note was refused; opening a new ticket instead', { ticketId })
    clearNoteIntent(ctx.db, marker)
    const ref = await createFresh(d, pending, key, where)
    memory.ticketOpen.set(ref.id, true)
    out.ticketsCreated++
    return out
  }
  setEventsState(ctx.db, pending, 'delivered', { delivery: 'note', ticketId, at: at() })
  out.notesAdded++
  return out
}

/** A new ticket for `events` (the first opens it, any others are listed in its body): intent first. */
async function createFresh(
  d: DeliveryDeps,
  events: AlertEventRow[],
  groupKey: string,
  where: GroupTarget
): Promise<PsaTicketRef> {
  const intent = insertIntent(d.ctx.db, {
    psa: d.psa,
    groupKey,
    customerId: where.customer!,
    marker: newMarker(),
    isTest: false,
    at: d.ctx.now().toISOString()
  })
  return create(d, events, intent, where.orgName)
}

async function create(
  d: DeliveryDeps,
  events: AlertEventRow[],
  intent: AlertTicketDbRow,
  orgName: string
): Promise<PsaTicketRef> {
  const rulesOf = rulesOfGroup(d, orgName)
  const ticket = await ticketFrom(d, rulesOf(events[0]!), intent)
  if (events.length > 1) {
    const also = noteFor(rulesOf, events.slice(1), intent.marker).body
    ticket.body = `${ticket.body}\n\nAlso reported:\n${also}`
  }
  const ref = await d.connector.createTicket(ticket)
  opened(d, events, intent, ref)
  return ref
}

function opened(d: DeliveryDeps, events: AlertEventRow[], intent: AlertTicketDbRow, ref: PsaTicketRef): void {
  const at = d.ctx.now().toISOString()
  d.ctx.db.transaction(() => {
    markTicketOpen(d.ctx.db, intent.id, ref, at)
    for (const e of events) setEventState(d.ctx.db, e, 'delivered', { delivery: 'ticket', ticketId: ref.id, at })
    const e = events[0]!
    recordActivity(d.ctx.db, {
      actor: 'ticketing',
      action: 'ticket.created',
      at,
      detail: {
        psa: d.psa,
        ticketId: ref.id,
        ticketNumber: ref.number ?? null,
        customerId: intent.customer_id,
        groupKey: e.group_key,
        alertType: e.alert_type,
        eventId: e.event_id
      }
    })
  })()
}
