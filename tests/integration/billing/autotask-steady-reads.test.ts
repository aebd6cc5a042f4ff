// Issue 12: an Autotask steady sync reads only what comparing needs (one ContractServiceUnits query per 500
// services), writes exactly what changed, and still checks a contract service exists on its contract just before
// writing through it.
import { describe, expect, it } from 'vitest'
import { useBillingHarness, type BillingHarness } from './harness'

const harness = useBillingHarness()

/** The Autotask requests made by `run`, as 'METHOD entity' ('POST ContractServiceUnits/query', …). */
async function requestsOf(h: BillingHarness, run: () => Promise<unknown>): Promise<string[]> {
  const from = h.sims.autotask.requests.length
  await run()
  return h.sims.autotask.requests
    .slice(from)
    .map((r) => `${r.method} ${/v1\.0\/(.*?)(\?|$)/i.exec(r.path)?.[1] ?? r.path}`)
}

describe('Autotask steady sync', () => {
  it('reads one units query, writes nothing; k changes → the units query, one existence re-read, exactly k adjustments', async () => {
    const h = await harness('autotask', { mappings: 4 })
    h.mapped.forEach((m) => h.setUsage(m.orgId, m.initial + 3))
    expect((await h.call('pushSync', {})).counts.written).toBe(4)

    const steady = await requestsOf(h, () => h.call('pushSync', {}))
    expect(steady).toEqual(['POST ContractServiceUnits/query'])

    const [a, b] = h.mapped as [(typeof h.mapped)[0], (typeof h.mapped)[0]]
    h.setUsage(a.orgId, a.initial + 7)
    h.setUsage(b.orgId, b.initial + 9) // the month's HWM only rises
    const changed = await requestsOf(h, () => h.call('pushSync', {}))
    expect(changed.filter((r) => /ServiceAdjustments$/.test(r))).toEqual([
      `POST Contracts/${a.containerId}/ServiceAdjustments`,
      `POST Contracts/${b.containerId}/ServiceAdjustments`
    ])
    // Before writing: the contract services themselves (ownership), their contracts and the period's units.
    expect(changed.filter((r) => r.endsWith('/query')).sort()).toEqual([
      'POST ContractServiceUnits/query',
      'POST ContractServiceUnits/query',
      'POST ContractServices/query',
      'POST Contracts/query'
    ])
    expect(h.psaQuantity(a)).toBe(a.initial + 7)
    expect(h.psaQuantity(b)).toBe(b.initial + 9)
  })

  it('a service whose units rows still name its contract but that is gone from it is refused before any write', async () => {
    const h = await harness('autotask', { mappings: 2 })
    const [gone, kept] = h.mapped as [(typeof h.mapped)[0], (typeof h.mapped)[0]]
    // Moved to another contract, its old periods left behind: the cheap read alone would still trust them.
    const cs = h.sims.autotask.state.tables.ContractServices.find((r) => String(r.id) === gone.itemId)!
    cs.contractID = 424242
    h.setUsage(gone.orgId, gone.initial + 2)
    h.setUsage(kept.orgId, kept.initial + 2)
    const sent = await requestsOf(h, () => h.call('pushSync', {}))
    const r = await h.call('getBillingView', {})
    expect(sent.filter((x) => /ServiceAdjustments$/.test(x))).toEqual([
      `POST Contracts/${kept.containerId}/ServiceAdjustments`
    ])
    expect(h.psaQuantity(gone)).toBe(gone.initial)
    expect(r.mappings.find((m) => m.mappingId === gone.mappingId)?.lastSyncResult).toMatch(/no service/i)
  })
})
