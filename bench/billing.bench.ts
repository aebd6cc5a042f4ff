// Full billing sync of N mapped orgs against each PSA simulator, with the real rate limits scaled in time
// (Syncro 180/min, JumpCloud 600/min, Autotask 10,000/hour; one minute of theirs = MINUTE ms here, default 3 s).
// Prints requests made vs the lower bound and wall time vs the rate-limit floor. Asserts nothing.
// Run: npm run bench [billing], or npx tsx bench/billing.bench.ts [orgs] [ms per minute]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { putBillingMapping, storeBillingSettings, loadBillingSettings } from '../src/main/billing/store'
import { createAutotaskConnector } from '../src/main/connectors/autotask'
import { createConnectorFactory } from '../src/main/connectors/factory'
import type { ConnectorFactory } from '../src/main/connectors/factory-types'
import { createJumpCloudConnector } from '../src/main/connectors/jumpcloud'
import { createSyncroConnector } from '../src/main/connectors/syncro'
import { createApp, type App } from '../src/main/app/app'
import { createMemoryStore } from '../src/main/secrets'
import type { SyncResult } from '../src/shared/contract/billing'
import { DEFAULT_API_USERS, SERVICE_USER, startAutotaskSim, type AutotaskSim } from '../tests/sims/autotask'
import { addPeriods, monthStart } from '../tests/sims/autotask/billing'
import { nextId as atNextId } from '../tests/sims/autotask/model'
import { startJumpCloudSim, type JumpCloudSim } from '../tests/sims/jumpcloud'
import { SIM_SUBDOMAIN, SIM_TOKEN, startSyncroSim, type SyncroSim } from '../tests/sims/syncro'
import { nextId as syNextId } from '../tests/sims/syncro/model'

const ORGS = Number(process.argv[2] ?? 1000)
// 3 s per minute rather than 1 s: at 1 s the few ms of scheduling jitter between our client's window and the
// sim's become a visible share of the window and cause 429s a real 60 s window would not see.
const MINUTE = Number(process.argv[3] ?? 3000)
const HOUR = MINUTE * 60
/** Retry back-off scaled like the limits (real: 500 ms base, 60 s cap), or a 429 would cost a whole scaled minute. */
const RETRY = { retries: 4, baseDelayMs: Math.max(1, (500 * MINUTE) / 60_000), maxDelayMs: MINUTE }
/**
 * Shortest time n requests can take under "limit per window" (sliding window, as both the sims and the client
 * count): a full window's worth may go at once, so the last batch can start (ceil(n / limit) − 1) windows in.
 */
const windowFloor = (n: number, limit: number, windowMs: number) => Math.max(0, Math.ceil(n / limit) - 1) * windowMs
/** Autotask is bound by its 3 threads per entity more than by 10,000/hour at this size (autotask.md §5.2). */
const AT_LATENCY_MS = 2
/** Quantity every target starts with, so the first sync must write every one (seeded counts are far lower). */
const START_QTY = 9999
const SYNCRO_PAGE = 25

const peakRssMb = () => process.resourceUsage().maxRSS / 1024

async function connect(kind: 'syncro' | 'autotask', jc: JumpCloudSim, psa: SyncroSim | AutotaskSim): Promise<App> {
  const env: Record<string, string> = {
    PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL: jc.consoleUrl,
    PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL: jc.insightsUrl,
    ...(kind === 'syncro'
      ? { PSA_BRIDGE_SYNCRO_URL_TEMPLATE: (psa as SyncroSim).urlTemplate }
      : { PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL: (psa as AutotaskSim).zoneLookupUrl })
  }
  const base = createConnectorFactory(env)
  // The app's connectors with their limits scaled like the sims', one per kind for the app's life like the real
  // factory's (its HTTP layer holds the rate limiter).
  const once = <A, T>(make: (a: A) => T) => {
    let made: T | undefined
    return (a: A): T => (made ??= make(a))
  }
  const connectors: ConnectorFactory = {
    ...base,
    syncro: once((o) =>
      createSyncroConnector({
        ...o,
        urlTemplate: env.PSA_BRIDGE_SYNCRO_URL_TEMPLATE,
        rateLimit: { limit: 180, intervalMs: MINUTE },
        retry: RETRY
      })
    ),
    autotask: once((o) =>
      createAutotaskConnector({ ...o, rateLimit: { limit: 10_000, intervalMs: HOUR }, retry: RETRY })
    ),
    jumpcloud: once((o) =>
      createJumpCloudConnector({
        ...o,
        consoleUrl: jc.consoleUrl,
        insightsUrl: jc.insightsUrl,
        rateLimit: { limit: 600, intervalMs: MINUTE },
        retry: RETRY
      })
    )
  }
  const app = await createApp({
    dataDir: mkdtempSync(join(tmpdir(), 'psa-bridge-bench-')),
    secrets: createMemoryStore(),
    connectors,
    env
  })
  const ok = async (name: string, input: unknown) => {
    const r = await app.dispatch(name, input)
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
    return r.value
  }
  await ok('saveJumpCloud', { apiKey: jc.apiKey, providerId: jc.providerId })
  if (kind === 'syncro') await ok('saveSyncro', { subdomain: SIM_SUBDOMAIN, apiToken: SIM_TOKEN })
  else {
    const u = DEFAULT_API_USERS[0]!
    await ok('saveAutotask', { username: u.username, secret: u.secret, integrationCode: u.integrationCode })
  }
  return app
}

