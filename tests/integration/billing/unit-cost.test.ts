import { describe, expect, it } from 'vitest'
import { useBillingHarness, type BillingHarness } from './harness'

const harness = useBillingHarness()

/** The unit cost the PSA sim holds for a target: Syncro line cost (cents), Autotask period row cost. */
function psaCost(h: BillingHarness, t: { containerId: string; itemId: string }): number | null {
  if (h.psa === 'syncro') {
    const line = h.sims.syncro
      .account()
      .schedules.find((s) => String(s.id) === t.containerId)
      ?.lines.find((l) => String(l.id) === t.itemId)
    return line?.cost_cents == null ? null : line.cost_cents / 100
  }
  const now = Date.now()
  const row = h.sims.autotask.state.tables.ContractServiceUnits.find(
    (r) =>
      r.contractServiceID === Number(t.itemId) &&
      Date.parse(String(r.startDate)) <= now &&
      now <= Date.parse(String(r.endDate))
  )
  return typeof row?.cost === 'number' ? row.cost : null
}

// Issue 10 defect 2: JumpCloud's own Autotask sync updates "the Unit Cost and the Units" nightly; ours only sent a
// cost inside a units change, and only with a setting that was off by default, so the PSA's cost went stale.
describe.each(['syncro', 'autotask'] as const)('unit cost on %s', (psa) => {
  it('a mapping’s unit cost is planned, previewed and written even when the quantity did not change', async () => {
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
      unitCost: 12.5
    })
    expect(saved.unitCost).toBe(12.5)
    expect(psaCost(h, a)).not.toBe(12.5)

    const preview = await h.call('previewSync', {})
    const row = preview.items.find((i) => i.mappingId === a.mappingId)!
    expect(row).toMatchObject({ action: 'update', result: 'planned', newQuantity: a.initial })
    expect(row.unitCost).toMatchObject({ to: 12.5 })
    expect(preview.items.find((i) => i.mappingId === b.mappingId)).toMatchObject({ action: 'unchanged' })

    const push = await h.call('pushSync', {})
    expect(push.counts).toMatchObject({ written: 1, unchanged: 1 })
    expect(psaCost(h, a)).toBe(12.5)
    expect(h.psaQuantity(a)).toBe(a.initial)
    const run = await h.call('getRun', { runId: push.runId })
    expect(run.items.find((i) => i.mappingId === a.mappingId)?.message).toMatch(/unit cost .* → 12\.5/)

    const writes = h.psaWrites()
    expect((await h.call('pushSync', {})).counts).toMatchObject({ written: 0, unchanged: 2 })
    expect(h.psaWrites()).toBe(writes) // never write what did not change
  })
})
