// Alert intake: 10,000 Directory Insights events over 200 orgs (1,600 alert groups: 1,600 first alerts and 8,400
// repeats) delivered to the Syncro simulator in one cycle, with Syncro's real limit (180/min) scaled in time (one
// minute = MINUTE ms, default 3 s). Prints PSA requests vs the lower bound (one create per new group + one note per
// group with repeats in the cycle) and wall time vs the rate-limit floor, min/median/max over RUNS runs (≥ 5).
// Asserts nothing; sends its rows to bench/RESULTS.md (benchRow). Run: npm run bench [alert-intake], or
// npx tsx bench/alert-intake.bench.ts [runs] [ms per minute] (or BENCH_RUNS / BENCH_MINUTE).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createApp } from '../src/main/app/app'
import { createConnectorFactory } from '../src/main/connectors/factory'
import { createJumpCloudConnector } from '../src/main/connectors/jumpcloud'
import { createSyncroConnector } from '../src/main/connectors/syncro'
import { createMemoryStore } from '../src/main/secrets'
import type { AlertCycleResult, TicketingView } from '../src/shared/contract/ticketing'
import type { CustomersView } from '../src/shared/contract/customers'
import { startJumpCloudSim } from '../tests/sims/jumpcloud'
import { SIM_SUBDOMAIN, SIM_TOKEN, startSyncroSim } from '../tests/sims/syncro'
import { figure, type Figure } from './issue12/stats'
import { benchRow } from './report'

const RUNS = Math.max(1, Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 5)) // fewer than 5 only for a quick look
const MINUTE = Number(process.argv[3] ?? process.env.BENCH_MINUTE ?? 3000)
const ORGS = 200
const GROUPS_PER_ORG = 8 // 1,600 groups
const EVENTS = 10_000
const RETRY = { retries: 4, baseDelayMs: Math.max(1, (500 * MINUTE) / 60_000), maxDelayMs: MINUTE }
/** Shortest time n requests take under "limit per sliding window": the last batch starts (ceil(n/limit) − 1) windows in. */
const windowFloor = (n: number, limit: number, windowMs: number) => Math.max(0, Math.ceil(n / limit) - 1) * windowMs

interface RunFigures {
  requests: number
  lowerBound: number
  wallMs: number
  /** CPU of this process during the cycle (the simulators run in it too, so an upper bound for the app). */
  cpuMs: number
  floorMs: number
  created: number
  notes: number
}

