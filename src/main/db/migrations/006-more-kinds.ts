// Integrations of any registered kind: the CHECK listing the first three kinds is dropped (the registry
// decides which kinds exist; the contract validates them), so a second source (SaaS Alerts) can be saved.
// A rebuild: runs with foreign keys off (see Migration.rebuild), every child row keeps its reference.
export default `
CREATE TABLE integrations_new (
  kind TEXT PRIMARY KEY CHECK (length(kind) BETWEEN 1 AND 40),
  role TEXT NOT NULL CHECK (role IN ('psa', 'source')),
  display_name TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  verified_at TEXT
);
INSERT INTO integrations_new (kind, role, display_name, settings_json, created_at, updated_at, verified_at)
  SELECT kind, role, display_name, settings_json, created_at, updated_at, verified_at FROM integrations;
DROP TABLE integrations;
ALTER TABLE integrations_new RENAME TO integrations;
`
