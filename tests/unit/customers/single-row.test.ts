import { afterEach, describe, expect, it } from 'vitest'
import {
  getCustomer,
  getMappedCustomerId,
  loadOrg,
  loadCustomerNames,
  putMapping,
  saveCustomers,
  saveOrgs
} from '../../../src/main/customers/store'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'

// mapOrg and friends look up one row by key: the answer is right and the plan is a primary-key search, so a call
// costs the same at 5 or 5,000 orgs (timing lives in bench/, not here).

let db: Db
afterEach(() => db?.close())

function seeded(): Db {
  db = openDatabase(':memory:')
  migrate(db, migrations)
  const at = '2026-03-01T00:00:00.000Z'
  const ins = db.prepare(
    "INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)"
  )
  ins.run('jumpcloud', 'source', 'JumpCloud', at, at)
  ins.run('syncro', 'psa', 'Syncro', at, at)
  saveOrgs(
    db,
    'jumpcloud',
    Array.from({ length: 300 }, (_, i) => ({ id: `o${i}`, name: `Org ${i}` })),
    at
  )
  saveCustomers(
    db,
    'syncro',
    Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, name: `Customer ${i}`, active: i % 7 !== 0 })),
    at
  )
  return db
}

const plan = (sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' ')

describe('single-row store reads', () => {
  it('finds one org, customer and mapping by key, or null', () => {
    seeded()
    expect(loadOrg(db, 'jumpcloud', 'o42')).toEqual({
      source: 'jumpcloud',
      id: 'o42',
      name: 'Org 42',
      ignored: false,
      disabled: false,
      missingSince: null
    })
    expect(loadOrg(db, 'jumpcloud', 'o300')).toBeNull()
    expect(loadOrg(db, 'saasalerts', 'o42')).toBeNull() // another source's org is not this one
    expect(getCustomer(db, 'syncro', 'c7')).toMatchObject({ id: 'c7', name: 'Customer 7', active: false })
    expect(getCustomer(db, 'autotask', 'c7')).toBeNull() // another PSA's customer is not this one's
    expect(getMappedCustomerId(db, 'syncro', 'jumpcloud', 'o1')).toBeNull()
    putMapping(db, {
      psa: 'syncro',
      source: 'jumpcloud',
      orgId: 'o1',
      customerId: 'c2',
      origin: 'manual',
      actor: 't',
      now: '2026-03-02T00:00:00Z'
    })
    expect(getMappedCustomerId(db, 'syncro', 'jumpcloud', 'o1')).toBe('c2')
    expect(getMappedCustomerId(db, 'autotask', 'jumpcloud', 'o1')).toBeNull()
    expect(getMappedCustomerId(db, 'syncro', 'saasalerts', 'o1')).toBeNull()
  })

  it('lists customer names for pickers: active ones that still exist in the PSA, by name', () => {
    seeded()
    saveCustomers(
      db,
      'syncro',
      [
        { id: 'c2', name: 'beta', active: true },
        { id: 'c1', name: 'Alpha', active: true },
        { id: 'c3', name: 'Gamma', active: false }
      ],
      '2026-03-02T00:00:00.000Z'
    ) // every earlier customer is now missing
    expect(loadCustomerNames(db, 'syncro')).toEqual([
      { id: 'c1', name: 'Alpha' },
      { id: 'c2', name: 'beta' }
    ])
    expect(loadCustomerNames(db, 'autotask')).toEqual([])
  })

  it('uses the primary keys, never a scan', () => {
    seeded()
    expect(plan('SELECT * FROM source_orgs WHERE source_kind = ? AND id = ?', 'jumpcloud', 'o1')).toMatch(
      /SEARCH source_orgs USING (PRIMARY KEY|INDEX sqlite_autoindex)/
    )
    expect(plan('SELECT * FROM psa_customers WHERE psa_kind = ? AND id = ?', 'syncro', 'c1')).toMatch(
      /SEARCH psa_customers USING (PRIMARY KEY|INDEX sqlite_autoindex)/
    )
    expect(
      plan(
        'SELECT customer_id FROM org_mappings WHERE source_kind = ? AND org_id = ? AND psa_kind = ?',
        'jumpcloud',
        'o1',
        'syncro'
      )
    ).toMatch(/SEARCH org_mappings USING (PRIMARY KEY|INDEX sqlite_autoindex)/)
  })
})
