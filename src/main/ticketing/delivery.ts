import { randomBytes } from 'node:crypto'
import type { NewTicket, PsaConnector, PsaKind, PsaTicketRef, TicketMetadata } from '../connectors/types'
import type { AppContext } from '../core/context'
import { recordActivity } from '../core/activity'
import { loadOrgs } from '../customers/store'
import { isAppError } from '../../shared/errors'
import type { AlertType, TicketingSettings } from '../../shared/contract/ticketing'
import { alertTypeDef } from './alert-types'
import { customerRouter } from './routing'
import { assertFieldsValid, resolveFields } from './settings'
import { markerLine, render, type TemplateValues } from './templates'
import {
  currentTicket,
  eventsInState,
  insertIntent,
  loadGroup,
  markTicketClosed,
  markTicketOpen,
  recordFailure,
  setEventState,
  upsertGroup,
  type AlertEventRow,
  type AlertTicketDbRow
} from './store'

/** Retry delays: 30 s doubling per attempt, at most 30 min. Queued alerts are never dropped. */
export const BACKOFF_BASE_MS = 30_000
export const BACKOFF_MAX_MS = 30 * 60_000

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts, 20))
}

export interface DeliveryCounts {
  ticketsCreated: number
  notesAdded: number
  suppressed: number
  failed: number
}

export interface DeliveryDeps {
  ctx: AppContext
  psa: PsaKind
  connector: PsaConnector
  settings: TicketingSettings
  metadata: () => Promise<TicketMetadata>
}

export function newMarker(): string {
  return `psa-bridge:${randomBytes(8).toString('hex')}`
}

/**
 * Delivers every due queued alert, oldest first within each group; a failure stops its group for
 * this cycle (later repeats must not overtake the alert that opens the ticket).
 */
export async function deliverQueued(d: DeliveryDeps, opts: { retryNow: boolean }): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { ticketsCreated: 0, notesAdded: 0, suppressed: 0, failed: 0 }
  const groups = new Map<string, AlertEventRow[]>()
  for (const e of eventsInState(d.ctx.db, 'queued')) groups.set(e.group_key, [...(groups.get(e.group_key) ?? []), e])
  const orgNames = new Map(loadOrgs(d.ctx.db).map((o) => [o.id, o.name]))
  const route = customerRouter(d.ctx.db, d.psa)
  const now = () => d.ctx.now().toISOString()
  for (const events of groups.values()) {
    for (const e of events) {
      if (!opts.retryNow && e.next_attempt_at && e.next_attempt_at > now()) break
      try {
        const outcome = await deliverOne(d, e, {
          orgName: orgNames.get(e.org_id) ?? e.org_id,
          customer: route(e.org_id)?.customerId ?? null
        })
        if (outcome === 'ticket') counts.ticketsCreated++
        else if (outcome === 'note') counts.notesAdded++
        else if (outcome === 'suppressed') counts.suppressed++
      } catch (err) {
        counts.failed++
        const message = isAppError(err)
          ? `${err.code}: ${err.message}`
          : err instanceof Error
            ? err.message
            : String(err)
        recordFailure(
          d.ctx.db,
          e.event_id,
          message,
          new Date(d.ctx.now().getTime() + backoffMs(e.attempts)).toISOString()
        )
        d.ctx.log.warn('alert delivery failed; will retry', {
          eventId: e.event_id,
          attempts: e.attempts + 1,
          error: message
        })
        break
      }
    }
  }
  return counts
}

type Outcome = 'ticket' | 'note' | 'suppressed' | 'waiting' | 'disabled'

