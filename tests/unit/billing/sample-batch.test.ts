import { afterEach, describe, expect, it, vi } from 'vitest'
import { monthKey } from '../../../src/main/billing/hwm'
import { SampleBatch } from '../../../src/main/billing/sample-batch'
import { orgMonthHwm, type UsageSample } from '../../../src/main/billing/usage-store'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'

// A billing run stores the counts of the orgs counted in one event-loop turn in one transaction; each org's promise
// settles once its own samples are stored, and one org's bad sample costs no other org its samples.

const dbs: Db[] = []
afterEach(() => {
  for (const db of dbs.splice(0)) db.close()
})

function freshDb(): Db {
  const db = openDatabase(':memory:')
  dbs.push(db)
  migrate(db, migrations)
  const at = new Date().toISOString()
  db.prepare(
    "INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES ('jumpcloud', 'source', 'jc', '{}', ?, ?)"
  ).run(at, at)
  return db
}

const takenAt = '2026-03-10T12:00:00Z'
const month = monthKey(new Date(takenAt), 'UTC')
const org = (orgId: string, users: number, devices: number): UsageSample[] => [
  { source: 'jumpcloud', orgId, metric: 'users', count: users, takenAt, origin: 'sync' },
  { source: 'jumpcloud', orgId, metric: 'devices', count: devices, takenAt, origin: 'sync' }
]
const hwm = (db: Db, orgId: string) => orgMonthHwm(db, 'jumpcloud', orgId, month)

describe('SampleBatch', () => {
  it('stores the orgs recorded in one turn in one transaction, each readable once its promise resolves', async () => {
    const db = freshDb()
    const batch = new SampleBatch(db)
    const transactions = vi.spyOn(db, 'transaction')
    const a = batch.record(org('a', 3, 4))
    const b = batch.record(org('b', 5, 6))
    expect(hwm(db, 'a')).toEqual({ users: null, devices: null }) // not yet: stored after this turn
    await a
    expect(hwm(db, 'a')).toEqual({ users: 3, devices: 4 })
    await b
    expect(hwm(db, 'b')).toEqual({ users: 5, devices: 6 })
    expect(transactions).toHaveBeenCalledTimes(1)
    // A later turn is a batch of its own.
    await batch.record(org('a', 7, 1))
    expect(hwm(db, 'a')).toEqual({ users: 7, devices: 4 })
    expect(transactions).toHaveBeenCalledTimes(2)
  })

  it("fails only the org whose sample is bad; the others' samples are stored", async () => {
    const db = freshDb()
    const batch = new SampleBatch(db)
    const results = await Promise.allSettled([
      batch.record(org('a', 1, 2)),
      batch.record(org('b', -1, 2)),
      batch.record(org('c', 8, 9))
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/whole number/)
    expect(hwm(db, 'a')).toEqual({ users: 1, devices: 2 })
    expect(hwm(db, 'b')).toEqual({ users: null, devices: null })
    expect(hwm(db, 'c')).toEqual({ users: 8, devices: 9 })
  })
})
