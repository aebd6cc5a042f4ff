import type { Statement } from 'better-sqlite3'
import type { Db } from './connection'

// Preparing parses and plans the SQL each time; hot paths (per sample, per org) reuse one statement per database.
const cache = new WeakMap<Db, Map<string, Statement>>()

/** The statement for `sql` on `db`, prepared on first use and reused after. */
export function prepared(db: Db, sql: string): Statement {
  let byDb = cache.get(db)
  if (!byDb) cache.set(db, (byDb = new Map()))
  let s = byDb.get(sql)
  if (!s) byDb.set(sql, (s = db.prepare(sql)))
  return s
}
