import type { IntegrationKind, IntegrationSummary } from '../../shared/contract/connect'
import type { Db } from '../db/connection'

export interface IntegrationRow {
  kind: IntegrationKind
  role: 'psa' | 'source'
  displayName: string
  settings: Record<string, string>
  createdAt: string
  updatedAt: string
  verifiedAt: string | null
}

interface RawRow {
  kind: IntegrationKind
  role: 'psa' | 'source'
  display_name: string
  settings_json: string
  created_at: string
  updated_at: string
  verified_at: string | null
}

const fromRaw = (r: RawRow): IntegrationRow => ({
  kind: r.kind,
  role: r.role,
  displayName: r.display_name,
  settings: JSON.parse(r.settings_json) as Record<string, string>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  verifiedAt: r.verified_at
})

export function getIntegration(db: Db, kind: IntegrationKind): IntegrationRow | null {
  const r = db.prepare('SELECT * FROM integrations WHERE kind = ?').get(kind) as RawRow | undefined
  return r ? fromRaw(r) : null
}

export function listIntegrationRows(db: Db): IntegrationRow[] {
  return (db.prepare('SELECT * FROM integrations ORDER BY role DESC, kind').all() as RawRow[]).map(fromRaw)
}

export function upsertIntegration(
  db: Db,
  row: Pick<IntegrationRow, 'kind' | 'role' | 'displayName' | 'settings'> & { now: string }
): IntegrationRow {
  db.prepare(
    `INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at, verified_at)
     VALUES (@kind, @role, @displayName, @settings, @now, @now, @now)
     ON CONFLICT (kind) DO UPDATE SET role = excluded.role, display_name = excluded.display_name,
       settings_json = excluded.settings_json, updated_at = excluded.updated_at, verified_at = excluded.verified_at`
  ).run({ ...row, settings: JSON.stringify(row.settings) })
  return getIntegration(db, row.kind)!
}

/**
 * Deletes the integration and, through ON DELETE CASCADE, every row of its data. Returns how many
 * rows went, counted per table that references `integrations` (SQLite's changes() omits cascades).
 */
export function deleteIntegration(db: Db, kind: IntegrationKind): number {
  return db.transaction(() => {
    let removed = 0
    for (const { table, column } of tablesReferencingIntegrations(db)) {
      const row = db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(kind) as { n: number }
      removed += row.n
    }
    // Integration-scoped settings are keyed "<kind>.<name>" (e.g. "syncro.catchAllCustomer").
    removed += db.prepare("DELETE FROM settings WHERE key LIKE ? ESCAPE '\\'").run(`${kind}.%`).changes
    removed += db.prepare('DELETE FROM integrations WHERE kind = ?').run(kind).changes
    return removed
  })()
}

/** Tables with a foreign key to integrations(kind), found from the schema so new ones count automatically. */
export function tablesReferencingIntegrations(db: Db): Array<{ table: string; column: string }> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{
    name: string
  }>
  const out: Array<{ table: string; column: string }> = []
  for (const { name } of tables) {
    const fks = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ table: string; from: string }>
    for (const fk of fks) if (fk.table === 'integrations') out.push({ table: name, column: fk.from })
  }
  return out
}

export function toSummary(row: IntegrationRow, secretSaved: boolean): IntegrationSummary {
  return {
    kind: row.kind,
    role: row.role,
    displayName: row.displayName,
    settings: row.settings,
    secretSaved,
    createdAt: row.createdAt,
    verifiedAt: row.verifiedAt
  }
}
