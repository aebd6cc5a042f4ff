import { describe, expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 10 defect 4: one malformed GET /schedules/{id} reply aborted the whole Syncro prefetch: 0 of 3 written, run
// "failed". A persistent fault on one customer's invoice must fail that item alone. (Autotask reads every target in
// the same few queries, so there is no per-customer read to isolate.)
describe('a persistently unreadable Syncro recurring invoice', () => {
  it('fails its own item; the others are written and the run is partial', async () => {
    const h = await harness('syncro', { mappings: 3 })
    for (const m of h.mapped) h.setUsage(m.orgId, m.initial + 2)
    const [bad, ...good] = h.mapped as [(typeof h.mapped)[0], ...typeof h.mapped]
    h.sims.syncro.faults.add({ kind: 'malformed', match: { method: 'GET', path: `/schedules/${bad.containerId}$` } })

    const run = await h.call('pushSync', {})
    expect(run.status).toBe('partial')
    expect(run.counts).toMatchObject({ written: good.length, failed: 1 })
    expect(run.items.find((i) => i.mappingId === bad.mappingId)).toMatchObject({ result: 'failed' })
    expect(h.psaQuantity(bad)).toBe(bad.initial)
    for (const m of good) expect(h.psaQuantity(m)).toBe(m.initial + 2)
  })
})
