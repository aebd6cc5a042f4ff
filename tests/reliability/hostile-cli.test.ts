import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import { methodNames } from '../../src/shared/contract'
import type { CustomersView } from '../../src/shared/contract/customers'
import { useSimApp } from '../helpers/sim-app'
import { useTempDirs } from '../helpers/tmp'
import { dbDigest, hostileValue, NASTY_NAMES, withinMs } from './support/hostile'
import { proofSeed, report, trials, withSeed } from './support/proof'

// The CLI's arguments and `config import` files, generated: every run ends with exit code 0, 1 or 2 and a message,
// never an exception or a hang; a refused import leaves the configuration (and every table) as it was.

const tmp = useTempDirs()
const start = useSimApp()
const RUNS = trials(150, 1_500)

async function cli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await withinMs(
    20_000,
    `psa-bridge ${args.join(' ').slice(0, 200)}`,
    runCli(['--data-dir', dataDir, ...args], {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      env: { PSA_BRIDGE_SECRET_STORE: 'memory', ...env }
    })
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const WORDS = [
  ...['status', 'methods', 'mappings', 'match', 'sync', 'alerts', 'assets', 'config', 'export', 'import', 'call'],
  ...['report', 'pull', '--json', '--dry-run', '--force', '--input', '--state', '--limit', '--customer', '--help'],
  ...['-h', '--', '-', '--data-dir', ...methodNames.slice(0, 12)]
]
// Read-only or refused without a PSA: no argument list here may write outside the data dir it is given.
const arg = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...NASTY_NAMES.map((n) => n.slice(0, 300))),
  fc.string({ maxLength: 30 }),
  hostileValue.map((v) => JSON.stringify(v) ?? 'null')
)

describe('hostile CLI arguments and config files', () => {
  it(`${RUNS} generated argument lists: exit 0/1/2 with a message, never a crash or a hang`, async () => {
    const seed = proofSeed()
    await withSeed('hostile cli args', seed, async () => {
      const dir = tmp()
      const codes: Record<number, number> = {}
      await fc.assert(
        fc.asyncProperty(fc.array(arg, { maxLength: 6 }), async (args) => {
          // Never let a generated list write files into the working tree.
          const safe = args.filter((a) => a !== 'export' && a !== 'report')
          const r = await cli(dir, safe)
          codes[r.code] = (codes[r.code] ?? 0) + 1
          expect([0, 1, 2], `${JSON.stringify(safe)} → ${r.code}: ${r.err.slice(0, 300)}`).toContain(r.code)
          if (r.code !== 0) expect(`${r.out}${r.err}`.trim().length, 'a refusal says why').toBeGreaterThan(0)
        }),
        { seed, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true }
      )
      report('hostile cli args', { seed, runs: RUNS, exitCodes: codes })
    })
  }, 600_000)

  it(`${RUNS} generated config files: imported whole or refused with nothing written`, async () => {
    const seed = proofSeed()
    await withSeed('hostile config import', seed, async () => {
      const s = await start({ psa: 'syncro', orgs: 4 })
      await s.call('refreshData', { from: 'both' })
      const view = await s.call<CustomersView>('getCustomersView')
      await s.call('mapOrg', {
        source: view.orgs[0]!.source,
        orgId: view.orgs[0]!.id,
        customerId: view.customers[0]!.id
      })
      const good = await s.call<Record<string, unknown>>('exportConfig')
      await s.app.close()
      const env = { PSA_BRIDGE_SECRET_STORE: 'memory' }
      const file = join(tmp(), 'config.json')
      const dbFile = join(s.dataDir, 'psa-bridge.db')
      // The exported file with one key replaced or removed, or any JSON, or bytes that are not JSON at all.
      const mutated = fc
        .record({ key: fc.constantFrom(...Object.keys(good)), value: hostileValue, drop: fc.boolean() })
        .map(({ key, value, drop }) => {
          const next: Record<string, unknown> = { ...good }
          if (drop) delete next[key]
          else next[key] = value
          return JSON.stringify(next)
        })
      const text = fc.oneof(
        mutated,
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 200 }),
        fc.constantFrom('', '\uFEFF', '{', '[]', 'null', '{"version":2}', `{"a":"${'x'.repeat(50_000)}"}`)
      )
      const outcome = { imported: 0, refused: 0 }
      await fc.assert(
        fc.asyncProperty(text, async (body) => {
          writeFileSync(file, body)
          const before = dbDigest(dbFile)
          const r = await cli(s.dataDir, ['config', 'import', file], env)
          expect([0, 1, 2], r.err).toContain(r.code)
          if (r.code === 0) return void outcome.imported++
          outcome.refused++
          expect(r.err.length, 'a refusal says why').toBeGreaterThan(0)
          expect(dbDigest(dbFile), `refused import wrote: ${r.err.slice(0, 200)}`).toBe(before)
        }),
        { seed, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true }
      )
      report('hostile config import', { seed, runs: RUNS, ...outcome })
    })
  }, 600_000)
})
