import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { storeLastScheduledRun } from '../../../src/main/billing/store'
import { runCli } from '../../../src/main/cli/run'
import { useBillingHarness } from '../billing/harness'

const harness = useBillingHarness()
const CLI = join(import.meta.dirname, '../../../src/main/cli.ts')

type Child = ChildProcessByStdio<null, Readable, Readable>

/** Resolves with the first stdout line that matches (the service logs plain lines there). */
function lineMatching(child: Child, re: RegExp, seen: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout })
    rl.on('line', (line) => {
      seen.push(line)
      if (re.test(line)) resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`service exited (${code}) before ${re}:\n${seen.join('\n')}`)))
  })
}

// Issue 10 #9: `psa-bridge service` as a real process. SIGTERM arrives while a billing run is reading counts: the
// process exits 0, the run is recorded "interrupted" with counts that match the PSA exactly, the database is sound,
// and a second service on the same data dir is refused naming the first.
describe('psa-bridge service as a process', () => {
  it('stops cleanly on SIGTERM mid-run and refuses a second instance', async () => {
    const h = await harness('syncro', { mappings: 4 })
    await h.call('saveBillingSettings', { scheduleEnabled: true })
    // The computer was off at yesterday's noon: the service owes one catch-up push when it starts.
    storeLastScheduledRun(h.app.db, new Date(Date.now() - 2 * 86_400_000))
    for (const m of h.mapped) h.setUsage(m.orgId, m.initial + 7)
    // Counts take a while, so the run is certainly in progress when the signal lands.
    h.sims.jumpcloud.faults.add({ kind: 'delay', delayMs: 1_500, match: { path: '/api/system' } })

    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--data-dir', h.dataDir, 'service'], {
      env: { ...process.env, ...h.env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const err: string[] = []
    child.stderr.on('data', (b: Buffer) => err.push(b.toString()))
    const seen: string[] = []
    await lineMatching(child, /billing run started .*trigger=catch-up/, seen)

    // A second service on the same data dir is refused, naming the running one.
    const out: string[] = []
    const second = await runCli(['--data-dir', h.dataDir, 'service'], {
      out: (t) => void out.push(t),
      err: (t) => void out.push(t),
      env: { ...process.env, ...h.env }
    })
    expect(second).toBe(1)
    expect(out.join('\n')).toMatch(new RegExp(`already run by process ${child.pid} on `))

    const exited = once(child, 'exit') as Promise<[number | null, string | null]>
    child.kill('SIGTERM')
    const [code, signal] = await exited
    expect({ code, signal, stderr: err.join('') }).toEqual({ code: 0, signal: null, stderr: '' })
    expect(seen.some((l) => /service stopped signal=SIGTERM/.test(l))).toBe(true)

    const [run, ...more] = await h.call('listRuns', {})
    expect(more).toEqual([])
    expect(run).toMatchObject({ trigger: 'catch-up', status: 'interrupted', finishedAt: expect.any(String) })
    expect(run!.error).toContain('SIGTERM')
    // Every item says truthfully what happened to its PSA line.
    const detail = await h.call('getRun', { runId: run!.runId })
    expect(detail.items).toHaveLength(4)
    let written = 0
    for (const item of detail.items) {
      const m = h.mapped.find((x) => x.mappingId === item.mappingId)!
      if (item.result === 'written') written++
      expect(h.psaQuantity(m)).toBe(item.result === 'written' ? m.initial + 7 : m.initial)
    }
    expect(run!.counts.written).toBe(written)
    expect(run!.counts.written + run!.counts.failed).toBe(4)
    expect(h.app.db.pragma('integrity_check', { simple: true })).toBe('ok')

    // The lease went with the process: the next service starts at once.
    h.sims.jumpcloud.faults.clear()
    const next = spawn(process.execPath, ['--import', 'tsx', CLI, '--data-dir', h.dataDir, 'service'], {
      env: { ...process.env, ...h.env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    await lineMatching(next, /background jobs started/, [])
    const nextExit = once(next, 'exit')
    next.kill('SIGTERM')
    expect((await nextExit)[0]).toBe(0)
  }, 120_000)
})
