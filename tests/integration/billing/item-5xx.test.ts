import { describe, expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 11 #9: one line item's HTTP 500 counted as "the PSA is down": the run stopped as "failed", the other items were
// "Not attempted" and the rows came back in completion order. A 5xx on one item fails that item; only a streak of them
// across items (or a PSA that never answers) fails the run.
describe('HTTP 5xx during a billing push', () => {
  it("one Syncro line's persistent 500 fails that line alone: the others are written, the run is partial, rows sorted", async () => {
    const h = await harness('syncro', { mappings: 4 })
    for (const m of h.mapped) h.setUsage(m.orgId, m.initial + 3)
    const bad = h.mapped[1]!
    h.sims.syncro.faults.add({
      kind: 'status',
      status: 500,
      match: { method: 'PUT', path: `/schedules/${bad.containerId}/line_items/${bad.itemId}$` }
    })

    const run = await h.call('pushSync', {})
    expect(run.status).toBe('partial')
    expect(run.error).toBeNull()
    expect(run.counts).toMatchObject({ written: 3, failed: 1 })
    expect(run.items.map((i) => i.mappingId)).toEqual(h.mapped.map((m) => m.mappingId))
    expect(run.items[1]).toMatchObject({ result: 'failed', error: expect.stringMatching(/HTTP 500/) })
    expect(h.psaQuantity(bad)).toBe(bad.initial)
    for (const m of h.mapped.filter((x) => x !== bad)) expect(h.psaQuantity(m)).toBe(m.initial + 3)
    const [listed] = await h.call('listRuns', {})
    expect(listed).toMatchObject({ runId: run.runId, status: 'partial' })
  })

  it('a Syncro that answers every line with 503 is down: the run stops as failed after a few items, rows sorted', async () => {
    const h = await harness('syncro', { mappings: 6 })
    for (const m of h.mapped) h.setUsage(m.orgId, m.initial + 1)
    h.sims.syncro.faults.add({ kind: 'status', status: 503, match: { path: '/schedules/' } })

    const run = await h.call('pushSync', { trigger: 'manual' })
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/HTTP 503/)
    expect(run.counts.written).toBe(0)
    expect(h.psaWrites()).toBe(0)
    expect(run.items.map((i) => i.mappingId)).toEqual(h.mapped.map((m) => m.mappingId))
    for (const m of h.mapped) expect(h.psaQuantity(m)).toBe(m.initial)
  })

  it('one mapping whose only request fails with 500: nothing answered, so the run is failed, not partial', async () => {
    const h = await harness('syncro', { mappings: 1 })
    const [m] = h.mapped as [(typeof h.mapped)[0]]
    h.setUsage(m.orgId, m.initial + 1)
    h.sims.syncro.faults.add({ kind: 'status', status: 500, match: { path: `/schedules/${m.containerId}` } })
    const run = await h.call('pushSync', {})
    expect(run.status).toBe('failed')
    expect(run.items).toEqual([expect.objectContaining({ mappingId: m.mappingId, result: 'failed' })])
  })
})
