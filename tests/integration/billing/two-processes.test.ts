import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app/app'
import { startBillingHarness, type BillingHarness } from './harness'

const open: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close()
})

describe('billing runs of two processes on one data dir', () => {
  it('a second process can neither start a run, import a configuration, nor declare the live run interrupted', async () => {
    const h: BillingHarness = await startBillingHarness('syncro', { mappings: 2 })
    open.push(h)
    // Hold the desktop app's run inside its first JumpCloud request.
    h.sims.jumpcloud.faults.add({ kind: 'delay', delayMs: 1_500, count: 1 })
    const desk = h.call('pushSync', {})
    await new Promise<void>((resolve) => {
      const off = h.app.events.on('progress', () => {
        off()
        resolve()
      })
    })

    // `psa-bridge sync` opens its own core on the same data dir meanwhile.
    const cli: App = await createApp({ dataDir: h.dataDir, env: h.env })
    open.push(cli)
    const refused = await cli.dispatch('pushSync', { trigger: 'cli' })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/another .*process/i) }
    })
    // Nor can it replace the mappings under the running sync.
    const config = await cli.dispatch('exportConfig', {})
    expect(await cli.dispatch('importConfig', { config: (config as { value: unknown }).value })).toMatchObject({
      ok: false,
      error: { code: 'conflict' }
    })

    const result = await desk
    expect(result).toMatchObject({ status: 'ok', counts: { written: 2 } })
    const runs = await cli.dispatch('listRuns', {})
    expect(runs).toMatchObject({ ok: true, value: [expect.objectContaining({ runId: result.runId, status: 'ok' })] })

    // With the lease released, the other process runs normally.
    expect(await cli.dispatch('pushSync', { trigger: 'cli' })).toMatchObject({
      ok: true,
      value: { status: 'ok', counts: { written: 0 } }
    })
  })
})
