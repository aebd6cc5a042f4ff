// What a billing run is about to write, recorded before each PSA request (as tickets record theirs). A run killed
// between the PSA's write and its own record leaves these behind; the next run re-reads each target and records
// "written (confirmed on the next run)" or "not written" in that run's history (billing/reconcile.ts).
export default `
CREATE TABLE billing_write_intents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
  psa_kind TEXT NOT NULL,
  mapping_id INTEGER NOT NULL,
  org_id TEXT NOT NULL,
  target TEXT NOT NULL,
  old_quantity INTEGER,
  new_quantity INTEGER NOT NULL,
  action TEXT NOT NULL,
  change TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX billing_write_intents_run ON billing_write_intents (run_id);
`