/** One billable customer per org in the PSA sim; returns org id → target. */
function addCustomers(
  kind: 'syncro' | 'autotask',
  jc: JumpCloudSim,
  psa: SyncroSim | AutotaskSim
): Map<string, { customerId: string; containerId: string; itemId: string }> {
  const out = new Map<string, { customerId: string; containerId: string; itemId: string }>()
  const at = new Date().toISOString()
  for (const org of jc.state.orgs) {
    const name = `${org.name} (bench)`
    if (kind === 'syncro') {
      const a = (psa as SyncroSim).account()
      const c = {
        id: syNextId(a),
        firstname: null,
        lastname: null,
        business_name: name,
        email: null,
        disabled: false,
        created_at: at,
        updated_at: at
      }
      a.customers.push(c)
      const s = {
        id: syNextId(a),
        customer_id: c.id,
        name: 'Monthly Managed Services',
        frequency: 'Monthly',
        next_run: at,
        paused: false,
        lines: [] as never[]
      }
      const line = {
        id: syNextId(a),
        schedule_id: s.id,
        name: 'JumpCloud Users',
        description: 'per user',
        quantity: `${START_QTY}.0`,
        cost_cents: 480,
        retail_cents: 800,
        product_id: null,
        position: 0,
        taxable: false,
        user_id: a.users[0]!.id,
        recurring_type_id: 1,
        one_time_charge: false
      }
      ;(s.lines as unknown[]).push(line)
      a.schedules.push(s)
      out.set(org.id, { customerId: String(c.id), containerId: String(s.id), itemId: String(line.id) })
    } else {
      const st = (psa as AutotaskSim).state
      const t = st.tables
      const svc = t.Services.find((s) => s.name === SERVICE_USER)!
      const company = {
        id: atNextId(st),
        companyName: name,
        companyNumber: `B${org.id}`,
        companyType: 1,
        isActive: true,
        ownerResourceID: null,
        parentCompanyID: null,
        phone: '',
        city: '',
        createDate: at,
        lastActivityDate: at
      }
      t.Companies.push(company)
      const now = new Date()
      const contract = {
        id: atNextId(st),
        companyID: company.id,
        contractName: `Managed Services - ${name}`,
        contractNumber: `KB${company.id}`,
        contractType: 7,
        contractCategory: 1,
        contractPeriodType: 1,
        status: 1,
        startDate: monthStart(now, -1).toISOString(),
        endDate: new Date(monthStart(now, 2).getTime() - 1).toISOString(),
        isDefaultContract: false
      }
      t.Contracts.push(contract)
      const cs = {
        id: atNextId(st),
        contractID: contract.id,
        serviceID: svc.id,
        unitPrice: svc.unitPrice,
        unitCost: svc.unitCost,
        invoiceDescription: SERVICE_USER,
        internalDescription: null
      }
      t.ContractServices.push(cs)
      addPeriods(st, contract, cs, START_QTY)
      out.set(org.id, { customerId: String(company.id), containerId: String(contract.id), itemId: String(cs.id) })
    }
  }
  return out
}

function perEntity(psa: AutotaskSim, from: number): Map<string, number> {
  const m = new Map<string, number>()
  for (const r of psa.requests.slice(from)) {
    const e = /\/v1\.0\/([^/]+)/i.exec(r.path)?.[1]?.toLowerCase() ?? 'other'
    m.set(e, (m.get(e) ?? 0) + 1)
  }
  return m
}

