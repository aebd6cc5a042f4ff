import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { storeLastScheduledRun } from '../../src/main/billing/store'
import type { SimServer } from '../sims/common/types'
import { integrityCheck, runCli } from './support/cli-child'
import { progress, proofSeed, report, timeFor, trials, withSeed } from './support/proof'
import { startWorld, type World } from './support/world'

// `psa-bridge service` (the headless background jobs: the owed scheduled push, usage sampling, the alert cycle)
// SIGKILLed at seeded random moments while it does its scheduled work, then started again and left to finish
// that work: nothing duplicated, nothing lost, the database whole.

const TRIALS = trials(2, 50)
const LIMIT_MS = timeFor(TRIALS, 60_000)
/** The line the service logs once its start-up work (owed push, sample, alert cycle) is done. */
const DONE = /background jobs: start-up work done/

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.h.close()
})

describe.each(['syncro', 'autotask'] as const)('psa-bridge service on %s killed at random moments', (psa) => {
  it(
    '0 duplicate tickets, 0 lost alerts, quantities right, integrity ok, HWM history intact',
    async () => {
      const seed = proofSeed()
      await withSeed(`crash service/${psa}`, seed, async () => {
        const w = await startWorld(psa, { seed })
        open.push(w)
        const { h } = w
        const sims: SimServer[] = [psa === 'syncro' ? h.sims.syncro : h.sims.autotask, h.sims.jumpcloud]
        const dbFile = join(h.dataDir, 'psa-bridge.db')
        await h.call('saveBillingSettings', {
          scheduleEnabled: true,
          schedule: { kind: 'daily', time: '00:00', zone: 'UTC' }
        })
        // Each start of the service finds one scheduled push owed (a slot passed since the last one), as after a
        // night the machine was off: the service's catch-up pushes at once.
        const owePush = () => storeLastScheduledRun(h.app.db, new Date(Date.now() - 25 * 3_600_000))
        let span = 20
        const tally = { trials: 0, killed: 0, completedAnyway: 0 }
        for (let t = 0; t < TRIALS; t++) {
          w.step()
          owePush()
          const killAt = {
            request: Math.floor(w.rng() * span * 1.1),
            afterMs: w.rng() < 0.5 ? 0 : Math.floor(w.rng() * 30)
          }
          const cut = await runCli(h.dataDir, ['service'], h.env, sims, killAt, DONE)
          tally.trials++
          if (cut.signal === 'SIGKILL') tally.killed++
          else tally.completedAnyway++
          expect(integrityCheck(dbFile), `integrity after kill ${t} at ${JSON.stringify(killAt)}`).toBe('ok')

          // Started again with the push owed (the killed one recorded its slot before pushing: the next slot's).
          owePush()
          const done = await runCli(h.dataDir, ['service'], h.env, sims, undefined, DONE)
          expect(done.code, `service after kill ${t}: ${done.stderr}${done.stdout.slice(-2_000)}`).toBe(0)
          expect(done.stdout).toMatch(DONE)
          span = Math.max(span, done.requests)
          await w.verify()
          expect(integrityCheck(dbFile)).toBe('ok')
          await w.verifyHwmHistory()
          progress(`crash service/${psa}`, seed, t + 1, TRIALS)
        }
        report(`crash service/${psa}`, { seed, ...tally, requestsPerStart: span })
      })
    },
    LIMIT_MS
  )
})
