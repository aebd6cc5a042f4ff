import type { PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { loadCustomers, loadOrgs } from '../customers/store'
import type { AlertList, AlertState, AlertTicketRow } from '../../shared/contract/ticketing'
import { alertLabel } from './alert-rules'
import type { AlertEventRow, AlertTicketDbRow } from './store'

// Read models for the Ticketing and Activity screens and the CLI. A source filter applies to the rows and
// the counts alike.

const ageSeconds = (from: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 1000))

export function alertList(
  db: Db,
  psa: PsaKind | null,
  now: Date,
  q: { state?: AlertState; source?: SourceKind; limit: number }
): AlertList {
  const src = q.source ? [q.source] : []
  const where = [...(q.state ? ['e.state = ?'] : []), ...(q.source ? ['e.source_kind = ?'] : [])]
  const rows = db
    .prepare(
      `SELECT e.*, t.ticket_number AS t_number, t.ticket_url AS t_url FROM alert_events e
       LEFT JOIN alert_tickets t ON t.ticket_id = e.ticket_id AND t.psa_kind = ?
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT ?`
    )
    .all(...[psa ?? '', ...(q.state ? [q.state] : []), ...src, q.limit]) as Array<
    AlertEventRow & { t_number: string | null; t_url: string | null }
  >
  // Org ids are per source: names are looked up by (source, id).
  const orgNames = new Map<string, string>()
  for (const kind of new Set(rows.map((r) => r.source_kind)))
    for (const o of loadOrgs(db, kind)) orgNames.set(`${kind}|${o.id}`, o.name)
  const counts = Object.fromEntries(
    (
      db
        .prepare(
          `SELECT state, COUNT(*) AS n FROM alert_events ${q.source ? 'WHERE source_kind = ?' : ''} GROUP BY state`
        )
        .all(...src) as Array<{
        state: AlertState
        n: number
      }>
    ).map((r) => [r.state, r.n])
  ) as Partial<Record<AlertState, number>>
  const oldest = db
    .prepare(
      `SELECT MIN(occurred_at) AS at FROM alert_events WHERE state = 'queued' ${q.source ? 'AND source_kind = ?' : ''}`
    )
    .get(...src) as {
    at: string | null
  }
  return {
    alerts: rows.map((r) => ({
      eventId: r.event_id,
      source: r.source_kind,
      orgId: r.org_id,
      orgName: orgNames.get(`${r.source_kind}|${r.org_id}`) ?? null,
      alertType: r.alert_type,
      alertLabel: alertLabel(r.alert_type),
      eventType: r.event_type,
      occurredAt: r.occurred_at,
      user: r.subject_user,
      device: r.subject_device,
      groupKey: r.group_key,
      state: r.state,
      delivery: r.delivery,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      ticketId: r.ticket_id,
      ticketNumber: r.t_number,
      ticketUrl: r.t_url,
      receivedAt: r.received_at,
      deliveredAt: r.delivered_at,
      ageSeconds: ageSeconds(r.occurred_at, now)
    })),
    counts: {
      queued: counts.queued ?? 0,
      delivered: counts.delivered ?? 0,
      waitingMapping: counts['waiting-mapping'] ?? 0,
      suppressed: counts.suppressed ?? 0,
      disabled: counts.disabled ?? 0,
      attention: counts.attention ?? 0
    },
    oldestQueuedSeconds: oldest.at ? ageSeconds(oldest.at, now) : null
  }
}

export function alertTickets(db: Db, limit: number): AlertTicketRow[] {
  const rows = db
    .prepare(
      `SELECT t.*, g.snoozed_until, g.acknowledged_at,
         (SELECT COUNT(*) FROM alert_events e WHERE e.ticket_id = t.ticket_id AND e.group_key = t.group_key AND e.state = 'delivered') AS alerts
       FROM alert_tickets t LEFT JOIN alert_groups g ON g.group_key = t.group_key ORDER BY t.id DESC LIMIT ?`
    )
    .all(limit) as Array<
    AlertTicketDbRow & { snoozed_until: string | null; acknowledged_at: string | null; alerts: number }
  >
  const names = new Map<string, Map<string, string>>()
  const nameOf = (psa: PsaKind, id: string) => {
    if (!names.has(psa)) names.set(psa, new Map(loadCustomers(db, psa).map((c) => [c.id, c.name])))
    return names.get(psa)!.get(id) ?? null
  }
  return rows.map((r) => ({
    groupKey: r.group_key,
    customerId: r.customer_id,
    customerName: nameOf(r.psa_kind, r.customer_id),
    psa: r.psa_kind,
    state: r.state,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    ticketUrl: r.ticket_url,
    isTest: r.is_test === 1,
    createdAt: r.created_at,
    alerts: r.alerts,
    snoozedUntil: r.snoozed_until,
    acknowledgedAt: r.acknowledged_at
  }))
}
