import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { MethodName } from '../../src/shared/contract'
import type { SimServer } from '../sims/common/types'
import { hostileValue, isClearRefusal, withinMs } from './support/hostile'
import { proofSeed, report, trials, withSeed } from './support/proof'
import { startWorld, type World } from './support/world'

// Every vendor reply parser, through the real connectors: one reply of an operation (the k-th request it sends)
// is replaced by a 200 carrying either any JSON or the real reply of that same request with one node changed or
// removed. The operation is handled or refused with a clear error (never "internal", never a hang), and once
// the replies are honest again every operation works: nothing was poisoned.

const RUNS = trials(30, 400)
/** Longer than a minute: the connectors keep to the vendors' per-minute limits themselves, which is a wait, not a hang. */
const HANG_MS = 75_000
const OPS: Array<[MethodName, unknown]> = [
  ['refreshData', { from: 'both' }],
  ['pushSync', {}],
  ['pollAlertsNow', { retryNow: true }],
  ['pullAssets', {}],
  ['refreshTicketMetadata', {}]
]

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.h.close()
})

type Json = unknown
/** The body with the node reached by `picks` replaced by `value` (or removed). */
function mutate(body: Json, picks: number[], value: Json, drop: boolean): Json {
  if (picks.length === 0 || body === null || typeof body !== 'object') return drop ? undefined : value
  const copy: Record<string, Json> | Json[] = Array.isArray(body) ? [...body] : { ...(body as object) }
  const keys = Object.keys(copy)
  if (keys.length === 0) return value
  const key = keys[picks[0]! % keys.length]!
  const inner = mutate((copy as Record<string, Json>)[key], picks.slice(1), value, drop)
  if (inner === undefined) delete (copy as Record<string, Json>)[key]
  else (copy as Record<string, Json>)[key] = inner
  return copy
}

describe.each(['syncro', 'autotask'] as const)('hostile replies from %s and JumpCloud', (psa) => {
  it('every operation handles or clearly refuses a corrupted reply, and recovers after', async () => {
    const seed = proofSeed()
    await withSeed(`hostile replies/${psa}`, seed, async () => {
      const w = await startWorld(psa, { seed, mappings: 2, orgs: 8, unlimited: true })
      open.push(w)
      const { h } = w
      const psaSim = psa === 'syncro' ? h.sims.syncro : h.sims.autotask
      // Real replies by request, from one clean pass of every operation.
      const real = new Map<string, Json>()
      const remember = () => {
        for (const r of psaSim.replies) real.set(`${r.method} ${r.path}`, r.body)
        for (const x of h.sims.jumpcloud.exchanges) real.set(`${x.method} ${x.path}`, x.reply)
      }
      for (const [op, input] of OPS) await h.call(op as never, input as never)
      remember()
      const servers: Array<[string, SimServer]> = [
        ['psa', psaSim],
        ['jumpcloud', h.sims.jumpcloud]
      ]
      const tally = { calls: 0, handled: 0, refused: 0, corrupted: 0, byCode: {} as Record<string, number> }
      const sample = fc.record({
        op: fc.nat(OPS.length - 1),
        server: fc.nat(1),
        k: fc.integer({ min: 1, max: 8 }),
        shaped: fc.boolean(),
        any: fc.jsonValue({ maxDepth: 3 }),
        picks: fc.array(fc.nat(), { maxLength: 6 }),
        value: hostileValue,
        drop: fc.boolean()
      })
      await fc.assert(
        fc.asyncProperty(sample, async (x) => {
          w.step()
          const [op, input] = OPS[x.op]!
          const [, sim] = servers[x.server]!
          let seen = 0
          const off = sim.onRequest((method, path) => {
            if (++seen !== x.k) return
            const original = [...real.entries()].find(([key]) => key.endsWith(` ${path}`) && key.startsWith(method))
            const body = x.shaped && original ? mutate(original[1], x.picks, x.value, x.drop) : x.any
            tally.corrupted++
            // Added as the request arrives, so it applies to this very request.
            sim.faults.add({ kind: 'status', status: 200, body: body ?? null, count: 1 })
          })
          try {
            const env = await withinMs(HANG_MS, op, h.app.dispatch(op, input))
            tally.calls++
            if (env.ok) return void tally.handled++
            tally.refused++
            tally.byCode[env.error.code] = (tally.byCode[env.error.code] ?? 0) + 1
            expect(isClearRefusal(env), `${op} after a corrupted reply ${x.k}: ${JSON.stringify(env)}`).toBe(true)
          } finally {
            off()
            sim.faults.clear()
          }
        }),
        { seed, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true }
      )
      remember()
      for (const [op, input] of OPS)
        expect(await h.app.dispatch(op, input), `${op} once replies are honest`).toMatchObject({ ok: true })
      report(`hostile replies/${psa}`, { seed, runs: RUNS, ...tally })
    })
  }, 900_000)
})
