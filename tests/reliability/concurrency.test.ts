import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { SimServer } from '../sims/common/types'
import { integrityCheck, runCli } from './support/cli-child'
import { proofSeed, report, trials, withSeed } from './support/proof'
import { startWorld, type World } from './support/world'

// Several processes on one data dir at once — two app-like cores (one writing mappings, one pushing and polling,
// as the desktop app and the service would) and `psa-bridge sync` runs from the CLI — while JumpCloud counts and
// alerts keep changing: no error other than "another process is running this", no lost write, no double push.

const run = promisify(execFile)
const WORKER = join(import.meta.dirname, 'support/concurrent-worker.ts')
const ROUNDS = trials(3, 12)

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.h.close()
})

interface WorkerResult {
  role: string
  failures: string[]
  refused: number
  writes: number
}

describe.each(['syncro', 'autotask'] as const)('several processes on one data dir with %s', (psa) => {
  it('0 errors, 0 lost writes, no double push', async () => {
    const seed = proofSeed()
    await withSeed(`concurrency/${psa}`, seed, async () => {
      const w = await startWorld(psa, { seed, mappings: 3 })
      open.push(w)
      const { h } = w
      const sims: SimServer[] = [psa === 'syncro' ? h.sims.syncro : h.sims.autotask, h.sims.jumpcloud]
      const view = await h.call('getCustomersView', {})
      const billed = new Set(h.mapped.map((m) => m.orgId))
      const free = view.orgs.filter((o) => !billed.has(o.id)).map((o) => o.id)
      const customers = view.customers.filter((c) => c.active).map((c) => c.id)
      const writers = [free.slice(0, 4), free.slice(4, 8)]
      const writesBefore = w.quantityWrites()
      // The world starts every mapped org one above its PSA line: one change each before any round.
      const changes = new Map(h.mapped.map((m) => [m.orgId, 1]))

      const worker = (role: string, orgs: string[] = []) =>
        run(
          process.execPath,
          ['--import', 'tsx', WORKER, h.dataDir, role, JSON.stringify({ rounds: ROUNDS * 2, orgs, customers })],
          { env: { ...process.env, ...h.env }, maxBuffer: 16 * 1024 * 1024 }
        ).then((r) => JSON.parse(r.stdout) as WorkerResult)
      const cliFailures: string[] = []
      let cliRefused = 0
      let cliRuns = 0
      const cliSyncs = async () => {
        for (let i = 0; i < ROUNDS; i++) {
          const before = new Map(w.usage)
          w.step()
          for (const [org, n] of w.usage) if (before.get(org) !== n) changes.set(org, (changes.get(org) ?? 0) + 1)
          const r = await runCli(h.dataDir, ['sync', '--json'], h.env, sims)
          cliRuns++
          const out = r.stdout.trim()
            ? (JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { error?: { code?: string } })
            : {}
          if (r.code === 0) continue
          if (out.error?.code === 'conflict') cliRefused++
          else cliFailures.push(`sync exit ${r.code}: ${r.stderr.slice(0, 300)} ${r.stdout.slice(0, 300)}`)
        }
      }
      const results = await Promise.all([
        worker('writer', writers[0]),
        worker('writer', writers[1]),
        worker('syncer'),
        cliSyncs()
      ])
      const procs = results.filter((r): r is WorkerResult => !!r)
      expect([...procs.flatMap((r) => r.failures), ...cliFailures]).toEqual([])

      // Lost writes: each org holds the customer its writer set last.
      const mappings = new Map((await h.call('listMappings', {})).map((m) => [m.orgId, m.customerId]))
      const lastRound = ROUNDS * 2 - 1
      const lost = writers.flatMap((orgs) =>
        orgs.filter((orgId, i) => mappings.get(orgId) !== customers[(i + lastRound) % customers.length])
      )
      expect(lost, 'orgs whose last mapping was lost').toEqual([])

      // One last ordinary sync settles what the racing ones left; then the oracle holds.
      expect((await runCli(h.dataDir, ['sync', '--json'], h.env, sims)).code).toBe(0)
      await w.verify()
      expect(integrityCheck(join(h.dataDir, 'psa-bridge.db'))).toBe('ok')
      // No double push: never more quantity writes than times a count changed (each change written once at most).
      const pushes = w.quantityWrites() - writesBefore
      const changed = [...changes.values()].reduce((a, b) => a + b, 0)
      expect(pushes, 'quantity writes vs count changes').toBeLessThanOrEqual(changed)
      const runs = await h.call('listRuns', { limit: 500 })
      const written = runs.reduce((n, r) => n + r.counts.written, 0)
      expect(written, 'items written vs count changes').toBeLessThanOrEqual(changed)
      report(`concurrency/${psa}`, {
        seed,
        processes: 3 + cliRuns,
        writes: procs.reduce((n, r) => n + r.writes, 0),
        lostWrites: lost.length,
        quantityWrites: pushes,
        refusedAsBusy: procs.reduce((n, r) => n + r.refused, 0) + cliRefused,
        runs: runs.length,
        itemsWritten: written,
        countChanges: changed
      })
    })
  }, 900_000)
})
