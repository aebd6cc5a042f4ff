import { describe, expect, it } from 'vitest'
import { createApp } from '../../../src/main/app/app'
import { useBillingHarness } from './harness'

const start = useBillingHarness()

describe('billing runner', () => {
  it('never runs twice at once, whichever door asks; the next run is allowed once it finished', async () => {
    const h = await start('syncro', { mappings: 2 })
    h.mapped.forEach((m) => h.setUsage(m.orgId, m.initial + 1))
    const progress: string[] = []
    h.app.events.on('progress', (p) => void (p.action === 'billingSync' && progress.push(p.step)))
    const finished: string[] = []
    h.app.events.on('syncFinished', (p) => void finished.push(p.result))

    const first = h.app.dispatch('pushSync', { trigger: 'schedule' })
    const second = await h.app.dispatch('pushSync', { trigger: 'tray' })
    const preview = await h.app.dispatch('previewSync', {})
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(preview).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await first).toMatchObject({ ok: true, value: { status: 'ok', counts: { written: 2 } } })
    expect(h.psaWrites()).toBe(2)
    expect(finished).toEqual(['ok'])
    expect(progress).toEqual(
      expect.arrayContaining(['Counting devices per organization', 'Writing quantities to the PSA'])
    )
    expect(await h.app.dispatch('pushSync', {})).toMatchObject({
      ok: true,
      value: { counts: { written: 0, unchanged: 2 } }
    })
  })

  it('a PSA outage ends the run as failed with a clear error, recorded in Activity; the app keeps working', async () => {
    const h = await start('autotask', { mappings: 2 })
    h.mapped.forEach((m) => h.setUsage(m.orgId, m.initial + 1))
    h.sims.autotask.faults.add({ kind: 'status', status: 503, match: { path: 'ContractService' } }) // its services and their units
    const r = await h.call('pushSync', {})
    expect(r.status).toBe('failed')
    expect(r.error).toMatch(/Autotask/i)
    expect(r.counts.written).toBe(0)
    expect(h.psaWrites()).toBe(0)
    expect((await h.call('listRuns', {}))[0]).toMatchObject({ runId: r.runId, status: 'failed' })
    h.sims.autotask.faults.clear()
    expect(await h.call('pushSync', {})).toMatchObject({ status: 'ok', counts: { written: 2 } })
  })

  it('a run left "running" by a crash is marked interrupted at the next start', async () => {
    const h = await start('syncro', { mappings: 1 })
    h.app.db
      .prepare(
        "INSERT INTO sync_runs (id, kind, trigger, dry_run, started_at, status) VALUES ('crashed', 'billing', 'schedule', 0, '2026-01-01T00:00:00.000Z', 'running')"
      )
      .run()
    const again = await createApp({ dataDir: h.dataDir, env: h.env })
    const r = await again.dispatch('getRun', { runId: 'crashed' })
    await again.close()
    expect(r).toMatchObject({ ok: true, value: { status: 'interrupted', error: expect.stringContaining('stopped') } })
  })

  it('the prerequisite check lists mapped customers without a billable target, with what to do', async () => {
    const h = await start('autotask', { mappings: 1 })
    const m = h.mapped[0]!
    // Deactivate the contract in the PSA: the company now has no active Recurring Service contract.
    const contract = h.sims.autotask.state.tables.Contracts.find((c) => String(c.id) === m.containerId)!
    contract.status = 0
    const r = await h.call('checkBillingPrerequisites', {})
    expect(r.problems).toEqual([
      expect.objectContaining({
        orgId: m.orgId,
        problem: 'no-container',
        fix: expect.stringContaining('Recurring Service')
      })
    ])
  })
})
