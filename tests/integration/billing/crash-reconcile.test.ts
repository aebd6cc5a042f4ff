import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useBillingHarness, type BillingHarness } from './harness'

const harness = useBillingHarness()
const WORKER = join(import.meta.dirname, 'sync-worker.ts')

/** The request that writes one mapping's quantity. */
function writeMatch(h: BillingHarness, m: { containerId: string; itemId: string }) {
  return h.psa === 'syncro'
    ? { method: 'PUT', path: `/schedules/${m.containerId}/line_items/${m.itemId}$` }
    : { method: 'POST', path: `/Contracts/${m.containerId}/ServiceAdjustments$` }
}

// Issue 10 defect 5: a `sync` SIGKILLed between the PSA's write and its own record left a history saying
// "interrupted, 0 items" while the PSA had changed (59 Syncro writes and 7 Autotask adjustments missing). Intents are
// recorded before each request; the next run re-reads each target and tells the truth, without writing twice.
describe.each(['syncro', 'autotask'] as const)('a CLI push killed mid-write on %s', (psa) => {
  it('the next run records what the PSA holds: one write confirmed, one not written; nothing written twice', async () => {
    const h = await harness(psa, { mappings: 2 })
    const [applied, lost] = h.mapped as [(typeof h.mapped)[0], (typeof h.mapped)[0]]
    for (const m of h.mapped) h.setUsage(m.orgId, m.initial + 2)
    const sim = psa === 'syncro' ? h.sims.syncro : h.sims.autotask
    // `applied`: the PSA takes the write, its reply never comes. `lost`: the request never reaches the handler.
    sim.faults.add({ kind: 'hold-reply', match: writeMatch(h, applied) })
    sim.faults.add({ kind: 'hold-request', match: writeMatch(h, lost) })

    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, h.dataDir], {
      env: { ...process.env, ...h.env },
      stdio: ['ignore', 'ignore', 'inherit']
    })
    await sim.faults.whenHeld(2) // both writes are in flight: exactly between the PSA's write and the record
    child.kill('SIGKILL')
    await once(child, 'exit')
    sim.faults.clear()
    expect(h.psaQuantity(applied)).toBe(applied.initial + 2)
    expect(h.psaQuantity(lost)).toBe(lost.initial)
    const [killed] = await h.call('listRuns', {})
    expect(killed).toMatchObject({ status: 'running' }) // nobody has looked yet

    const writesBefore = h.psaWrites()
    const next = await h.call('pushSync', {})
    expect(next.status).toBe('ok')
    expect(next.items.map((i) => [i.mappingId, i.result])).toEqual([
      [applied.mappingId, 'unchanged'],
      [lost.mappingId, 'written']
    ])
    expect(h.psaWrites() - writesBefore).toBe(1) // only the write that never happened
    expect(h.psaQuantity(applied)).toBe(applied.initial + 2) // not applied twice (Autotask writes deltas)
    expect(h.psaQuantity(lost)).toBe(lost.initial + 2)

    const history = await h.call('getRun', { runId: killed!.runId })
    expect(history).toMatchObject({
      status: 'interrupted',
      counts: { written: 1, failed: 1 },
      error: expect.stringContaining('1 written, 1 not written')
    })
    expect(history.items.map((i) => [i.mappingId, i.result, i.oldQuantity, i.newQuantity, i.message])).toEqual([
      [applied.mappingId, 'written', applied.initial, applied.initial + 2, 'confirmed on the next run'],
      [lost.mappingId, 'not written', lost.initial, lost.initial + 2, expect.stringContaining('does not hold it')]
    ])
    // Settled once: a third run adds nothing to the killed run's history.
    await h.call('pushSync', {})
    expect((await h.call('getRun', { runId: killed!.runId })).items).toHaveLength(2)
  }, 90_000)
})
