import { describe, expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 10 defect 6: a write whose every reply was lost was reported "failed: connection dropped (after 5 attempts)"
// while the PSA had the new value. The runner re-reads before reporting.
const WRITE = {
  syncro: { method: 'PUT', path: '/line_items/' },
  autotask: { method: 'POST', path: 'ServiceAdjustments' }
} as const

describe.each(['syncro', 'autotask'] as const)('a write whose reply is lost on %s', (psa) => {
  it('is reported written (confirmed after a lost reply) when the PSA holds the new value', async () => {
    const h = await harness(psa, { mappings: 2 })
    for (const m of h.mapped) h.setUsage(m.orgId, m.initial + 4)
    // Every attempt of the writes loses its reply after the PSA applied it.
    const sim = psa === 'syncro' ? h.sims.syncro : h.sims.autotask
    sim.faults.add({ kind: 'drop-reply', match: WRITE[psa] })

    const run = await h.call('pushSync', {})
    for (const m of h.mapped) expect(h.psaQuantity(m)).toBe(m.initial + 4)
    expect(run.status).toBe('ok')
    expect(run.counts).toMatchObject({ written: 2, failed: 0 })
    for (const i of run.items) expect(i).toMatchObject({ result: 'written', note: 'confirmed after a lost reply' })
    const view = await h.call('getBillingView', {})
    for (const row of view.mappings) expect(row.lastSyncResult).toMatch(/^written .*confirmed after a lost reply/)
  })
})
