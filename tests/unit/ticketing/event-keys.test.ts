import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { SOURCE_KINDS } from '../../../src/shared/registry'
import { upsertIntegration } from '../../../src/main/connect/store'
import {
  eventsInState,
  insertEvent,
  markNoteIntent,
  parkForAttention,
  recordFailure,
  setEventState,
  stillQueued
} from '../../../src/main/ticketing/store'

// Event ids are unique per source only (migration 14 keys alerts by source and id): one source's update must never
// touch another source's alert that happens to carry the same id.

let db: Db
afterEach(() => db?.close())

const [A, B] = SOURCE_KINDS as unknown as [(typeof SOURCE_KINDS)[number], (typeof SOURCE_KINDS)[number]]

function twoSourcesOneId(): void {
  db = openDatabase(':memory:')
  migrate(db, migrations)
  for (const kind of [A, B])
    upsertIntegration(db, { kind, role: 'source', displayName: kind, settings: {}, now: '2026-12-01T00:00:00Z' })
  for (const sourceKind of [A, B])
    insertEvent(
      db,
      { id: 'evt-1', orgId: `org-${sourceKind}`, eventType: 'x', timestamp: '2026-12-01T00:00:00Z', raw: {} },
      {
        alertType: 'critical',
        groupKey: `g-${sourceKind}`,
        state: 'queued',
        receivedAt: '2026-12-01T00:00:01Z',
        sourceKind
      }
    )
}

const row = (source: string) => eventsInState(db, 'queued').find((e) => e.source_kind === source)

describe('alert events keyed by source and id', () => {
  it('each update names its source: the other source’s alert with the same id is left alone', () => {
    twoSourcesOneId()
    const a = row(A)!
    recordFailure(db, a, 'timeout: x', '2026-12-01T00:01:00Z')
    markNoteIntent(db, [a], 'mk-1', 't-1')
    expect(row(A)).toMatchObject({ attempts: 1, note_marker: 'mk-1', ticket_id: 't-1' })
    expect(row(B)).toMatchObject({ attempts: 0, note_marker: null, ticket_id: null, last_error: null })
    expect(stillQueued(db, [a]).map((e) => e.source_kind)).toEqual([A])

    setEventState(db, a, 'delivered', { delivery: 'note', ticketId: 't-1', at: '2026-12-01T00:02:00Z' })
    expect(row(A)).toBeUndefined()
    expect(row(B)?.state).toBe('queued')

    parkForAttention(db, [row(B)!], 'needs a queue')
    expect(eventsInState(db, 'attention').map((e) => e.source_kind)).toEqual([B])
    expect(eventsInState(db, 'delivered').map((e) => e.source_kind)).toEqual([A])
  })
})
