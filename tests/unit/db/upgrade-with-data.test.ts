import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'

// Upgrade with data: a database at the schema released before orgs carried their source (migrations 1–12), with
// rows in every table, is migrated to the current schema. Every row of every table is kept with every value it had
// (compared column by column), and the new columns say what the old rows meant (their orgs were JumpCloud's).

/** The last released schema: the migrations on main before `orgs-by-source`. */
const RELEASED = migrations.findIndex((m) => m.name === 'orgs-by-source')

const T = '2026-03-01T10:00:00.000Z'
const FIXTURE = `
INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at, verified_at) VALUES
  ('jumpcloud', 'source', 'JumpCloud MTP', '{"providerId":"abc"}', '${T}', '${T}', '${T}'),
  ('saasalerts', 'source', 'SaaS Alerts', '{}', '${T}', '${T}', NULL),
  ('syncro', 'psa', 'Syncro acme', '{"subdomain":"acme"}', '${T}', '${T}', '${T}');
INSERT INTO activity (at, actor, action, detail_json) VALUES ('${T}', 'user', 'mapping.acceptAll', '{"accepted":2}'),
  ('${T}', 'schedule', 'billing.run', '{}');
INSERT INTO settings (key, value_json, updated_at) VALUES ('syncro.catchAllCustomer', '"c9"', '${T}'),
  ('billing.settings', '{"reviewDecreases":true}', '${T}'), ('billing.usageEventCursor', '"${T}"', '${T}');
INSERT INTO source_orgs (source_kind, id, name, ignored, disabled, missing_since, refreshed_at) VALUES
  ('jumpcloud', 'o1', 'Acme Dental', 0, 0, NULL, '${T}'), ('jumpcloud', 'o2', 'Blue Sky', 1, 0, NULL, '${T}'),
  ('jumpcloud', 'o3', 'Gone Ltd', 0, 1, '${T}', '${T}'), ('saasalerts', 'o1', 'Acme Dental (M365)', 0, 0, NULL, '${T}');
INSERT INTO psa_customers (psa_kind, id, name, type, active, missing_since, refreshed_at) VALUES
  ('syncro', 'c1', 'ACME Dental LLC', 'Business', 1, NULL, '${T}'), ('syncro', 'c2', 'Blue Sky Market', NULL, 0, NULL, '${T}'),
  ('syncro', 'c9', 'Catch All', NULL, 1, '${T}', '${T}');
INSERT INTO org_mappings (source_kind, org_id, psa_kind, customer_id, origin, score, created_at, updated_at, updated_by) VALUES
  ('jumpcloud', 'o1', 'syncro', 'c1', 'suggestion', 0.97, '${T}', '${T}', 'user'),
  ('saasalerts', 'o1', 'syncro', 'c1', 'manual', NULL, '${T}', '${T}', 'user');
INSERT INTO mapping_history (source_kind, psa_kind, org_id, action, old_customer_id, new_customer_id, at, actor) VALUES
  ('jumpcloud', 'syncro', 'o1', 'mapped', NULL, 'c1', '${T}', 'user'),
  ('jumpcloud', 'syncro', 'o2', 'unmapped', 'c2', NULL, '${T}', 'user');
INSERT INTO billing_mappings (psa_kind, org_id, customer_id, container_id, container_name, item_id, item_name, metric,
  non_billable, unit_cost, enabled, last_sync_at, last_sync_result, created_at, updated_at, unit_price) VALUES
  ('syncro', 'o1', 'c1', 'inv1', 'Monthly', 'li1', 'Seats', 'users', 2, '12.50', 1, '${T}', 'written 10 → 12', '${T}', '${T}', '19.99'),
  ('syncro', 'o1', 'c1', 'inv1', 'Monthly', 'li2', 'Devices', 'devices', 0, NULL, 0, NULL, NULL, '${T}', '${T}', NULL);
INSERT INTO decrease_approvals (mapping_id, month, to_quantity, approved_at, approved_by) VALUES (1, '2026-03', 9, '${T}', 'user');
INSERT INTO sync_runs (id, kind, trigger, dry_run, started_at, finished_at, status, counts_json, error) VALUES
  ('r1', 'billing', 'manual', 0, '${T}', '${T}', 'ok', '{"written":1}', NULL),
  ('r2', 'billing', 'schedule', 0, '${T}', NULL, 'interrupted', '{}', 'killed');
INSERT INTO sync_items (run_id, psa_kind, mapping_id, org_id, target, old_quantity, new_quantity, action, result, error, at) VALUES
  ('r1', 'syncro', 1, 'o1', '{"containerId":"inv1","containerName":"Monthly","itemId":"li1","itemName":"Seats"}', 10, 12, 'increase', 'written', NULL, '${T}');
INSERT INTO billing_write_intents (run_id, psa_kind, mapping_id, org_id, target, old_quantity, new_quantity, action, change, created_at) VALUES
  ('r2', 'syncro', 1, 'o1', '{"containerId":"inv1","containerName":"Monthly","itemId":"li1","itemName":"Seats"}', 12, 14, 'increase', '{"from":12,"to":14,"billingDay":"2026-03-02"}', '${T}');
INSERT INTO usage_snapshots (source_kind, org_id, metric, count, taken_at, origin) VALUES
  ('jumpcloud', 'o1', 'users', 12, '${T}', 'sync'), ('jumpcloud', 'o1', 'devices', 7, '${T}', 'sample');
INSERT INTO usage_hwm_months (month, source_kind, org_id, metric, hwm, points, first_at, last_at, peak_at) VALUES
  ('2026-03', 'jumpcloud', 'o1', 'users', 12, 3, '${T}', '${T}', '${T}');
INSERT INTO usage_hwm_days (source_kind, org_id, day, metric, hwm, points, first_at, last_at, peak_at) VALUES
  ('jumpcloud', 'o1', '2026-03-01', 'users', 12, 3, '${T}', '${T}', '${T}');
INSERT INTO alert_events (event_id, source_kind, org_id, alert_type, event_type, occurred_at, subject_user, subject_device,
  detail_json, group_key, state, delivery, attempts, next_attempt_at, last_error, ticket_id, received_at, delivered_at, note_marker) VALUES
  ('e1', 'jumpcloud', 'o1', 'user-lockout', 'user_lockout', '${T}', 'alice', NULL, '{}', 'g1', 'delivered', 'ticket', 1, NULL, NULL, 't1', '${T}', '${T}', NULL),
  ('e2', 'jumpcloud', 'o1', 'user-lockout', 'user_lockout', '${T}', 'alice', NULL, '{}', 'g1', 'delivered', 'note', 1, NULL, NULL, 't1', '${T}', '${T}', 'm-1'),
  ('e3', 'saasalerts', 'o1', 'critical', 'mfa.disable', '${T}', 'bob', NULL, '{"message":"x"}', 'g2', 'attention', NULL, 3, NULL, 'no queue', NULL, '${T}', NULL, NULL);
INSERT INTO alert_tickets (psa_kind, group_key, customer_id, marker, state, ticket_id, ticket_number, ticket_url, is_test, intent_at, created_at, closed_at) VALUES
  ('syncro', 'g1', 'c1', 'PSAB-1', 'open', 't1', '1001', 'https://acme/t/1', 0, '${T}', '${T}', NULL);
INSERT INTO alert_groups (group_key, snoozed_until, acknowledged_at, acknowledged_by) VALUES ('g1', '${T}', NULL, NULL);
INSERT INTO asset_devices (source_kind, id, org_id, hostname, display_name, serial, macs_json, os, device_kind, last_contact, ignored, missing_since, refreshed_at) VALUES
  ('jumpcloud', 'd1', 'o1', 'acme-lt-1', 'Front desk', 'SN1', '["aa:bb:cc:dd:ee:ff"]', 'Windows', 'laptop', '${T}', 0, NULL, '${T}');
INSERT INTO psa_assets (psa_kind, id, customer_id, name, serial, type, hostname, macs_json, active, updated_at, ignored, missing_since, refreshed_at) VALUES
  ('syncro', 'a1', 'c1', 'acme-lt-1', 'SN1', 'Laptop', 'acme-lt-1', '[]', 1, '${T}', 0, NULL, '${T}');
INSERT INTO asset_links (source_kind, device_id, psa_kind, asset_id, origin, at) VALUES ('jumpcloud', 'd1', 'syncro', 'a1', 'accepted', '${T}');
INSERT INTO asset_creates (source_kind, device_id, psa_kind, customer_id, name, serial, type, state, asset_id, started_at, finished_at) VALUES
  ('jumpcloud', 'd1', 'syncro', 'c1', 'acme-lt-1', 'SN1', 'Laptop', 'created', 'a1', '${T}', '${T}');
INSERT INTO asset_pulls (kind, scope_id, full_at, last_at) VALUES ('syncro', 'c1', '${T}', '${T}'), ('jumpcloud', 'o1', '${T}', '${T}');
INSERT INTO learned_equivalences (word_a, word_b, shown_a, shown_b, org_name, customer_name, created_at) VALUES
  ('dental', 'dentistry', 'Dental', 'Dentistry', 'Acme Dental', 'Acme Dentistry', '${T}');
INSERT INTO audit_log (at, door, kind, method, subject, changes_json) VALUES ('${T}', 'window', 'mapping', 'mapOrg', 'Acme Dental (org o1)', '[]');
`

