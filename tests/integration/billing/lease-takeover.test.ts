import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()
const WORKER = join(import.meta.dirname, 'lease-worker.ts')

// Issue 10 defect 5 (lease part): after a SIGKILL mid-run, the next `sync` was refused for up to 5 minutes with
// "Another PSA Bridge process … is running". The lease names its holder (pid, host, start) and a dead holder is
// replaced at once; a live one is named in the refusal.
describe('the billing-run lease of a killed process', () => {
  it('names a live holder, and is taken over at once when that process is killed', async () => {
    const h = await harness('syncro', { mappings: 1 })
    h.setUsage(h.mapped[0]!.orgId, h.mapped[0]!.initial + 2)
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, join(h.dataDir, 'psa-bridge.db')], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const [first] = (await once(child.stdout!, 'data')) as [Buffer]
    expect(first.toString()).toBe('held\n')

    const refused = await h.app.dispatch('pushSync', {})
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining(`process ${child.pid} on `) }
    })

    child.kill('SIGKILL')
    await once(child, 'exit')
    const run = await h.call('pushSync', {})
    expect(run).toMatchObject({ status: 'ok', counts: { written: 1 } })
    expect(h.psaQuantity(h.mapped[0]!)).toBe(h.mapped[0]!.initial + 2)
  }, 60_000)
})
