import type { Statement } from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { Db } from './connection'

export interface Migration {
  id: number
  name: string
  sql: string
  /**
   * The migration rebuilds a table (to change a CHECK or a column). SQLite's documented procedure
   * (sqlite.org/lang_altertable.html "Making Other Kinds Of Table Schema Changes"): foreign keys off
   * outside the transaction, one transaction, `PRAGMA foreign_key_check` empty before commit, foreign
   * keys on again. With them on, dropping the old table would cascade-delete every child row.
   */
  rebuild?: boolean
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex')
}

/**
 * Applies pending migrations, each in its own transaction, and records them. Refuses to start when
 * an applied migration was edited afterwards (checksum differs) or when the database was written by a
 * newer version of the app: both mean the schema is not what this code expects.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { applied: number[] } {
  assertOrdered(migrations)
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const rows = db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as Array<{
    id: number
    name: string
    checksum: string
  }>
  const known = new Map(migrations.map((m) => [m.id, m]))
  for (const row of rows) {
    const m = known.get(row.id)
    if (!m) {
      throw new AppError(
        'internal',
        `The database has migration ${row.id} (${row.name}) that this version does not know.`,
        {
          hint: 'It was written by a newer PSA Bridge. Update the app, or point it at another data directory.'
        }
      )
    }
    if (checksum(m.sql) !== row.checksum) {
      throw new AppError(
        'internal',
        `Migration ${m.id} (${m.name}) was changed after it was applied to this database.`,
        {
          hint: 'Applied migrations are immutable: add a new numbered migration instead of editing an old one.'
        }
      )
    }
  }
  const done = new Set(rows.map((r) => r.id))
  const applied: number[] = []
  // Prepared only when a migration is pending: most starts apply none.
  let record: Statement | undefined
  for (const m of migrations) {
    if (done.has(m.id)) continue
    assertRebuildDeclared(m)
    const apply = db.transaction(() => {
      db.exec(m.sql)
      if (m.rebuild) assertForeignKeysHold(db, m)
      record ??= db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
      record.run(m.id, m.name, checksum(m.sql), new Date().toISOString())
    })
    if (!m.rebuild) apply()
    else {
      const wasOn = db.pragma('foreign_keys', { simple: true }) === 1
      db.pragma('foreign_keys = OFF')
      try {
        apply()
      } finally {
        if (wasOn) db.pragma('foreign_keys = ON')
      }
    }
    applied.push(m.id)
  }
  return { applied }
}

function assertForeignKeysHold(db: Db, m: Migration): void {
  const broken = db.pragma('foreign_key_check') as unknown[]
  if (broken.length > 0)
    throw new AppError('internal', `Migration ${m.id} (${m.name}) would leave ${broken.length} broken reference(s).`, {
      hint: 'Nothing was changed. Report this with the data directory.'
    })
}

/**
 * Dropping a table inside the usual transaction (foreign keys on) cascades into every child table, so a
 * migration that drops one must declare `rebuild` and run the documented way; anything else is refused.
 */
function assertRebuildDeclared(m: Migration): void {
  if (!m.rebuild && /\bDROP\s+TABLE\b/i.test(m.sql))
    throw new AppError('internal', `Migration ${m.id} (${m.name}) drops a table but does not declare rebuild.`, {
      hint: 'Set rebuild: true so it runs with foreign keys off and is checked with foreign_key_check.'
    })
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1)
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.id} at position ${i + 1}`)
  })
}
