// Alerts that can never be delivered until a setting changes are parked as 'attention' (not retried
// forever), and a note's exactly-once marker is recorded on its events before the note is sent (a crash
// between the POST and the record is resolved by looking for the marker). The CHECK on `state` changes,
// so the table is rebuilt (with foreign keys off, see Migration.rebuild).
export default `
CREATE TABLE alert_events_new (
  event_id TEXT PRIMARY KEY,
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  alert_type TEXT NOT NULL,
  event_type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  subject_user TEXT,
  subject_device TEXT,
  detail_json TEXT NOT NULL,
  group_key TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'waiting-mapping', 'suppressed', 'disabled', 'attention')),
  delivery TEXT CHECK (delivery IN ('ticket', 'note', 'none')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  ticket_id TEXT,
  received_at TEXT NOT NULL,
  delivered_at TEXT,
  note_marker TEXT
);
INSERT INTO alert_events_new (event_id, source_kind, org_id, alert_type, event_type, occurred_at, subject_user,
  subject_device, detail_json, group_key, state, delivery, attempts, next_attempt_at, last_error, ticket_id,
  received_at, delivered_at)
SELECT event_id, source_kind, org_id, alert_type, event_type, occurred_at, subject_user, subject_device, detail_json,
  group_key, state, delivery, attempts, next_attempt_at, last_error, ticket_id, received_at, delivered_at
FROM alert_events;
DROP TABLE alert_events;
ALTER TABLE alert_events_new RENAME TO alert_events;
CREATE INDEX alert_events_state ON alert_events (state, next_attempt_at);
CREATE INDEX alert_events_group ON alert_events (group_key, occurred_at);
`
