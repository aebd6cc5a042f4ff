import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import type { ConfigFile } from '../../../src/shared/contract/billing'
import { useTempDirs } from '../../helpers/tmp'
import { useBillingHarness, type BillingHarness } from './harness'

const tmp = useTempDirs()
const start = useBillingHarness()

async function importFile(h: BillingHarness, config: ConfigFile) {
  const file = join(tmp(), 'config.json')
  writeFileSync(file, JSON.stringify(config))
  const err: string[] = []
  const code = await runCli(['--data-dir', h.dataDir, 'config', 'import', file], {
    out: () => undefined,
    err: (t) => void err.push(t),
    env: h.env
  })
  return { code, err: err.join('\n') }
}

// Issue 10 defect 7: `config import` took billing targets and their names from the file unchecked; a file pointing
// one org's billing at another customer's invoice line imported with exit 0 and the next sync wrote that customer's
// line ("29 → 6, written"). Import now checks every target against the PSA with the Billing screen's rules.
describe.each(['syncro', 'autotask'] as const)('config import on %s', (psa) => {
  it("refuses a billing mapping that points at another customer's line, all-or-nothing; the other customer's line is never written", async () => {
    const h = await start(psa, { mappings: 2 })
    const [a, b] = h.mapped as [(typeof h.mapped)[0], (typeof h.mapped)[0]]
    const exported = await h.call('exportConfig', {})
    const bm = exported.billingMappings
    const ai = bm.findIndex((m) => m.orgId === a.orgId)
    // Org A's billing now points at B's line, with A's customer and a made-up name.
    const forged: ConfigFile = {
      ...exported,
      billingMappings: [
        { ...bm[ai]!, containerId: b.containerId, itemId: b.itemId, itemName: 'Harmless line' },
        ...bm.filter((_, i) => i !== ai && bm[i]!.orgId !== b.orgId)
      ]
    }
    const r = await importFile(h, forged)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/billingMappings\.0\.(containerId|itemId)/)
    // Nothing was imported: A still bills its own line; a push writes A's and B's own lines only.
    h.setUsage(a.orgId, 6)
    h.setUsage(b.orgId, b.initial)
    const push = await h.call('pushSync', {})
    expect(push.counts).toMatchObject({ written: 1 })
    expect(h.psaQuantity(b)).toBe(b.initial)
    expect(h.psaQuantity(a)).toBe(6)
  })

  it("takes the line's name from the PSA, not from the file", async () => {
    const h = await start(psa, { mappings: 1 })
    const exported = await h.call('exportConfig', {})
    const real = exported.billingMappings[0]!.itemName
    const renamed: ConfigFile = {
      ...exported,
      billingMappings: exported.billingMappings.map((m) => ({ ...m, itemName: 'Anything at all' }))
    }
    expect((await importFile(h, renamed)).code).toBe(0)
    const view = await h.call('getBillingView', {})
    expect(view.mappings[0]!.target.itemName).toBe(real)
  })

  it('refuses while the PSA cannot be reached, saying so, and imports nothing', async () => {
    const h = await start(psa, { mappings: 1 })
    const exported = await h.call('exportConfig', {})
    const changed: ConfigFile = {
      ...exported,
      billingMappings: exported.billingMappings.map((m) => ({ ...m, nonBillable: 3 }))
    }
    const sim = psa === 'syncro' ? h.sims.syncro : h.sims.autotask
    sim.faults.add({ kind: 'status', status: 503 })
    const r = await importFile(h, changed)
    expect(r.code).not.toBe(0)
    expect(r.err).toMatch(/could not be checked.*Nothing was imported/s)
    sim.faults.clear()
    expect((await h.call('getBillingView', {})).mappings[0]!.nonBillable).toBe(0)
  })
})
