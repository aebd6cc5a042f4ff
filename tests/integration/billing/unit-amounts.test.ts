import { describe, expect, it } from 'vitest'
import { useBillingHarness, type BillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 10 defect 2. Unit cost: JumpCloud's own Autotask sync updates "the Unit Cost and the Units" nightly; ours
// only sent a cost inside a units change, and only with a setting that was off by default, so the PSA's cost went
// stale. Unit price: a mapping had none at all. Both are now stored, planned, previewed, written when they alone
// changed, shown in Activity and carried by config export — one table of the two amounts.
const AMOUNTS = [
  { amount: 'unitCost', words: 'unit cost', value: 12.5, syncroField: 'cost_cents', autotaskField: 'cost' },
  { amount: 'unitPrice', words: 'unit price', value: 19.99, syncroField: 'retail_cents', autotaskField: 'price' }
] as const
type Amount = (typeof AMOUNTS)[number]

/** The amount the PSA sim holds for a target: Syncro line (cents), Autotask period row. */
function psaAmount(h: BillingHarness, t: { containerId: string; itemId: string }, a: Amount): number | null {
  if (h.psa === 'syncro') {
    const line = h.sims.syncro
      .account()
      .schedules.find((s) => String(s.id) === t.containerId)
      ?.lines.find((l) => String(l.id) === t.itemId)
    const cents = line?.[a.syncroField]
    return cents == null ? null : cents / 100
  }
  const now = Date.now()
  const row = h.sims.autotask.state.tables.ContractServiceUnits.find(
    (r) =>
      r.contractServiceID === Number(t.itemId) &&
      Date.parse(String(r.startDate)) <= now &&
      now <= Date.parse(String(r.endDate))
  )
  const value = row?.[a.autotaskField]
  return typeof value === 'number' ? value : null
}

describe.each(['syncro', 'autotask'] as const)('unit amounts on %s', (psa) => {
  it.each(AMOUNTS)(
    'a mapping’s $words is planned, previewed and written when it alone changed, exactly',
    async (amt) => {
      const other = amt.amount === 'unitCost' ? 'unitPrice' : 'unitCost'
      const pattern = new RegExp(`${amt.words} .* → ${String(amt.value).replace('.', '\\.')}`)
      const h = await harness(psa, { mappings: 2 })
      const [a, b] = h.mapped as [(typeof h.mapped)[0], (typeof h.mapped)[0]]
      h.setUsage(a.orgId, a.initial)
      h.setUsage(b.orgId, b.initial)
      const saved = await h.call('saveBillingMapping', {
        mappingId: a.mappingId,
        source: 'jumpcloud',
        orgId: a.orgId,
        containerId: a.containerId,
        itemId: a.itemId,
        metric: 'users',
        nonBillable: 0,
        unitCost: null,
        unitPrice: null,
        [amt.amount]: amt.value
      })
      expect(saved).toMatchObject({ [amt.amount]: amt.value, [other]: null })
      const view = await h.call('getBillingView', {})
      expect(view.mappings.find((m) => m.mappingId === a.mappingId)?.[amt.amount]).toBe(amt.value)
      expect(psaAmount(h, a, amt)).not.toBe(amt.value)

      const preview = await h.call('previewSync', {})
      const row = preview.items.find((i) => i.mappingId === a.mappingId)!
      expect(row).toMatchObject({ action: 'update', result: 'planned', newQuantity: a.initial })
      expect(row[amt.amount]).toMatchObject({ to: amt.value })
      expect(row[other] ?? null).toBeNull()
      expect(row.reason).toMatch(pattern)
      expect(preview.items.find((i) => i.mappingId === b.mappingId)).toMatchObject({ action: 'unchanged' })
      expect(psaAmount(h, a, amt)).not.toBe(amt.value) // a preview writes nothing

      const push = await h.call('pushSync', {})
      expect(push.counts).toMatchObject({ written: 1, unchanged: 1 })
      expect(psaAmount(h, a, amt)).toBe(amt.value)
      expect(h.psaQuantity(a)).toBe(a.initial)
      const run = await h.call('getRun', { runId: push.runId })
      expect(run.items.find((i) => i.mappingId === a.mappingId)?.message).toMatch(pattern)

      const writes = h.psaWrites()
      expect((await h.call('pushSync', {})).counts).toMatchObject({ written: 0, unchanged: 2 })
      expect(h.psaWrites()).toBe(writes) // never write what did not change

      const exported = await h.call('exportConfig', {})
      expect(exported.billingMappings.find((m) => m.itemId === a.itemId)).toMatchObject({ [amt.amount]: amt.value })
    }
  )
})
