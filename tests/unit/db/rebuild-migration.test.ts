import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()
const upTo = (id: number) => migrations.filter((m) => m.id <= id)
const at = '2026-03-01T00:00:00.000Z'

describe('rebuilding the integrations table (migration 6)', () => {
  it('keeps every child row, keeps cascades working and accepts a new kind', () => {
    const db = openDatabase(join(tmp(), 'a.db'))
    migrate(db, upTo(5))
    const ins = db.prepare(
      `INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)`
    )
    ins.run('jumpcloud', 'source', 'JC', at, at)
    ins.run('syncro', 'psa', 'S', at, at)
    expect(() => ins.run('saasalerts', 'source', 'SA', at, at)).toThrow(/CHECK/)
    db.prepare(
      `INSERT INTO source_orgs (source_kind, id, name, refreshed_at) VALUES ('jumpcloud', 'o1', 'Org', ?)`
    ).run(at)
    db.prepare(
      `INSERT INTO org_mappings (source_kind, org_id, psa_kind, customer_id, origin, created_at, updated_at, updated_by)
       VALUES ('jumpcloud', 'o1', 'syncro', 'c1', 'manual', ?, ?, 'test')`
    ).run(at, at)

    expect(migrate(db, migrations).applied).toContain(6)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.prepare('SELECT count(*) AS n FROM org_mappings').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT count(*) AS n FROM source_orgs').get()).toEqual({ n: 1 })
    expect(db.pragma('foreign_key_check')).toEqual([])

    ins.run('saasalerts', 'source', 'SA', at, at)
    expect(() => ins.run('', 'source', 'x', at, at)).toThrow(/CHECK/)
    // Disable & Clear is still one DELETE: the cascade reaches the children of the rebuilt table.
    db.prepare(`DELETE FROM integrations WHERE kind = 'jumpcloud'`).run()
    expect(db.prepare('SELECT count(*) AS n FROM source_orgs').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM org_mappings').get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses, and changes nothing, when a rebuild would leave a broken reference', () => {
    const db = openDatabase(join(tmp(), 'b.db'))
    migrate(db, upTo(6))
    const bad = {
      id: 7,
      name: 'bad',
      rebuild: true,
      sql: `INSERT INTO source_orgs (source_kind, id, name, refreshed_at) VALUES ('nobody', 'o', 'O', '${at}')`
    }
    expect(() => migrate(db, [...upTo(6), bad])).toThrow(/broken reference/)
    expect(db.prepare('SELECT count(*) AS n FROM source_orgs').get()).toEqual({ n: 0 })
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('refuses a table rebuild that does not declare it, before it can cascade into the children', () => {
    const db = openDatabase(join(tmp(), 'c.db'))
    migrate(db, upTo(6))
    db.prepare(
      `INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES ('jumpcloud', 'source', 'JC', '{}', ?, ?)`
    ).run(at, at)
    db.prepare(
      `INSERT INTO source_orgs (source_kind, id, name, refreshed_at) VALUES ('jumpcloud', 'o1', 'Org', ?)`
    ).run(at)
    const undeclared = { ...migrations.find((m) => m.id === 6)!, id: 7, name: 'undeclared', rebuild: undefined }
    expect(() => migrate(db, [...upTo(6), undeclared])).toThrow(/does not declare rebuild/)
    expect(db.prepare('SELECT count(*) AS n FROM source_orgs').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT max(id) AS id FROM schema_migrations').get()).toEqual({ id: 6 })
    db.close()
  })
})
