// Bulk seeding in SQL for the issue-12 bench: N orgs (mapped, with a billing mapping) and D days of usage samples,
// generated inside SQLite by recursive CTEs (4 M rows in seconds, where 4 M JS inserts would take minutes).
import type { Db } from '../../src/main/db/connection'

export function seedOrgs(db: Db, orgs: number, at: string): void {
  db.transaction(() => {
    const ins = db.prepare(
      "INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)"
    )
    ins.run('jumpcloud', 'source', 'JumpCloud', at, at)
    ins.run('syncro', 'psa', 'Syncro', at, at)
    const n = { n: orgs - 1, at }
    const seq = 'WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < @n)'
    db.prepare(
      `${seq} INSERT INTO source_orgs (source_kind, id, name, refreshed_at) SELECT 'jumpcloud', 'org-' || i, 'Org ' || i || ' LLC', @at FROM s`
    ).run(n)
    db.prepare(
      `${seq} INSERT INTO psa_customers (psa_kind, id, name, type, active, refreshed_at) SELECT 'syncro', 'c' || i, 'Org ' || i, NULL, 1, @at FROM s`
    ).run(n)
    // Every org but the last 100 mapped: mapOrg has orgs left to map.
    db.prepare(
      `${seq} INSERT INTO org_mappings (source_kind, org_id, psa_kind, customer_id, origin, created_at, updated_at, updated_by)
       SELECT 'jumpcloud', 'org-' || i, 'syncro', 'c' || i, 'manual', @at, @at, 'bench' FROM s WHERE i < @n - 99`
    ).run(n)
    db.prepare(
      `${seq} INSERT INTO billing_mappings (psa_kind, org_id, customer_id, container_id, container_name, item_id, item_name,
         metric, created_at, updated_at)
       SELECT 'syncro', 'org-' || i, 'c' || i, 's' || i, 'Monthly', 'l' || i, 'JumpCloud Users', 'users', @at, @at FROM s WHERE i < @n - 99`
    ).run(n)
  })()
}

/** One users and one devices sample per org per day for `days` days up to `end`, at a per-org time of day. */
export function seedSamples(db: Db, orgs: number, days: number, end: Date): void {
  // The last day's samples fall in the two hours before `end`, so the current month has data.
  const start = new Date(end.getTime() - (days - 1) * 86_400_000 - 2 * 3_600_000).toISOString()
  // Without the two sample indexes during the load, then rebuilt once: several times faster than indexed inserts.
  db.exec('DROP INDEX usage_snapshots_org; DROP INDEX usage_snapshots_taken')
  db.prepare(
    `WITH RECURSIVE o(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM o WHERE i < @orgs - 1),
       d(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM d WHERE j < @days - 1),
       m(metric, base) AS (VALUES ('users', 5), ('devices', 0))
     INSERT INTO usage_snapshots (source_kind, org_id, metric, count, taken_at, origin)
     SELECT 'jumpcloud', 'org-' || i, metric, base + (i * 7 + j * 13) % 97,
       strftime('%Y-%m-%dT%H:%M:%fZ', @start, '+' || j || ' days', '+' || (i % 3600) || ' seconds'), 'sync'
     FROM o, d, m`
  ).run({ orgs, days, start })
  db.exec(
    'CREATE INDEX usage_snapshots_org ON usage_snapshots (org_id, metric, taken_at); CREATE INDEX usage_snapshots_taken ON usage_snapshots (taken_at)'
  )
}
