// Usage HWM kept as samples arrive (issue 12): one row per org/metric/month and per org/metric/day in the billing
// zone, updated in the same transaction as the raw sample. Raw samples stay (usage_snapshots, now with their
// origin) for a bounded audit window; the app fills these tables from them on first start (no sample is lost).
export default `
ALTER TABLE usage_snapshots ADD COLUMN origin TEXT NOT NULL DEFAULT 'sync';
CREATE INDEX usage_snapshots_taken ON usage_snapshots (taken_at);

CREATE TABLE usage_hwm_months (
  month TEXT NOT NULL,
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('users', 'devices')),
  hwm INTEGER NOT NULL CHECK (hwm >= 0),
  points INTEGER NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  peak_at TEXT NOT NULL,
  PRIMARY KEY (month, source_kind, org_id, metric)
) WITHOUT ROWID;
CREATE INDEX usage_hwm_months_org ON usage_hwm_months (source_kind, org_id, month);

CREATE TABLE usage_hwm_days (
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  day TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('users', 'devices')),
  hwm INTEGER NOT NULL CHECK (hwm >= 0),
  points INTEGER NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  peak_at TEXT NOT NULL,
  PRIMARY KEY (source_kind, org_id, day, metric)
) WITHOUT ROWID;
CREATE INDEX usage_hwm_days_day ON usage_hwm_days (day);
`
