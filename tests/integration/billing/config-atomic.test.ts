import { describe, expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const start = useBillingHarness()

describe('config import atomicity', () => {
  it('a write that fails half-way (after validation passed) leaves every mapping and setting as it was', async () => {
    const h = await start('syncro', { mappings: 3 })
    const before = await h.call('exportConfig', {})
    const next = {
      ...before,
      settings: { ...before.settings, allowZero: true, reviewDecreases: true },
      // Billing targets and names are checked against the PSA on import (config-targets.ts): the failing row is
      // told apart by a value the file owns.
      billingMappings: before.billingMappings.map((m, i) => ({ ...m, nonBillable: i === 2 ? 7 : 5 }))
    }
    // A storage failure on the third billing mapping, e.g. a full disk: SQLite aborts that statement.
    h.app.db.exec(
      "CREATE TEMP TRIGGER fail_import BEFORE INSERT ON billing_mappings WHEN NEW.non_billable = 7 BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    await expect(h.call('importConfig', { config: next })).rejects.toMatchObject({ appError: { code: 'internal' } })
    const after = await h.call('exportConfig', {})
    expect({ ...after, exportedAt: 'x' }).toEqual({ ...before, exportedAt: 'x' })

    h.app.db.exec('DROP TRIGGER fail_import')
    const ok = await h.call('importConfig', { config: next })
    expect(ok).toMatchObject({ customerMappings: before.customerMappings.length, billingMappings: 3 })
    const imported = await h.call('exportConfig', {})
    expect(imported.settings).toMatchObject({ allowZero: true, reviewDecreases: true })
    expect(imported.billingMappings.map((m) => m.nonBillable)).toEqual([5, 5, 7])
  })
})