async function run(): Promise<RunFigures> {
  const jc = await startJumpCloudSim({ seed: 7, orgs: ORGS, rateLimit: { limit: 600, windowMs: MINUTE } })
  const sy = await startSyncroSim({ seed: 7, size: ORGS, rateLimit: { limit: 180, windowMs: MINUTE } })
  const env = {
    PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL: jc.consoleUrl,
    PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL: jc.insightsUrl,
    PSA_BRIDGE_SYNCRO_URL_TEMPLATE: sy.urlTemplate
  }
  const base = createConnectorFactory(env)
  // One connector per kind for the app's life, as the real factory's (its HTTP layer holds the rate limiter).
  let syncro: ReturnType<typeof createSyncroConnector> | undefined
  let jumpcloud: ReturnType<typeof createJumpCloudConnector> | undefined
  const dataDir = mkdtempSync(join(tmpdir(), 'psa-bridge-bench-alerts-'))
  const app = await createApp({
    dataDir,
    secrets: createMemoryStore(),
    env,
    connectors: {
      ...base,
      syncro: (o) =>
        (syncro ??= createSyncroConnector({
          ...o,
          urlTemplate: sy.urlTemplate,
          rateLimit: { limit: 180, intervalMs: MINUTE },
          retry: RETRY
        })),
      jumpcloud: (o) =>
        (jumpcloud ??= createJumpCloudConnector({
          ...o,
          consoleUrl: jc.consoleUrl,
          insightsUrl: jc.insightsUrl,
          rateLimit: { limit: 600, intervalMs: MINUTE },
          retry: RETRY
        }))
    }
  })
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await app.dispatch(name, input)
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
    return r.value as T
  }
  try {
    await call('saveJumpCloud', { apiKey: jc.apiKey, providerId: jc.providerId })
    await call('saveSyncro', { subdomain: SIM_SUBDOMAIN, apiToken: SIM_TOKEN })
    for (const o of jc.state.orgs) o.events = []
    await call('refreshData', { from: 'both' })
    const view = await call<CustomersView>('getCustomersView')
    for (const [i, org] of view.orgs.entries())
      await call('mapOrg', {
        source: 'jumpcloud',
        orgId: org.id,
        customerId: view.customers[i % view.customers.length]!.id
      })
    const ts = await call<TicketingView>('getTicketingSettings')
    await call('saveTicketingSettings', { ...ts.settings, enabled: true })
    // Inside the first intake window (it ends 2 min before now and looks back an hour): 8 groups per org, the
    // first event of each group first, the repeats spread over the rest.
    const now = Date.now()
    const groups = view.orgs.flatMap((o) =>
      Array.from({ length: GROUPS_PER_ORG }, (_, g) => ({ orgId: o.id, user: `user${g}` }))
    )
    const at = (i: number) => new Date(now - 50 * 60_000 + Math.floor((i * 45 * 60_000) / EVENTS)).toISOString()
    const events = Array.from({ length: EVENTS }, (_, i) => ({
      ...groups[i % groups.length]!,
      eventType: 'user_lockout',
      timestamp: at(i)
    }))
    jc.control.addEvents(events)
    const withRepeats = new Set(events.slice(groups.length).map((e) => `${e.orgId}|${e.user}`)).size
    const lowerBound = groups.length + withRepeats

    // Each run starts with empty rate windows.
    await new Promise((r) => setTimeout(r, MINUTE))
    sy.resetStats()
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const r = await call<AlertCycleResult>('pollAlertsNow', { retryNow: false })
    const wallMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    const cpuMs = (cpu.user + cpu.system) / 1000
    if (r.failed || r.queued || r.attention) {
      const left = await call<{ alerts: Array<{ lastError: string | null }> }>('listAlerts', {
        state: 'queued',
        limit: 3
      })
      console.log(`  cycle left work behind: ${r.message} (${left.alerts.map((a) => a.lastError).join('; ')})`)
    }
    const requests = sy.stats().total
    return {
      requests,
      lowerBound,
      wallMs,
      cpuMs,
      floorMs: windowFloor(lowerBound, 180, MINUTE),
      created: r.ticketsCreated,
      notes: r.notesAdded
    }
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
    await jc.close()
    await sy.close()
  }
}

const f3 = (f: Figure, digits = 2) =>
  `${f.min.toFixed(digits)} / ${f.median.toFixed(digits)} / ${f.max.toFixed(digits)}`
console.log(`alert intake bench: ${EVENTS} events, ${ORGS} orgs, Syncro, one rate-limit minute = ${MINUTE} ms`)
const results: RunFigures[] = []
for (let i = 0; i < RUNS; i++) {
  const r = await run()
  results.push(r)
  console.log(
    `  run ${i + 1}/${RUNS}: ${r.created} tickets + ${r.notes} notes; requests ${r.requests} vs lower bound ${r.lowerBound} (×${(r.requests / r.lowerBound).toFixed(3)}); wall ${(r.wallMs / 1000).toFixed(1)} s vs floor ${(r.floorMs / 1000).toFixed(1)} s (×${(r.wallMs / r.floorMs).toFixed(3)})`
  )
}
const req = figure(results.map((r) => r.requests / r.lowerBound))
const wall = figure(results.map((r) => r.wallMs / r.floorMs))
const cpu = figure(results.map((r) => r.cpuMs / 1000))
console.log(
  `alert intake, ${EVENTS.toLocaleString('en')} events over ${ORGS} orgs (Syncro): requests vs lower bound ×${f3(req, 3)}; wall vs floor ×${f3(wall, 3)} (min/median/max, ${RUNS} runs; target ≤ 1.05); CPU ${f3(cpu)} s`
)
const what = `alert intake, ${EVENTS.toLocaleString('en')} events over ${ORGS} orgs in one cycle (Syncro, 180/min scaled: one minute = ${MINUTE} ms)`
benchRow({
  what: `${what}: PSA requests vs lower bound`,
  target: '≤ 1.05 × lower bound (one create per new group + one note per group with repeats)',
  measured: `×${f3(req, 3)} (min/median/max, ${RUNS} runs)`,
  met: req.median <= 1.05
})
benchRow({
  what: `${what}: wall time vs rate-limit floor`,
  target: '≤ 1.05 × floor',
  measured: `×${f3(wall, 3)} (min/median/max, ${RUNS} runs)`,
  met: wall.median <= 1.05,
  note: `CPU of the cycle ${f3(cpu)} s (simulators in the same process)`
})
