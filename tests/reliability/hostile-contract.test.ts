import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { methodNames, methods } from '../../src/shared/contract'
import type { CustomersView } from '../../src/shared/contract/customers'
import { useSimApp } from '../helpers/sim-app'
import { dbDigest, hostileInput, isClearRefusal, withinMs } from './support/hostile'
import { proofSeed, report, trials, withSeed } from './support/proof'

// Every contract method, fed any JSON and inputs shaped like its own (its keys, hostile values), through the
// same dispatch every door uses, on a core connected to the simulators with data in it. Each call is handled
// or refused with a clear error — never "internal" (a crash), never a hang — and a refused call wrote nothing.

const RUNS = trials(12, 150)
/** Refusals that must leave the database exactly as it was (bad input, unknown references, wrong state). */
const NO_WRITE = new Set(['validation', 'not-found', 'conflict'])

const start = useSimApp()

describe('hostile input to every contract method', () => {
  it(`${methodNames.length} methods × ${RUNS} inputs: handled or clearly refused, nothing half-written`, async () => {
    const seed = proofSeed()
    await withSeed('hostile contract', seed, async () => {
      // Thousands of Syncro requests a minute: at the documented 180/min the app's own limiter would queue calls for up
      // to a minute (seed 1695472079: checkBillingPrerequisites waited 46 s on 42 ms of CPU), which the hang check
      // cannot tell from a hang. Sim and client get the same raised limit (the throttle has its own tests:
      // tests/unit/http/limits.test.ts, tests/integration/syncro/resilience.test.ts).
      const s = await start({ psa: 'syncro', orgs: 6, syncroRateLimit: { limit: 1_000_000, windowMs: 60_000 } })
      await s.call('refreshData', { from: 'both' })
      const view = await s.call<CustomersView>('getCustomersView')
      await s.call('mapOrg', {
        source: view.orgs[0]!.source,
        orgId: view.orgs[0]!.id,
        customerId: view.customers[0]!.id
      })
      const dbFile = join(s.dataDir, 'psa-bridge.db')
      const tally = { calls: 0, handled: 0, refused: 0, byCode: {} as Record<string, number> }

      for (const name of methodNames) {
        await fc.assert(
          fc.asyncProperty(hostileInput(methods[name].input), async (input) => {
            const before = dbDigest(dbFile)
            const env = await withinMs(20_000, name, s.app.dispatch(name, input))
            tally.calls++
            if (env.ok) return void tally.handled++
            tally.refused++
            tally.byCode[env.error.code] = (tally.byCode[env.error.code] ?? 0) + 1
            expect(
              isClearRefusal(env),
              `${name}(${JSON.stringify(input).slice(0, 300)}) → ${JSON.stringify(env)}`
            ).toBe(true)
            if (NO_WRITE.has(env.error.code))
              expect(dbDigest(dbFile), `${name} refused (${env.error.code}) but wrote`).toBe(before)
          }),
          { seed, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true }
        )
      }
      // Still alive and answering after all that.
      expect(await s.app.dispatch('getStatus', {})).toMatchObject({ ok: true })
      report('hostile contract', { seed, methods: methodNames.length, ...tally })
    })
  }, 900_000)
})
