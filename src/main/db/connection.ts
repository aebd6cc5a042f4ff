import type BetterSqlite3 from 'better-sqlite3'
import { chmodSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { AppError } from '../../shared/errors'

// Required, not imported: for an ESM import of a CommonJS package Node first parses its source to list the exports,
// ~12 ms of every CLI start (issue 12: cold start).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3

export type Db = BetterSqlite3.Database

/** Opens (creating if needed) the app database with the pragmas the whole app relies on. */
export function openDatabase(file: string): Db {
  // Org, customer and user names are personal data: only the signed-in user may read them (0700/0600).
  // SQLite gives the -wal and -shm files the database file's mode.
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  let db: Db
  try {
    db = new Database(file)
  } catch (e) {
    throw nativeModuleError(e)
  }
  if (file !== ':memory:' && process.platform !== 'win32') chmodSync(file, 0o600)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  // Another process (the desktop app, the CLI, the service) may hold the write lock: wait for it. Writes are short
  // transactions, so 15 s only matters when something is badly wrong.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma('synchronous = NORMAL')
  // better-sqlite3 builds SQLite with a 16 MB page cache (SQLite's own default is 2 MB), and a 5,000-org sync grows
  // the DB to ~16 MB, every page of which stayed cached: up to ~10 MB of the sync's RSS (bench/sync-rss.bench.ts).
  // Reads are indexed and a miss is served from the OS's file cache, so 4 MB holds what a query needs.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  immediateByDefault(db)
  return db
}

export const BUSY_TIMEOUT_MS = 15_000
/** SQLite's page cache per connection, in KiB. */
export const PAGE_CACHE_KIB = 4096

/**
 * Makes `db.transaction(fn)()` BEGIN IMMEDIATE. A deferred transaction that reads and then writes takes the write
 * lock only at its first write; when another process wrote in between, SQLite cannot wait (its snapshot is stale)
 * and fails at once with SQLITE_BUSY ("database is locked"), busy handler or not. IMMEDIATE takes the lock up front,
 * where the busy handler does wait. Nested calls still become savepoints. `.deferred` stays available.
 */
function immediateByDefault(db: Db): void {
  const make = db.transaction.bind(db)
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = make(fn)
    const run = ((...args: unknown[]) => t.immediate(...args)) as typeof t
    return Object.assign(run, { default: run, deferred: t.deferred, immediate: t.immediate, exclusive: t.exclusive })
  }) as Db['transaction']
}

function nativeModuleError(e: unknown): Error {
  const msg = e instanceof Error ? e.message : String(e)
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(msg)) {
    return new AppError('internal', 'The SQLite module was built for a different runtime (Node vs Electron).', {
      hint: 'Run `node scripts/native.mjs node` for the CLI/tests, or `npm start` (rebuilds for Electron).',
      cause: e
    })
  }
  return e instanceof Error ? e : new Error(msg)
}

/** Runs fn in a transaction (better-sqlite3 transactions are synchronous). */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)()
}
