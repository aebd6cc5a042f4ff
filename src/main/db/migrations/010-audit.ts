// People's changes (credentials saved, mappings, settings, approvals …) with the door they came through and the
// old → new values, written by the dispatch layer. Never a secret: only non-secret fields are recorded.
export default `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  door TEXT NOT NULL,
  kind TEXT NOT NULL,
  method TEXT NOT NULL,
  subject TEXT NOT NULL,
  changes_json TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_kind_at ON audit_log (kind, at);
`
