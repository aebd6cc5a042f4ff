// Customers: the organizations (source) and PSA customers as last refreshed, the org → customer
// mappings with their history, and small key/value settings. Keys are remote ids, never names,
// so a customer renamed in the PSA keeps its mapping; one that vanished is marked, not dropped.
export default `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE source_orgs (
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  ignored INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  missing_since TEXT,
  refreshed_at TEXT NOT NULL,
  PRIMARY KEY (source_kind, id)
);

CREATE TABLE psa_customers (
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  missing_since TEXT,
  refreshed_at TEXT NOT NULL,
  PRIMARY KEY (psa_kind, id)
);
CREATE INDEX psa_customers_name ON psa_customers (psa_kind, name);

CREATE TABLE org_mappings (
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  customer_id TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggestion', 'created')),
  score REAL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (source_kind, org_id, psa_kind)
);
CREATE INDEX org_mappings_customer ON org_mappings (psa_kind, customer_id);

CREATE TABLE mapping_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  action TEXT NOT NULL,
  old_customer_id TEXT,
  new_customer_id TEXT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE INDEX mapping_history_org ON mapping_history (org_id, at);
`
