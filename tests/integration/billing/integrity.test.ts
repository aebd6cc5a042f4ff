import { describe, expect, it } from 'vitest'
import { useBillingHarness, type BillingHarness } from './harness'

// Review regressions on the money path: a PSA line we cannot own as a seat count, and a mapping whose org
// moved to another customer, must each stop that one item — never the run, never a write to the wrong invoice.

const harness = useBillingHarness()

/** Puts a fractional quantity on a target, as the PSA would hold it (Syncro: decimal string; Autotask: units). */
function setFractional(h: BillingHarness, t: { containerId: string; itemId: string }, q: number): void {
  if (h.psa === 'syncro') {
    const line = h.sims.syncro
      .account()
      .schedules.find((s) => String(s.id) === t.containerId)!
      .lines.find((l) => String(l.id) === t.itemId)!
    line.quantity = q.toFixed(1) // syncro.md §5.3: quantities are decimal strings [S1]
  } else {
    const now = h.sims.autotask.clock.now().getTime()
    const row = h.sims.autotask.state.tables.ContractServiceUnits.find(
      (r) =>
        String(r.contractServiceID) === t.itemId &&
        Date.parse(String(r.startDate)) <= now &&
        now <= Date.parse(String(r.endDate))
    )!
    row.units = q
  }
}

describe.each(['syncro', 'autotask'] as const)('billing integrity against the %s simulator', (psa) => {
  it('a fractional PSA quantity fails that item only: the others are written and the whole run is recorded', async () => {
    const h = await harness(psa, { mappings: 3 })
    const users = h.mapped.map((m) => {
      h.setUsage(m.orgId, m.initial + 4)
      return m.initial + 4
    })
    const odd = h.mapped[1]!
    setFractional(h, odd, 12.5)

    const r = await h.call('pushSync', {})
    expect(r.status).toBe('partial')
    expect(r.error).toBeNull()
    expect(r.counts).toMatchObject({ written: 2, failed: 1 })
    expect(r.items.find((i) => i.mappingId === odd.mappingId)).toMatchObject({
      result: 'failed',
      current: null,
      newQuantity: null
    })
    expect(r.items.find((i) => i.mappingId === odd.mappingId)?.error).toMatch(/12\.5.*not a whole/)
    expect(h.psaQuantity(odd)).toBe(12.5) // untouched
    for (const i of [0, 2]) expect(h.psaQuantity(h.mapped[i]!)).toBe(users[i])

    // Every item is in the run's record and on its mapping.
    const detail = await h.call('getRun', { runId: r.runId })
    expect(detail.items).toHaveLength(3)
    const view = await h.call('getBillingView', {})
    expect(view.running).toBe(false)
    expect(view.mappings.find((m) => m.mappingId === odd.mappingId)?.lastSyncResult).toMatch(/^failed: /)
  })

  it("a mapping whose org was remapped to another customer is blocked, not pushed to the old customer's invoice", async () => {
    const h = await harness(psa, { mappings: 2 })
    for (const m of h.mapped) h.setUsage(m.orgId, m.initial + 3)
    const moved = h.mapped[0]!
    const used = new Set(
      (await h.call('getCustomersView', {})).orgs
        .map((o) => o.customerId)
        .filter((x): x is string => typeof x === 'string')
    )
    const other = (await h.call('getCustomersView', {})).customers.find((c) => c.active && !used.has(c.id))!
    await h.call('mapOrg', { source: 'jumpcloud', orgId: moved.orgId, customerId: other.id })
    const writes = h.psaWrites()

    const preview = await h.call('previewSync', {})
    expect(preview.items.find((i) => i.mappingId === moved.mappingId)).toMatchObject({
      result: 'blocked',
      code: 'customer-changed'
    })

    const r = await h.call('pushSync', {})
    expect(r.items.find((i) => i.mappingId === moved.mappingId)).toMatchObject({
      action: 'blocked',
      code: 'customer-changed',
      result: 'blocked'
    })
    expect(r.counts).toMatchObject({ written: 1, blocked: 1 })
    expect(h.psaQuantity(moved)).toBe(moved.initial)
    expect(h.psaWrites()).toBe(writes + 1)
  })
})
