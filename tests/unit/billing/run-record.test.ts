import { afterEach, describe, expect, it } from 'vitest'
import { putIntents, type WriteIntent } from '../../../src/main/billing/intents-store'
import { recordRunItems } from '../../../src/main/billing/run-record'
import { insertRun, loadRunItems, type RunItemRecord } from '../../../src/main/billing/store'
import type { Db } from '../../../src/main/db/connection'
import { psaDb } from './psa-db'
import { PSA_KINDS, SOURCE_KINDS } from '../../../src/shared/registry'

// A billing run records its rows as its write batches settle, not only at its end: each record settles the intents
// of the rows it records and no other (a batch still in flight keeps its intents, so a kill leaves them to
// reconcile.ts), and the end settles whatever the run left.

let db: Db | undefined
afterEach(() => db?.close())

const target = { containerId: '1', containerName: 'c', itemId: '2', itemName: 'i' }
const record = (mappingId: string): RunItemRecord => ({
  psa: PSA_KINDS[0]!,
  mappingId,
  source: SOURCE_KINDS[0]!,
  orgId: `org-${mappingId}`,
  target,
  oldQuantity: 1,
  newQuantity: 2,
  action: 'update',
  result: 'written',
  message: null,
  at: '2026-12-02T00:00:00.000Z'
})
const intent = (mappingId: string): WriteIntent => {
  const { psa, source, orgId, oldQuantity, action } = record(mappingId)
  return {
    psa,
    mappingId,
    source,
    orgId,
    target,
    oldQuantity,
    newQuantity: 2,
    action,
    change: { from: 1, to: 2, billingDay: '2026-12-02' }
  }
}

function freshRun(): Db {
  db = psaDb()
  insertRun(db, { id: 'run', trigger: 'manual', dryRun: false, startedAt: '2026-12-02T00:00:00.000Z' })
  return db
}
const intentsLeft = (db: Db) =>
  (
    db.prepare('SELECT mapping_id FROM billing_write_intents ORDER BY mapping_id').all() as { mapping_id: number }[]
  ).map((r) => String(r.mapping_id))

describe('recordRunItems', () => {
  it("records a batch's rows and settles their intents only, then the rest at the run's end", () => {
    const db = freshRun()
    putIntents(db, 'run', ['1', '2', '3', '4'].map(intent), '2026-12-02T00:00:00.000Z')

    recordRunItems(db, 'run', [record('1'), record('2')], { dryRun: false, end: false })
    expect(loadRunItems(db, 'run').map((i) => i.mappingId)).toEqual(['1', '2'])
    expect(intentsLeft(db)).toEqual(['3', '4']) // a batch in flight keeps its intents

    recordRunItems(db, 'run', [record('3')], { dryRun: false, end: true })
    expect(loadRunItems(db, 'run').map((i) => i.mappingId)).toEqual(['1', '2', '3'])
    expect(intentsLeft(db)).toEqual([]) // the end settles every intent the run left
  })

  it('records nothing and keeps every intent when the transaction fails', () => {
    const db = freshRun()
    putIntents(db, 'run', ['1', '2'].map(intent), '2026-12-02T00:00:00.000Z')
    const bad = { ...record('1'), target: undefined } as unknown as RunItemRecord
    expect(() => recordRunItems(db, 'run', [record('2'), bad], { dryRun: false, end: false })).toThrow()
    expect(loadRunItems(db, 'run')).toEqual([])
    expect(intentsLeft(db)).toEqual(['1', '2'])
  })
})
