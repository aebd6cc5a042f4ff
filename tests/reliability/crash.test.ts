import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConfigFile } from '../../src/shared/contract/billing'
import type { SimServer } from '../sims/common/types'
import { integrityCheck, runCli } from './support/cli-child'
import { progress, proofSeed, report, timeFor, trials, withSeed } from './support/proof'
import { startWorld, type World } from './support/world'

// `psa-bridge sync` and `psa-bridge config import` SIGKILLed at seeded random moments (at the k-th request they
// send, sometimes a few ms later so the kill can land between a reply and its database write), then run to
// completion: nothing duplicated, nothing lost, the database whole.

const SYNC_TRIALS = trials(3, 50)
const IMPORT_TRIALS = trials(2, 50)
const SYNC_LIMIT_MS = timeFor(SYNC_TRIALS, 60_000)
const IMPORT_LIMIT_MS = timeFor(IMPORT_TRIALS, 30_000)

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.h.close()
})

/** The configuration minus its export time: what must be all-old or all-new after a killed import. */
const comparable = ({ exportedAt: _, ...rest }: ConfigFile) => rest

describe.each(['syncro', 'autotask'] as const)('psa-bridge on %s killed at random moments', (psa) => {
  it(
    'sync: 0 duplicate tickets, 0 lost alerts, quantities right, integrity ok, HWM history intact',
    async () => {
      const seed = proofSeed()
      await withSeed(`crash sync/${psa}`, seed, async () => {
        const w = await startWorld(psa, { seed })
        open.push(w)
        const { h } = w
        const sims: SimServer[] = [psa === 'syncro' ? h.sims.syncro : h.sims.autotask, h.sims.jumpcloud]
        const dbFile = join(h.dataDir, 'psa-bridge.db')
        // How many requests a whole run sends: kills land anywhere in it (and some after it: no kill at all).
        let span = 15
        const killed = { trials: 0, killed: 0, completedAnyway: 0 }
        for (let t = 0; t < SYNC_TRIALS; t++) {
          w.step()
          const killAt = {
            request: Math.floor(w.rng() * span * 1.1),
            afterMs: w.rng() < 0.5 ? 0 : Math.floor(w.rng() * 30)
          }
          const cut = await runCli(h.dataDir, ['sync', '--json'], h.env, sims, killAt)
          killed.trials++
          if (cut.signal === 'SIGKILL') killed.killed++
          else killed.completedAnyway++
          expect(integrityCheck(dbFile), `integrity after kill ${t} at ${JSON.stringify(killAt)}`).toBe('ok')

          const done = await runCli(h.dataDir, ['sync', '--json'], h.env, sims)
          expect(done.code, `sync after kill ${t}: ${done.stderr}${done.stdout.slice(0, 2_000)}`).toBe(0)
          span = Math.max(span, done.requests)
          await w.verify()
          expect(integrityCheck(dbFile)).toBe('ok')
          await w.verifyHwmHistory()
          progress(`crash sync/${psa}`, seed, t + 1, SYNC_TRIALS)
        }
        report(`crash sync/${psa}`, { seed, ...killed, requestsPerRun: span })
      })
    },
    SYNC_LIMIT_MS
  )

  it(
    'config import: all-old or all-new after a kill, then imported whole',
    async () => {
      const seed = proofSeed()
      await withSeed(`crash config import/${psa}`, seed, async () => {
        const w = await startWorld(psa, { seed, mappings: 2 })
        open.push(w)
        const { h } = w
        const sims: SimServer[] = [psa === 'syncro' ? h.sims.syncro : h.sims.autotask, h.sims.jumpcloud]
        const file = join(h.dataDir, 'import.json')
        let killedCount = 0
        // Requests an import sends (its checks against the live PSA); the kill lands on one of them, up to 60 ms later.
        let span = 3
        for (let t = 0; t < IMPORT_TRIALS; t++) {
          const before = await h.call('exportConfig', {})
          const next: ConfigFile = {
            ...before,
            settings: { ...before.settings, allowZero: !before.settings.allowZero },
            ticketing: { ...before.ticketing!, subjectTemplate: `Alert ${t}: {alertType} {subject} ({org})` }
          }
          writeFileSync(file, JSON.stringify(next))
          const killAt = { request: 1 + Math.floor(w.rng() * span), afterMs: Math.floor(w.rng() * 60) }
          const cut = await runCli(h.dataDir, ['config', 'import', file], h.env, sims, killAt)
          if (cut.signal === 'SIGKILL') killedCount++
          expect(integrityCheck(join(h.dataDir, 'psa-bridge.db'))).toBe('ok')
          const mid = comparable(await h.call('exportConfig', {}))
          expect([comparable(before), comparable(next)], `after kill ${t}: all-old or all-new`).toContainEqual(mid)

          const done = await runCli(h.dataDir, ['config', 'import', file], h.env, sims)
          expect(done.code, done.stderr).toBe(0)
          span = Math.max(span, done.requests)
          expect(comparable(await h.call('exportConfig', {}))).toEqual(comparable(next))
          progress(`crash config import/${psa}`, seed, t + 1, IMPORT_TRIALS)
        }
        report(`crash config import/${psa}`, {
          seed,
          trials: IMPORT_TRIALS,
          killed: killedCount,
          requestsPerImport: span
        })
      })
    },
    IMPORT_LIMIT_MS
  )
})
