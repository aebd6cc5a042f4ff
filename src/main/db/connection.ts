import Database from 'better-sqlite3'
import { chmodSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/errors'

export type Db = Database.Database

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
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  return db
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
