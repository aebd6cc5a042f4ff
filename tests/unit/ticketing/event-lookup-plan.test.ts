import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'

// Delivery updates and reads alert rows by their key (ticketing/store.ts). Looked up by event id alone, each statement
// scanned every alert and a 10,000-alert cycle cost O(n²) (issue 12); event ids are unique per source only, so the
// statements name the source too and search the (source, event id) key. Timing lives in bench/alert-intake.bench.ts;
// here: the plans are index searches.

let db: Db
afterEach(() => db?.close())

const plan = (sql: string) => {
  const st = db.prepare(`EXPLAIN QUERY PLAN ${sql}`)
  const args = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x')
  return (st.all(...args) as Array<{ detail: string }>).map((r) => r.detail).join('; ')
}

describe('alert rows by their key', () => {
  it.each([
    "UPDATE alert_events SET state = 'delivered' WHERE source_kind = ? AND event_id = ?",
    'UPDATE alert_events SET note_marker = ?, ticket_id = ? WHERE source_kind = ? AND event_id = ?',
    "SELECT * FROM alert_events WHERE source_kind = ? AND event_id = ? AND state = 'queued'"
  ])('%s searches an index', (sql) => {
    db = openDatabase(':memory:')
    migrate(db, migrations)
    const p = plan(sql)
    expect(p).toMatch(/SEARCH alert_events USING (INDEX|PRIMARY KEY)/)
    expect(p).not.toMatch(/SCAN alert_events/)
  })
})
