import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { PSA_KINDS } from '../../../src/shared/registry'

/** An in-memory database with the first PSA connected: what billing run records need. */
export function psaDb(): Db {
  const db = openDatabase(':memory:')
  migrate(db, migrations)
  db.prepare(
    "INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES (?, 'psa', 'PSA', '{}', ?, ?)"
  ).run(PSA_KINDS[0], '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')
  return db
}
