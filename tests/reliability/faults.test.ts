import { afterEach, describe, expect, it } from 'vitest'
import type { FaultSpec, SimServer } from '../sims/common/types'
import { plantFleet } from '../helpers/asset-fleet'
import { proofSeed, report, trials, withSeed } from './support/proof'
import { startWorld, type World } from './support/world'

// Full syncs (billing, alert tickets, assets) against the simulators while ≥ 10 % of requests fail in every way a
// real server fails; then faults stop and everything must converge on the oracle (see support/world.ts).

const TIMEOUT_MS = 2_500
/** Per-request rates; together ≈ 14 % of requests to the PSA and to JumpCloud. */
const NOISE: FaultSpec[] = [
  { kind: 'status', status: 429, retryAfter: 1, rate: 0.015 },
  { kind: 'status', status: 429, rate: 0.015 },
  { kind: 'status', status: 500, rate: 0.02 },
  { kind: 'status', status: 502, rate: 0.02 },
  { kind: 'status', status: 503, rate: 0.02 },
  // Longer than the client's timeout: the request times out (the server may still act on it).
  { kind: 'delay', delayMs: TIMEOUT_MS + 1_500, rate: 0.01 },
  { kind: 'drop-reply', rate: 0.02 },
  { kind: 'reset', rate: 0.015 },
  { kind: 'malformed', rate: 0.015 }
]
const ROUNDS = trials(6, 24)
/** Rounds during which the PSA answers every request 503 (an outage over several polls). */
const OUTAGE = [2, 3, 4]
const TYPES = { syncro: { laptop: 'Laptop', server: 'Server' }, autotask: { laptop: '3', server: '2' } }

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.h.close()
})

function noisy(servers: SimServer[], outage: SimServer | null): void {
  for (const s of servers) {
    s.faults.clear()
    for (const f of NOISE) s.faults.add(f)
  }
  outage?.faults.add({ kind: 'status', status: 503 })
}

describe.each(['syncro', 'autotask'] as const)(
  'full syncs on %s with faults on at least 10 per cent of requests',
  (psa) => {
    it('converge: every quantity, ticket, note, alert, asset and run record right', async () => {
      const seed = proofSeed()
      await withSeed(`faults/${psa}`, seed, async () => {
        const w = await startWorld(psa, { seed, env: { PSA_BRIDGE_HTTP_TIMEOUT_MS: String(TIMEOUT_MS) } })
        open.push(w)
        const { h } = w
        const psaSim = psa === 'syncro' ? h.sims.syncro : h.sims.autotask
        const servers: SimServer[] = [psaSim, h.sims.jumpcloud]
        const row = (await h.call('getBillingView', {})).mappings[0]!
        const fleet = await plantFleet(h.sims, psa, row.orgId, row.customerId)
        await h.call('setAssetTypeMapping', { mapping: TYPES[psa] })
        const toCreate = fleet.newDevices.map((d) => fleet.deviceIds[d]!)
        const requestsBefore = servers.reduce((n, s) => n + s.stats().total, 0)

        const calls = { tried: 0, refused: 0 }
        const attempt = async (fn: () => Promise<unknown>) => {
          calls.tried++
          await fn().catch(() => void calls.refused++)
        }
        const created = new Set<string>()
        const cycle = async () => {
          await attempt(() => h.call('pushSync', {}))
          await attempt(() => h.call('pollAlertsNow', { retryNow: true }))
          await attempt(() => h.call('pullAssets', {}))
          const left = toCreate.filter((d) => !created.has(d))
          if (left.length)
            await attempt(async () => {
              const r = await h.call('createAssets', { deviceIds: left })
              for (const c of r.created) created.add(c.deviceId)
            })
        }
        for (let round = 0; round < ROUNDS; round++) {
          noisy(servers, OUTAGE.includes(round) ? psaSim : null)
          w.step()
          await cycle()
        }
        const fired = servers.map((s) => s.faults.fired())
        const requests = servers.reduce((n, s) => n + s.stats().total, 0) - requestsBefore

        // Faults end; a bounded number of ordinary cycles must reach the oracle.
        for (const s of servers) s.faults.clear()
        for (let i = 0; i < 3; i++) await cycle()
        await w.verify()
        const mine = h.sims.syncro
          .account()
          .assets.filter((a) => String(a.customer_id) === row.customerId)
          .map((a) => a.name)
        const theirs = h.sims.autotask.state.tables.ConfigurationItems.filter(
          (r) => String(r.companyID) === row.customerId
        ).map((r) => String(r.referenceTitle))
        const names = psa === 'syncro' ? mine : theirs
        for (const d of fleet.newDevices)
          expect(
            names.filter((n) => n === d),
            `asset ${d} once`
          ).toHaveLength(1)
        const assets = await h.call('getAssetsView', { customerId: row.customerId })
        const devices = h.sims.jumpcloud.state.orgs.find((o) => o.id === row.orgId)!.systems.length
        expect(assets.rows.filter((r) => r.deviceId).length, 'every device pulled').toBe(devices)

        const injected: Record<string, number> = {}
        for (const f of fired) for (const [k, n] of Object.entries(f)) injected[k] = (injected[k] ?? 0) + n
        const faults = Object.values(injected).reduce((a, b) => a + b, 0)
        report(`faults/${psa}`, {
          seed,
          rounds: ROUNDS,
          requests,
          faultsInjected: faults,
          faultsSurvived: faults,
          byKind: injected,
          callsRefusedWhileFaulty: `${calls.refused}/${calls.tried}`,
          alerts: [...w.groups.values()].flat().length,
          groups: w.groups.size
        })
        expect(faults / requests, 'share of requests that failed').toBeGreaterThanOrEqual(0.1)
      })
    }, 600_000)
  }
)