type Row = Record<string, unknown>

function tables(db: Db): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'sqlite_sequence') ORDER BY name"
      )
      .all() as Array<{ name: string }>
  ).map((t) => t.name)
}

/** Every row of every table, each table in a stable order (all its columns). */
function snapshot(db: Db): Map<string, Row[]> {
  const out = new Map<string, Row[]>()
  for (const t of tables(db)) {
    const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>).map((c) => `"${c.name}"`)
    out.set(t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${cols.join(', ')}`).all() as Row[])
  }
  return out
}

const pick = (r: Row, keys: string[]) => Object.fromEntries(keys.map((k) => [k, r[k]]))

let db: Db
afterEach(() => db?.close())

describe('upgrade from the last released schema with data', () => {
  it('keeps every row and value of every table, and the new columns say what old rows meant', () => {
    expect(RELEASED).toBeGreaterThan(0)
    db = openDatabase(':memory:')
    migrate(db, migrations.slice(0, RELEASED))
    db.exec(FIXTURE)
    const before = snapshot(db)
    // The fixture fills every table the released schema has: a table added before this migration needs rows here.
    for (const [t, rows] of before) expect(rows.length, `rows in ${t}`).toBeGreaterThan(0)

    expect(migrate(db, migrations).applied).toEqual(migrations.slice(RELEASED).map((m) => m.id))
    expect(db.pragma('foreign_key_check')).toEqual([])
    const after = snapshot(db)
    for (const [t, rows] of before) {
      const now = after.get(t)
      expect(now, `table ${t} still exists`).toBeDefined()
      expect(now!.length, `row count of ${t}`).toBe(rows.length)
      // Same rows with the same values in every old column (order-independent: compare as sorted JSON).
      const keys = Object.keys(rows[0]!)
      const norm = (list: Row[]) => list.map((r) => JSON.stringify(pick(r, keys))).sort()
      expect(norm(now!), `values of ${t}`).toEqual(norm(rows))
    }

    // Spot values: the new columns.
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T
    expect(one('SELECT source_kind, unit_price, unit_cost FROM billing_mappings WHERE item_id = ?', 'li1')).toEqual({
      source_kind: 'jumpcloud',
      unit_price: '19.99',
      unit_cost: '12.50'
    })
    expect(one('SELECT source_kind FROM sync_items WHERE run_id = ?', 'r1')).toEqual({ source_kind: 'jumpcloud' })
    expect(one('SELECT source_kind FROM billing_write_intents WHERE run_id = ?', 'r2')).toEqual({
      source_kind: 'jumpcloud'
    })
    expect(one('SELECT COUNT(*) AS n FROM psa_customers WHERE ignored = 0')).toEqual({ n: 3 })
    expect(one('SELECT note_marker, state FROM alert_events WHERE event_id = ?', 'e2')).toEqual({
      note_marker: 'm-1',
      state: 'delivered'
    })
  })

  it("keys alert events by source and event id: another source's event with the same id is its own row", () => {
    db = openDatabase(':memory:')
    migrate(db, migrations.slice(0, RELEASED))
    db.exec(FIXTURE)
    const insert = db.prepare(
      `INSERT OR IGNORE INTO alert_events (event_id, source_kind, org_id, alert_type, event_type, occurred_at, detail_json,
         group_key, state, received_at) VALUES (?, ?, 'o1', 'critical', 'x', ?, '{}', 'g3', 'queued', ?)`
    )
    // Before: the id alone is the key, so SaaS Alerts' event "e1" would be dropped as a duplicate of JumpCloud's.
    expect(insert.run('e1', 'saasalerts', T, T).changes).toBe(0)
    migrate(db, migrations)
    expect(insert.run('e1', 'saasalerts', T, T).changes).toBe(1)
    expect(insert.run('e1', 'saasalerts', T, T).changes).toBe(0) // still deduped within its source
    expect(db.prepare("SELECT COUNT(*) AS n FROM alert_events WHERE event_id = 'e1'").get()).toEqual({ n: 2 })
  })
})
