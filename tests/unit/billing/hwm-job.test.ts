import { afterEach, describe, expect, it } from 'vitest'
import { bucketState } from '../../../src/main/billing/hwm-buckets'
import { ensureHwmBuckets, HWM_REBUILD_RUN } from '../../../src/main/billing/hwm-job'
import { loadBillingSettings, storeBillingSettings } from '../../../src/main/billing/store'
import { monthHwms, recordSample } from '../../../src/main/billing/usage-store'
import type { AppContext } from '../../../src/main/core/context'
import { createEventBus } from '../../../src/main/core/events'
import { createLogger } from '../../../src/main/core/log'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'

let db: Db
afterEach(() => db?.close())

function context(): AppContext {
  db = openDatabase(':memory:')
  migrate(db, migrations)
  const at = new Date().toISOString()
  db.prepare(
    "INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES ('jumpcloud', 'source', 'JumpCloud', '{}', ?, ?)"
  ).run(at, at)
  return { db, events: createEventBus(), log: createLogger({}), now: () => new Date() } as unknown as AppContext
}

describe('ensureHwmBuckets', () => {
  it('follows a billing-zone change however it was saved, with progress events, once per database', async () => {
    const ctx = context()
    storeBillingSettings(db, { ...loadBillingSettings(db), timeZone: 'UTC' }, new Date())
    // 02:00 UTC on 1 April is still March in New York.
    recordSample(db, 'jumpcloud', 'org-a', 'users', 12, '2026-04-01T02:00:00Z', 'sync')
    recordSample(db, 'jumpcloud', 'org-a', 'users', 3, '2026-03-15T12:00:00Z', 'sync')
    await ensureHwmBuckets(ctx)
    expect(monthHwms(db, '2026-04').get('jumpcloud', 'org-a', 'users')).toBe(12)

    storeBillingSettings(db, { ...loadBillingSettings(db), timeZone: 'America/New_York' }, new Date())
    const progress: Array<{ done: number; total: number }> = []
    let finished = 0
    ctx.events.on('progress', (p) => {
      if (p.actionId !== HWM_REBUILD_RUN || p.action !== 'hwmRebuild') return
      if (p.finished) finished++
      else progress.push({ done: p.done, total: p.total ?? -1 })
    })
    const a = ensureHwmBuckets(ctx)
    expect(ensureHwmBuckets(ctx)).toBe(a) // a second caller waits for the same job
    await a
    expect(bucketState(db)).toMatchObject({ zone: 'America/New_York', rebuildFrom: null })
    expect(monthHwms(db, '2026-03').get('jumpcloud', 'org-a', 'users')).toBe(12)
    expect(monthHwms(db, '2026-04').get('jumpcloud', 'org-a', 'users')).toBeNull()
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 }) // March and April rebuilt
    expect(finished).toBe(1) // the bar ends
  })
})
