// Orgs carry their source end to end. Event ids are unique only within their source (two sources' ids
// could collide), so `alert_events` is keyed by (source_kind, event_id): the table is rebuilt (foreign keys
// off, see Migration.rebuild) with every row and column kept. A PSA customer can be ignored (left out of
// suggestions and pickers for every source). Billing mappings and run items name their org's source too; rows
// written before orgs carried their source are JumpCloud's (the only source there was).
export default `
CREATE TABLE alert_events_new (
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
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
  note_marker TEXT,
  PRIMARY KEY (source_kind, event_id)
);
INSERT INTO alert_events_new (source_kind, event_id, org_id, alert_type, event_type, occurred_at, subject_user,
  subject_device, detail_json, group_key, state, delivery, attempts, next_attempt_at, last_error, ticket_id,
  received_at, delivered_at, note_marker)
SELECT source_kind, event_id, org_id, alert_type, event_type, occurred_at, subject_user, subject_device, detail_json,
  group_key, state, delivery, attempts, next_attempt_at, last_error, ticket_id, received_at, delivered_at, note_marker
FROM alert_events;
DROP TABLE alert_events;
ALTER TABLE alert_events_new RENAME TO alert_events;
CREATE INDEX alert_events_state ON alert_events (state, next_attempt_at);
CREATE INDEX alert_events_group ON alert_events (group_key, occurred_at);

ALTER TABLE psa_customers ADD COLUMN ignored INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_items ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'jumpcloud';
ALTER TABLE billing_write_intents ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'jumpcloud';
`