async function benchPsa(kind: 'syncro' | 'autotask'): Promise<void> {
  const jc = await startJumpCloudSim({ seed: 11, orgs: ORGS, rateLimit: { limit: 600, windowMs: MINUTE } })
  const psa =
    kind === 'syncro'
      ? await startSyncroSim({ seed: 11, size: 1, rateLimit: { limit: 180, windowMs: MINUTE } })
      : await startAutotaskSim({
          seed: 11,
          size: 1,
          hourlyLimit: 10_000,
          hourlyWindowMs: HOUR,
          latencyMs: AT_LATENCY_MS
        })
  const targets = addCustomers(kind, jc, psa)
  const app = await connect(kind, jc, psa)
  try {
    const setupStart = performance.now()
    const refreshed = await app.dispatch('refreshData', { from: 'both' })
    if (!refreshed.ok) throw new Error(refreshed.error.message)
    const now = new Date().toISOString()
    for (const org of jc.state.orgs) {
      const t = targets.get(org.id)!
      const r = await app.dispatch('mapOrg', { orgId: org.id, customerId: t.customerId })
      if (!r.ok) throw new Error(r.error.message)
      putBillingMapping(
        app.db,
        {
          psa: kind,
          orgId: org.id,
          customerId: t.customerId,
          containerId: t.containerId,
          containerName: 'bench',
          itemId: t.itemId,
          itemName: 'JumpCloud Users',
          metric: 'users',
          nonBillable: 0,
          unitCost: null,
          unitPrice: null
        },
        now
      )
    }
    storeBillingSettings(app.db, { ...loadBillingSettings(app.db), allowZero: true }, new Date())
    console.log(`${kind}: ${ORGS} orgs mapped (setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s)`)

    for (const label of ['first sync (every target changes)', 'second sync (nothing changed)']) {
      // Each sync starts with empty rate windows, so the two runs' figures do not depend on each other.
      await new Promise((r) => setTimeout(r, MINUTE))
      jc.resetStats()
      psa.resetStats()
      const atFrom = kind === 'autotask' ? (psa as AutotaskSim).requests.length : 0
      const t0 = performance.now()
      const cpu0 = process.cpuUsage()
      const r = await app.dispatch('pushSync', { trigger: 'manual' })
      const wall = performance.now() - t0
      const cpu = process.cpuUsage(cpu0)
      if (!r.ok) throw new Error(r.error.message)
      const res = r.value as SyncResult
      const jcReq = jc.stats().total
      const psaReq = psa.stats().total
      const psaWrites =
        kind === 'syncro'
          ? psa.stats().writes
          : (psa as AutotaskSim).requests.slice(atFrom).filter((q) => q.method !== 'GET' && !/\/query$/i.test(q.path))
              .length
      const written = res.counts.written
      // Lower bounds. JumpCloud: 2 per org (user and device totals). PSA: every changed target is one write, and the
      // reads are the cheapest way to learn every current quantity: Syncro, one GET per invoice or the paged list of
      // all invoices (25 a page + the empty page that ends it, syncro.md §2); Autotask, one units query per 500 services.
      const jcLb = 2 * ORGS
      const readLb =
        kind === 'syncro'
          ? Math.min(
              new Set(res.items.map((i) => i.target.containerId)).size,
              Math.ceil((psa as SyncroSim).account().schedules.length / SYNCRO_PAGE) + 1
            )
          : Math.ceil(res.items.length / 500)
      const psaLb = readLb + written
      // Floors for the requests the lower bound needs (extra requests, e.g. retried 429s, are the run's own cost).
      const floors: Record<string, number> = { jumpcloud: windowFloor(jcLb, 600, MINUTE) }
      if (kind === 'syncro') floors.syncro = windowFloor(psaLb, 180, MINUTE)
      else {
        floors.autotaskHourly = windowFloor(psaLb, 10_000, HOUR)
        // 3 threads per entity, each request in flight AT_LATENCY_MS: the busiest entity sets the pace.
        floors.autotaskThreads = Math.max(
          ...[...perEntity(psa as AutotaskSim, atFrom).values()].map((n) => (n * AT_LATENCY_MS) / 3)
        )
      }
      const floor = Math.max(...Object.values(floors))
      console.log(
        `  ${label}: status ${res.status}, written ${written}, unchanged ${res.counts.unchanged}, failed ${res.counts.failed}`
      )
      console.log(
        `    requests: jumpcloud ${jcReq} (lower bound ${jcLb}, ×${(jcReq / jcLb).toFixed(2)}); ${kind} ${psaReq} = ${psaReq - psaWrites} reads + ${psaWrites} writes (lower bound ${psaLb} = ${readLb} + ${written}, ×${(psaReq / psaLb).toFixed(2)}); 429 replies: ${jc.stats().rejected429 + psa.stats().rejected429}`
      )
      console.log(
        `    wall ${(wall / 1000).toFixed(2)} s vs floor ${(floor / 1000).toFixed(2)} s (${Object.entries(floors)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
          .join(', ')}) → ×${(wall / floor).toFixed(2)}`
      )
      // The sims run in this process too: their CPU is in this figure, on a machine with 2 cores.
      console.log(`    cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (app + sims, one process)`)
      console.log(`    peak RSS (bench process, sims included) ${peakRssMb().toFixed(0)} MB`)
    }
  } finally {
    await app.close()
    rmSync(app.dataDir, { recursive: true, force: true })
    await jc.close()
    await psa.close()
  }
}

console.log(`billing sync bench: ${ORGS} orgs, one rate-limit minute = ${MINUTE} ms`)
for (const kind of ['syncro', 'autotask'] as const) await benchPsa(kind)
