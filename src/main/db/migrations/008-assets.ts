// Assets: the source's devices and the PSA's assets as last pulled, the links a person confirmed (accepted
// suggestion, manual match, created in the PSA), create intents (exactly-once) and pull bookkeeping. `ignored`
// lives on the pulled rows and is never touched by a pull; a record gone from the far side is marked, not dropped.
export default `
CREATE TABLE asset_devices (
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  hostname TEXT NOT NULL,
  display_name TEXT,
  serial TEXT,
  macs_json TEXT NOT NULL DEFAULT '[]',
  os TEXT,
  device_kind TEXT NOT NULL,
  last_contact TEXT,
  ignored INTEGER NOT NULL DEFAULT 0,
  missing_since TEXT,
  refreshed_at TEXT NOT NULL,
  PRIMARY KEY (source_kind, id)
);
CREATE INDEX asset_devices_org ON asset_devices (source_kind, org_id);

CREATE TABLE psa_assets (
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  serial TEXT,
  type TEXT,
  hostname TEXT,
  macs_json TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT,
  ignored INTEGER NOT NULL DEFAULT 0,
  missing_since TEXT,
  refreshed_at TEXT NOT NULL,
  PRIMARY KEY (psa_kind, id)
);
CREATE INDEX psa_assets_customer ON psa_assets (psa_kind, customer_id);

CREATE TABLE asset_links (
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  device_id TEXT NOT NULL,
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  asset_id TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('accepted', 'manual', 'created')),
  at TEXT NOT NULL,
  PRIMARY KEY (source_kind, device_id, psa_kind)
);
CREATE UNIQUE INDEX asset_links_asset ON asset_links (psa_kind, asset_id);

CREATE TABLE asset_creates (
  source_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  device_id TEXT NOT NULL,
  psa_kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  customer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  serial TEXT,
  type TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('creating', 'created')),
  asset_id TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (source_kind, device_id, psa_kind)
);

CREATE TABLE asset_pulls (
  kind TEXT NOT NULL REFERENCES integrations (kind) ON DELETE CASCADE,
  scope_id TEXT NOT NULL,
  full_at TEXT,
  last_at TEXT NOT NULL,
  PRIMARY KEY (kind, scope_id)
);
`
