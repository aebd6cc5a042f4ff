import { afterEach, describe, expect, it } from 'vitest'
import {
  finishRun,
  getRunRow,
  insertRun,
  insertRunItems,
  markInterruptedRuns,
  ZERO_COUNTS,
  type RunItemRecord
} from '../../../src/main/billing/store'
import type { Db } from '../../../src/main/db/connection'
import { psaDb } from './psa-db'
import { PSA_KINDS, SOURCE_KINDS } from '../../../src/shared/registry'

// A run killed mid-way has recorded some items but never its counts (they are written when a run finishes); the
// history must still say what it did: the summary is the sum of its items (found by the service crash suite).

let db: Db | undefined
afterEach(() => db?.close())

function item(result: string, n: number): RunItemRecord {
  return {
    psa: PSA_KINDS[0]!,
    mappingId: '',
    source: SOURCE_KINDS[0]!,
    orgId: `org-${result}-${n}`,
    target: { containerId: '1', containerName: 'c', itemId: '2', itemName: 'i' },
    oldQuantity: 1,
    newQuantity: 2,
    action: 'update',
    result,
    message: null,
    at: '2026-12-02T00:00:00.000Z'
  } as RunItemRecord
}

describe('markInterruptedRuns', () => {
  it("sums a killed run's recorded items into its counts and leaves finished runs alone", () => {
    db = psaDb()
    insertRun(db, { id: 'killed', trigger: 'manual', dryRun: false, startedAt: '2026-12-02T00:00:00.000Z' })
    insertRunItems(db, 'killed', [
      item('unchanged', 1),
      item('written', 1),
      item('written', 2),
      item('written', 3),
      item('held', 1),
      item('not written', 1)
    ])
    insertRun(db, { id: 'empty', trigger: 'manual', dryRun: false, startedAt: '2026-12-02T00:00:01.000Z' })
    insertRun(db, { id: 'done', trigger: 'manual', dryRun: false, startedAt: '2026-12-01T00:00:00.000Z' })
    insertRunItems(db, 'done', [item('written', 9)])
    finishRun(db, 'done', {
      status: 'ok',
      finishedAt: '2026-12-01T00:01:00.000Z',
      counts: { ...ZERO_COUNTS, written: 1 },
      error: null
    })

    expect(markInterruptedRuns(db, '2026-12-02T01:00:00.000Z')).toBe(2)

    expect(getRunRow(db, 'killed')).toMatchObject({
      status: 'interrupted',
      counts: { written: 3, unchanged: 1, held: 1, failed: 1, blocked: 0, planned: 0 },
      error: expect.stringContaining('stopped while this run was in progress')
    })
    expect(getRunRow(db, 'empty')).toMatchObject({ status: 'interrupted', counts: ZERO_COUNTS })
    expect(getRunRow(db, 'done')).toMatchObject({ status: 'ok', counts: { written: 1 }, error: null })
    expect(markInterruptedRuns(db, '2026-12-02T02:00:00.000Z')).toBe(0)
  })
})
