// Integrations: one row per configured system. Every table holding an integration's data references
// it with ON DELETE CASCADE, so "Disable Integration & Clear Data" is one DELETE.
export default `
CREATE TABLE integrations (
  kind TEXT PRIMARY KEY CHECK (kind IN ('syncro', 'autotask', 'jumpcloud')),
  role TEXT NOT NULL CHECK (role IN ('psa', 'source')),
  display_name TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  verified_at TEXT
);

CREATE TABLE activity (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX activity_at ON activity (at);
`