async function deliverOne(
  d: DeliveryDeps,
  e: AlertEventRow,
  where: { orgName: string; customer: string | null }
): Promise<Outcome> {
  const { ctx, connector } = d
  const at = () => ctx.now().toISOString()
  if (!d.settings.types[e.alert_type].enabled) {
    setEventState(ctx.db, e.event_id, 'disabled')
    return 'disabled'
  }
  const group = loadGroup(ctx.db, e.group_key)
  if (group?.snoozed_until && e.occurred_at < group.snoozed_until) {
    setEventState(ctx.db, e.event_id, 'suppressed', { delivery: 'none', at: at() })
    return 'suppressed'
  }
  const values = templateValues(e, where.orgName)
  const cur = currentTicket(ctx.db, d.psa, e.group_key)

  // A create whose outcome we never learned (timeout, 5xx, lost reply, crash): look before creating again.
  if (cur?.state === 'creating') {
    const found = await connector.findTicketByMarker(cur.customer_id, cur.marker)
    if (found) return opened(d, e, cur, found)
    // Never created: retry with the same marker, unless the org now belongs to another customer (or none).
    if (cur.customer_id === where.customer) return createTicket(d, e, cur, values)
  }
  // Only the ticket of the org's current customer takes notes: after a re-mapping (or a catch-all change) a
  // repeat must not land on a former customer's ticket, where the wrong client may read it.
  if (cur?.state === 'open' && cur.ticket_id && cur.customer_id === where.customer) {
    const state = await connector.getTicket(cur.ticket_id)
    if (state?.open) {
      if (group?.acknowledged_at) {
        setEventState(ctx.db, e.event_id, 'suppressed', { delivery: 'none', ticketId: cur.ticket_id, at: at() })
        return 'suppressed'
      }
      const noteMarker = `psa-bridge:event ${e.event_id}`
      // A retry after an unknown outcome (timeout, 5xx, lost reply): the note may already be there.
      if (e.attempts > 0 && (await connector.hasNoteWithMarker(cur.ticket_id, noteMarker))) {
        setEventState(ctx.db, e.event_id, 'delivered', { delivery: 'note', ticketId: cur.ticket_id, at: at() })
        return 'note'
      }
      try {
        await connector.addTicketNote(cur.ticket_id, {
          title: render(d.settings.note.title, values),
          body: `${render(d.settings.note.template, values)}\n\n${markerLine(noteMarker)}`,
          internal: d.settings.note.visibility === 'internal'
        })
        setEventState(ctx.db, e.event_id, 'delivered', { delivery: 'note', ticketId: cur.ticket_id, at: at() })
        return 'note'
      } catch (err) {
        // Not allowed to add notes: a new ticket rather than a lost alert.
        if (!(isAppError(err) && err.code === 'permission')) throw err
        ctx.log.warn('adding a note was refused; opening a new ticket instead', { ticketId: cur.ticket_id })
      }
    } else {
      markTicketClosed(ctx.db, cur.id, at())
      // A closed ticket ends the acknowledgement: the next occurrence deserves attention again.
      if (group?.acknowledged_at) upsertGroup(ctx.db, e.group_key, { acknowledged_at: null, acknowledged_by: null })
    }
  }
  if (!where.customer) {
    setEventState(ctx.db, e.event_id, 'waiting-mapping')
    return 'waiting'
  }
  const intent = insertIntent(ctx.db, {
    psa: d.psa,
    groupKey: e.group_key,
    customerId: where.customer,
    marker: newMarker(),
    isTest: false,
    at: at()
  })
  return createTicket(d, e, intent, values)
}

async function createTicket(
  d: DeliveryDeps,
  e: AlertEventRow,
  intent: AlertTicketDbRow,
  values: TemplateValues
): Promise<Outcome> {
  const ticket = await buildTicket(d, e.alert_type, intent, values)
  const ref = await d.connector.createTicket(ticket)
  return opened(d, e, intent, ref)
}

function opened(d: DeliveryDeps, e: AlertEventRow, intent: AlertTicketDbRow, ref: PsaTicketRef): Outcome {
  const at = d.ctx.now().toISOString()
  d.ctx.db.transaction(() => {
    markTicketOpen(d.ctx.db, intent.id, ref, at)
    setEventState(d.ctx.db, e.event_id, 'delivered', { delivery: 'ticket', ticketId: ref.id, at })
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
  return 'ticket'
}

/** The create request for an alert type: override → defaults, checked against the PSA's lists. */
export async function buildTicket(
  d: Pick<DeliveryDeps, 'ctx' | 'settings' | 'metadata'>,
  type: AlertType,
  intent: Pick<AlertTicketDbRow, 'customer_id' | 'marker'>,
  values: TemplateValues,
  subjectPrefix = ''
): Promise<NewTicket> {
  const f = resolveFields(d.settings, type)
  assertFieldsValid(type, f, await d.metadata())
  const opt = (v: string | null) => v ?? undefined
  return {
    customerId: intent.customer_id,
    subject: `${subjectPrefix}${render(d.settings.subjectTemplate, values)}`,
    body: `${render(d.settings.bodyTemplate, values)}\n\n${markerLine(intent.marker)}`,
    marker: intent.marker,
    status: opt(f.status),
    priority: opt(f.priority),
    issueType: opt(f.issueType),
    subIssueType: opt(f.subIssueType),
    queue: opt(f.queue),
    source: opt(f.source),
    technicianId: opt(f.technicianId),
    dueDate: f.daysDue !== null ? new Date(d.ctx.now().getTime() + f.daysDue * 86_400_000) : undefined
  }
}

export function templateValues(
  e: Pick<AlertEventRow, 'alert_type' | 'subject_user' | 'subject_device' | 'occurred_at'>,
  orgName: string
): TemplateValues {
  const def = alertTypeDef(e.alert_type)
  const user = e.subject_user ?? 'n/a'
  const device = e.subject_device ?? 'n/a'
  const primary = def.subject === 'device' ? (e.subject_device ?? e.subject_user) : (e.subject_user ?? e.subject_device)
  return { org: orgName, user, device, subject: primary ?? 'n/a', alertType: def.label, time: e.occurred_at }
}
