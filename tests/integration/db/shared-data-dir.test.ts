import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { upsertIntegration } from '../../../src/main/connect/store'
import { loadMappings, saveCustomers, saveOrgs } from '../../../src/main/customers/store'
import { useTempDirs } from '../../helpers/tmp'

const run = promisify(execFile)
const tmp = useTempDirs()
const WORKER = join(import.meta.dirname, 'stress-worker.ts')
const PROCESSES = 4
const WRITES = 200
const CUSTOMERS = 5

// The desktop app and the CLI may share a data dir (README): writes from several processes at once must wait
// for each other (busy handler, IMMEDIATE transactions) instead of failing with "database is locked".
describe('several processes writing one data dir at once', () => {
  it(`${PROCESSES} processes × ${WRITES} mapOrg calls: no failure, no lost write`, async () => {
    const dir = tmp()
    const db = openDatabase(join(dir, 'psa-bridge.db'))
    migrate(db, migrations)
    const now = new Date().toISOString()
    upsertIntegration(db, { kind: 'syncro', role: 'psa', displayName: 'Syncro test', settings: {}, now })
    upsertIntegration(db, { kind: 'jumpcloud', role: 'source', displayName: 'JumpCloud test', settings: {}, now })
    const orgs = Array.from({ length: PROCESSES }, (_, w) =>
      Array.from({ length: WRITES }, (_, i) => ({ id: `o-${w}-${i}`, name: `Org ${w}-${i}` }))
    ).flat()
    saveOrgs(db, 'jumpcloud', orgs, now)
    saveCustomers(
      db,
      'syncro',
      Array.from({ length: CUSTOMERS }, (_, i) => ({ id: `c-${i}`, name: `Customer ${i}`, active: true })),
      now
    )
    db.close()

    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, w) =>
        run(process.execPath, ['--import', 'tsx', WORKER, dir, String(w), String(WRITES), String(CUSTOMERS)], {
          maxBuffer: 16 * 1024 * 1024
        })
      )
    )
    const failures = results.flatMap((r) => (JSON.parse(r.stdout) as { failures: string[] }).failures)
    expect(failures).toEqual([])

    const check = openDatabase(join(dir, 'psa-bridge.db'))
    const mapped = new Map(loadMappings(check, 'syncro').map((m) => [m.orgId, m.customerId]))
    check.close()
    const lost = orgs.filter((o) => mapped.get(o.id) !== `c-${Number(o.id.split('-')[2]) % CUSTOMERS}`)
    expect(lost).toEqual([])
    expect(mapped.size).toBe(PROCESSES * WRITES)
  }, 300_000)
})
