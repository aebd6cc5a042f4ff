import { describe, expect, it } from 'vitest'
import { useBillingHarness, type BillingHarness } from './harness'

const harness = useBillingHarness()

/** The unit price the PSA sim holds for a target: Syncro line retail (cents), Autotask period row price. */
function psaPrice(h: BillingHarness, t: { containerId: string; itemId: string }): number | null {
  if (h.psa === 'syncro') {
    const line = h.sims.syncro
      .account()
      .schedules.find((s) => String(s.id) === t.containerId)
      ?.lines.find((l) => String(l.id) === t.itemId)
    return line?.retail_cents == null ? null : line.retail_cents / 100
  }
  const now = Date.now()
  const row = h.sims.autotask.state.tables.ContractServiceUnits.find(
    (r) =>
      r.contractServiceID === Number(t.itemId) &&
      Date.parse(String(r.startDate)) <= now &&
      now <= Date.parse(String(r.endDate))
  )
  return typeof row?.price === 'number' ? row.price : null
}

// Issue 10 defect 2: "unit cost (and unit price where the mapping sets one) a first-class synced value". A mapping had
// no price at all; now it is stored, planned, previewed, written when it alone changed and shown in Activity.
describe.each(['syncro', 'autotask'] as const)('unit price on %s', (psa) => {
  it('a mapping’s unit price is planned, previewed and written when it alone changed, exactly', async () => {
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
      unitPrice: 19.99
    })
    expect(saved).toMatchObject({ unitPrice: 19.99, unitCost: null })
    expect((await h.call('getBillingView', {})).mappings.find((m) => m.mappingId === a.mappingId)?.unitPrice).toBe(
      19.99
    )
    expect(psaPrice(h, a)).not.toBe(19.99)

    const preview = await h.call('previewSync', {})
    const row = preview.items.find((i) => i.mappingId === a.mappingId)!
    expect(row).toMatchObject({ action: 'update', result: 'planned', newQuantity: a.initial, unitPrice: { to: 19.99 } })
    expect(row.unitCost ?? null).toBeNull()
    expect(row.reason).toMatch(/unit price .* → 19\.99/)
    expect(preview.items.find((i) => i.mappingId === b.mappingId)).toMatchObject({ action: 'unchanged' })
    expect(psaPrice(h, a)).not.toBe(19.99) // a preview writes nothing

    const push = await h.call('pushSync', {})
    expect(push.counts).toMatchObject({ written: 1, unchanged: 1 })
    expect(psaPrice(h, a)).toBe(19.99)
    if (psa === 'syncro')
      expect(h.sims.syncro.account().schedules.flatMap((s) => s.lines)).toContainEqual(
        expect.objectContaining({ id: Number(a.itemId), retail_cents: 1999 })
      )
    expect(h.psaQuantity(a)).toBe(a.initial)
    const run = await h.call('getRun', { runId: push.runId })
    expect(run.items.find((i) => i.mappingId === a.mappingId)?.message).toMatch(/unit price .* → 19\.99/)

    const writes = h.psaWrites()
    expect((await h.call('pushSync', {})).counts).toMatchObject({ written: 0, unchanged: 2 })
    expect(h.psaWrites()).toBe(writes) // never write what did not change

    const exported = await h.call('exportConfig', {})
    expect(exported.billingMappings.find((m) => m.itemId === a.itemId)).toMatchObject({ unitPrice: 19.99 })
  })
})
