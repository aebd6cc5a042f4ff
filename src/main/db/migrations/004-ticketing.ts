// Ticketing: every Directory Insights event we took in (by its id: processed once, whatever
// happens), the ticket of each alert group, and the delivery queue that survives restarts.
export default `
CREATE TABLE alert_events (
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
  state TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'waiting-mapping', 'suppressed', 'disabled')),
  delivery TEXT CHECK (delivery IN ('ticket', 'note', 'none')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  ticket_id TEXT,
  received_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX alert_events_state ON alert_events (state, next_attempt_at);
CREATE INDEX alert_events_group ON alert_events (group_key, occurred_at);

CREATE TABLE alert_tickets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  group_key TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  marker TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('creating', 'open', 'closed')),
  ticket_id TEXT,
  ticket_number TEXT,
  ticket_url TEXT,
  is_test INTEGER NOT NULL DEFAULT 0,
  intent_at TEXT NOT NULL,
  created_at TEXT,
  closed_at TEXT
);
CREATE INDEX alert_tickets_group ON alert_tickets (psa_kind, group_key, state);

CREATE TABLE alert_groups (
  group_key TEXT PRIMARY KEY,
  snoozed_until TEXT,
  acknowledged_at TEXT,
  acknowledged_by TEXT
);
`
