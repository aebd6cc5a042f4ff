// Billing: usage snapshots (the HWM is computed from them), billing mappings to a PSA target
// (Syncro schedule line item / Autotask contract service), sync runs and every item they touched.
export default `
CREATE TABLE usage_snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('users', 'devices')),
  count INTEGER NOT NULL CHECK (count >= 0),
  taken_at TEXT NOT NULL
);
CREATE INDEX usage_snapshots_org ON usage_snapshots (org_id, metric, taken_at);

CREATE TABLE billing_mappings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  container_id TEXT NOT NULL,
  container_name TEXT NOT NULL,
  item_id TEXT NOT NULL,
  item_name TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('users', 'devices')),
  non_billable INTEGER NOT NULL DEFAULT 0 CHECK (non_billable >= 0),
  unit_cost TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  last_sync_at TEXT,
  last_sync_result TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (psa_kind, container_id, item_id)
);
CREATE INDEX billing_mappings_org ON billing_mappings (org_id);

CREATE TABLE decrease_approvals (
  mapping_id INTEGER NOT NULL REFERENCES billing_mappings (id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  to_quantity INTEGER NOT NULL,
  approved_at TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  PRIMARY KEY (mapping_id, month)
);

CREATE TABLE sync_runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('billing', 'alerts')),
  trigger TEXT NOT NULL,
  dry_run INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  counts_json TEXT NOT NULL DEFAULT '{}',
  error TEXT
);
CREATE INDEX sync_runs_started ON sync_runs (started_at);

CREATE TABLE sync_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  mapping_id INTEGER,
  org_id TEXT NOT NULL,
  target TEXT NOT NULL,
  old_quantity INTEGER,
  new_quantity INTEGER,
  action TEXT NOT NULL,
  result TEXT NOT NULL,
  error TEXT,
  at TEXT NOT NULL
);
CREATE INDEX sync_items_run ON sync_items (run_id);
`
