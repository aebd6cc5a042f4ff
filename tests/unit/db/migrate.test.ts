import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUSY_TIMEOUT_MS, openDatabase } from '../../../src/main/db/connection'
import { migrate, type Migration } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()
const m = (id: number, sql: string): Migration => ({ id, name: `m${id}`, sql })

describe('database', () => {
  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(tmp(), 'a.db'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS)
    db.close()
  })

  it.skipIf(process.platform === 'win32')('keeps the database and its WAL readable by the owner only', () => {
    const dir = join(tmp(), 'fresh')
    const db = openDatabase(join(dir, 'a.db'))
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);')
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(join(dir, 'a.db')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'a.db-wal')).mode & 0o777).toBe(0o600)
    db.close()
  })

  it('applies the app migrations once and records them', () => {
    const file = join(tmp(), 'a.db')
    const db = openDatabase(file)
    expect(migrate(db, migrations).applied).toEqual(migrations.map((x) => x.id))
    expect(migrate(db, migrations).applied).toEqual([])
    const rows = db.prepare('SELECT id, name FROM schema_migrations').all()
    expect(rows).toHaveLength(migrations.length)
    db.close()
  })

  it('rolls back a failing migration entirely and records nothing', () => {
    const db = openDatabase(join(tmp(), 'a.db'))
    const bad = [m(1, 'CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1); CREATE TABLE broken (')]
    expect(() => migrate(db, bad)).toThrow()
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined()
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses a migration edited after it was applied', () => {
    const db = openDatabase(join(tmp(), 'a.db'))
    migrate(db, [m(1, 'CREATE TABLE a (x INTEGER);')])
    expect(() => migrate(db, [m(1, 'CREATE TABLE a (x INTEGER, y TEXT);')])).toThrow(/changed after it was applied/)
    db.close()
  })

  it('refuses a database written by a newer version', () => {
    const db = openDatabase(join(tmp(), 'a.db'))
    migrate(db, [m(1, 'CREATE TABLE a (x INTEGER);'), m(2, 'CREATE TABLE b (x INTEGER);')])
    expect(() => migrate(db, [m(1, 'CREATE TABLE a (x INTEGER);')])).toThrow(/does not know/)
    db.close()
  })

  it('refuses gaps in migration numbering', () => {
    const db = openDatabase(':memory:')
    expect(() => migrate(db, [m(1, 'SELECT 1;'), m(3, 'SELECT 1;')])).toThrow(/without gaps/)
  })
})
