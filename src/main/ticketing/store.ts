import type { PsaKind, SourceEvent, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import type { AlertState, AlertType } from '../../shared/contract/ticketing'
import type { Severity } from '../../shared/contract/severity-ticketing'

// SQL of the ticketing tables (migration 004). Times are ISO strings, so they compare as text.

export interface AlertEventRow {
  event_id: string
  source_kind: SourceKind
  org_id: string
  /** A fixed alert type (JumpCloud), or the severity of a source that alerts by severity. */
  alert_type: AlertType | Severity
  event_type: string
  occurred_at: string
  subject_user: string | null
  subject_device: string | null
  detail_json: string
  group_key: string
  state: AlertState
  delivery: 'ticket' | 'note' | 'none' | null
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  ticket_id: string | null
  received_at: string
  delivered_at: string | null
  /** The marker of the note this event was sent in (recorded before the request; null = not sent in a note yet). */
  note_marker: string | null
}

export interface AlertTicketDbRow {
  id: number
  psa_kind: PsaKind
  group_key: string
  customer_id: string
  marker: string
  state: 'creating' | 'open' | 'closed'
  ticket_id: string | null
  ticket_number: string | null
  ticket_url: string | null
  is_test: number
  intent_at: string
  created_at: string | null
  closed_at: string | null
}

/** INSERT OR IGNORE by event id: an event seen twice (overlapping windows) is processed once. */
export function insertEvent(
  db: Db,
  e: SourceEvent,
  a: {
    alertType: AlertType | Severity
    groupKey: string
    state: AlertState
    receivedAt: string
    sourceKind: SourceKind
  }
): boolean {
  const detail = JSON.stringify({
    message: e.message ?? null,
    severity: e.severity ?? null,
    initiatedBy: e.initiatedBy ?? null,
    deviceId: e.deviceId ?? null
  })
  const r = db
    .prepare(
      `INSERT OR IGNORE INTO alert_events (event_id, source_kind, org_id, alert_type, event_type, occurred_at, subject_user,
         subject_device, detail_json, group_key, state, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      e.id,
      a.sourceKind,
      e.orgId,
      a.alertType,
      e.eventType,
      e.timestamp,
      e.user ?? null,
      e.device ?? null,
      detail,
      a.groupKey,
      a.state,
      a.receivedAt
    )
  return r.changes === 1
}

export function eventsInState(db: Db, state: AlertState): AlertEventRow[] {
  return db
    .prepare('SELECT * FROM alert_events WHERE state = ? ORDER BY occurred_at, event_id')
    .all(state) as AlertEventRow[]
}

/** An alert event by its key: event ids are unique per source only (migration 14), so every update names both. */
export type EventKey = Pick<AlertEventRow, 'source_kind' | 'event_id'>

export function setEventState(
  db: Db,
  key: EventKey,
  state: AlertState,
  extra: { delivery?: 'ticket' | 'note' | 'none'; ticketId?: string | null; at?: string } = {}
): void {
  db.prepare(
    `UPDATE alert_events SET state = ?, delivery = COALESCE(?, delivery), ticket_id = COALESCE(?, ticket_id),
       delivered_at = CASE WHEN ? = 'delivered' OR ? = 'suppressed' THEN ? ELSE delivered_at END,
       last_error = CASE WHEN ? = 'delivered' THEN NULL ELSE last_error END, next_attempt_at = NULL
     WHERE source_kind = ? AND event_id = ?`
  ).run(
    state,
    extra.delivery ?? null,
    extra.ticketId ?? null,
    state,
    state,
    extra.at ?? null,
    state,
    key.source_kind,
    key.event_id
  )
}

export function recordFailure(db: Db, key: EventKey, error: string, nextAttemptAt: string): void {
  db.prepare(
    'UPDATE alert_events SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE source_kind = ? AND event_id = ?'
  ).run(error, nextAttemptAt, key.source_kind, key.event_id)
}

/**
 * Step 1 of an exactly-once note: the events it lists carry its marker (and the ticket) on disk before the
 * request, so whatever happens next (lost reply, crash) the retry looks for the marker first.
 */
export function markNoteIntent(db: Db, events: EventKey[], marker: string, ticketId: string): void {
  const st = db.prepare('UPDATE alert_events SET note_marker = ?, ticket_id = ? WHERE source_kind = ? AND event_id = ?')
  db.transaction(() => {
    for (const e of events) st.run(marker, ticketId, e.source_kind, e.event_id)
  })()
}

/** The note was never created (its marker is not on the ticket): its events are plain queued alerts again. */
export function clearNoteIntent(db: Db, marker: string): void {
  db.prepare(
    `UPDATE alert_events SET note_marker = NULL, ticket_id = NULL WHERE note_marker = ? AND state <> 'delivered'`
  ).run(marker)
}

export function setEventsState(
  db: Db,
  events: EventKey[],
  state: AlertState,
  extra: { delivery?: 'ticket' | 'note' | 'none'; ticketId?: string | null; at?: string } = {}
): void {
  db.transaction(() => {
    for (const e of events) setEventState(db, e, state, extra)
  })()
}

/** Alerts that cannot succeed until a setting changes: kept with what to change, not retried by themselves. */
export function parkForAttention(db: Db, events: EventKey[], reason: string): void {
  const st = db.prepare(
    `UPDATE alert_events SET state = 'attention', last_error = ?, next_attempt_at = NULL
     WHERE source_kind = ? AND event_id = ?`
  )
  db.transaction(() => {
    for (const e of events) st.run(reason, e.source_kind, e.event_id)
  })()
}

/** After a setting changed (or "Retry now"): parked alerts get another chance, first in line. */
export function requeueAttention(db: Db): number {
  return db.prepare(`UPDATE alert_events SET state = 'queued', next_attempt_at = NULL WHERE state = 'attention'`).run()
    .changes
}

export function attentionSummary(db: Db): { count: number; reason: string | null } {
  const r = db
    .prepare(
      `SELECT COUNT(*) AS n, (SELECT last_error FROM alert_events WHERE state = 'attention' ORDER BY occurred_at LIMIT 1) AS reason
       FROM alert_events WHERE state = 'attention'`
    )
    .get() as { n: number; reason: string | null }
  return { count: r.n, reason: r.reason }
}

/** Of these events, the ones still queued, oldest first (what a failed delivery leaves behind). */
export function stillQueued(db: Db, events: EventKey[]): AlertEventRow[] {
  const st = db.prepare(`SELECT * FROM alert_events WHERE source_kind = ? AND event_id = ? AND state = 'queued'`)
  return events
    .map((e) => st.get(e.source_kind, e.event_id) as AlertEventRow | undefined)
    .filter((e): e is AlertEventRow => !!e)
    .sort((a, b) =>
      a.occurred_at === b.occurred_at ? a.event_id.localeCompare(b.event_id) : a.occurred_at < b.occurred_at ? -1 : 1
    )
}

export function countInState(db: Db, state: AlertState): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM alert_events WHERE state = ?').get(state) as { n: number }).n
}

/** The group's current ticket (latest intent) for this PSA, test tickets excluded. */
export function currentTicket(db: Db, psa: PsaKind, groupKey: string): AlertTicketDbRow | undefined {
  return db
    .prepare(
      'SELECT * FROM alert_tickets WHERE psa_kind = ? AND group_key = ? AND is_test = 0 ORDER BY id DESC LIMIT 1'
    )
    .get(psa, groupKey) as AlertTicketDbRow | undefined
}

/** Step 1 of exactly-once: the intent, with its unique marker, is on disk before the create request. */
export function insertIntent(
  db: Db,
  t: { psa: PsaKind; groupKey: string; customerId: string; marker: string; isTest: boolean; at: string }
): AlertTicketDbRow {
  const r = db
    .prepare(
      `INSERT INTO alert_tickets (psa_kind, group_key, customer_id, marker, state, is_test, intent_at)
       VALUES (?, ?, ?, ?, 'creating', ?, ?)`
    )
    .run(t.psa, t.groupKey, t.customerId, t.marker, t.isTest ? 1 : 0, t.at)
  return db.prepare('SELECT * FROM alert_tickets WHERE id = ?').get(r.lastInsertRowid) as AlertTicketDbRow
}

/** Drops an intent whose create the PSA refused outright (nothing exists to find by its marker). */
export function deleteIntent(db: Db, id: number): void {
  db.prepare(`DELETE FROM alert_tickets WHERE id = ? AND state = 'creating'`).run(id)
}

export function markTicketOpen(
  db: Db,
  id: number,
  ref: { id: string; number?: string; url?: string },
  at: string
): void {
  db.prepare(
    `UPDATE alert_tickets SET state = 'open', ticket_id = ?, ticket_number = ?, ticket_url = ?, created_at = ? WHERE id = ?`
  ).run(ref.id, ref.number ?? null, ref.url ?? null, at, id)
}

export function markTicketClosed(db: Db, id: number, at: string): void {
  db.prepare(`UPDATE alert_tickets SET state = 'closed', closed_at = ? WHERE id = ?`).run(at, id)
}

export interface GroupRow {
  group_key: string
  snoozed_until: string | null
  acknowledged_at: string | null
  acknowledged_by: string | null
}

export function loadGroup(db: Db, groupKey: string): GroupRow | undefined {
  return db.prepare('SELECT * FROM alert_groups WHERE group_key = ?').get(groupKey) as GroupRow | undefined
}

export function upsertGroup(db: Db, groupKey: string, patch: Partial<Omit<GroupRow, 'group_key'>>): void {
  const cur = loadGroup(db, groupKey) ?? {
    group_key: groupKey,
    snoozed_until: null,
    acknowledged_at: null,
    acknowledged_by: null
  }
  const next = { ...cur, ...patch }
  db.prepare(
    `INSERT INTO alert_groups (group_key, snoozed_until, acknowledged_at, acknowledged_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (group_key) DO UPDATE SET snoozed_until = excluded.snoozed_until, acknowledged_at = excluded.acknowledged_at,
       acknowledged_by = excluded.acknowledged_by`
  ).run(groupKey, next.snoozed_until, next.acknowledged_at, next.acknowledged_by)
}

export function groupExists(db: Db, groupKey: string): boolean {
  return !!db.prepare('SELECT 1 FROM alert_events WHERE group_key = ? LIMIT 1').get(groupKey)
}
