// The billing benches' shared set-up: the app connected to the simulators with scaled limits, one billable
// customer per org in the PSA simulator, every org mapped. Used by billing.bench.ts and sync-rss.bench.ts.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type App } from '../../src/main/app/app'
import { putBillingMapping, storeBillingSettings, loadBillingSettings } from '../../src/main/billing/store'
import { createAutotaskConnector } from '../../src/main/connectors/autotask'
import { createConnectorFactory } from '../../src/main/connectors/factory'
import type { ConnectorFactory } from '../../src/main/connectors/factory-types'
import { createJumpCloudConnector } from '../../src/main/connectors/jumpcloud'
import { createSyncroConnector } from '../../src/main/connectors/syncro'
import { createMemoryStore } from '../../src/main/secrets'
import { DEFAULT_API_USERS, SERVICE_USER, type AutotaskSim } from '../../tests/sims/autotask'
import { addPeriods, monthStart } from '../../tests/sims/autotask/billing'
import { nextId as atNextId } from '../../tests/sims/autotask/model'
import type { JumpCloudSim } from '../../tests/sims/jumpcloud'
import { SIM_SUBDOMAIN, SIM_TOKEN, type SyncroSim } from '../../tests/sims/syncro'
import { nextId as syNextId } from '../../tests/sims/syncro/model'

export type Kind = 'syncro' | 'autotask'

/** Quantity every target starts with, so the first sync must write every one (seeded counts are far lower). */
export const START_QTY = 9999

export function scaled(minute: number) {
  return {
    HOUR: minute * 60,
    /** Retry back-off scaled like the limits (real: 500 ms base, 60 s cap), or a 429 would cost a whole scaled minute. */
    RETRY: { retries: 4, baseDelayMs: Math.max(1, (500 * minute) / 60_000), maxDelayMs: minute }
  }
}

/** Where the simulators listen: plain data, so a child process can connect to a parent's simulators. */
export interface SimEndpoints {
  jumpcloud: { consoleUrl: string; insightsUrl: string; apiKey: string; providerId: string }
  /** Syncro's urlTemplate or Autotask's zoneLookupUrl. */
  psaUrl: string
}

export function endpoints(kind: Kind, jc: JumpCloudSim, psa: SyncroSim | AutotaskSim): SimEndpoints {
  const { consoleUrl, insightsUrl, apiKey, providerId } = jc
  const psaUrl = kind === 'syncro' ? (psa as SyncroSim).urlTemplate : (psa as AutotaskSim).zoneLookupUrl
  return { jumpcloud: { consoleUrl, insightsUrl, apiKey, providerId }, psaUrl }
}

/** The app, connected to the simulators with the vendors' limits scaled to `minute` ms per minute. */
export async function connect(kind: Kind, sims: SimEndpoints, minute: number): Promise<App> {
  const jc = sims.jumpcloud
  const { HOUR, RETRY } = scaled(minute)
  const MINUTE = minute
  const env: Record<string, string> = {
    PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL: jc.consoleUrl,
    PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL: jc.insightsUrl,
    ...(kind === 'syncro'
      ? { PSA_BRIDGE_SYNCRO_URL_TEMPLATE: sims.psaUrl }
      : { PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL: sims.psaUrl })
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

export interface Target {
  customerId: string
  containerId: string
  itemId: string
}

/** One billable customer per org in the PSA sim; returns org id → target. */
export function addCustomers(kind: Kind, jc: JumpCloudSim, psa: SyncroSim | AutotaskSim): Map<string, Target> {
  const out = new Map<string, Target>()
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

/** Maps every org to its customer and bills its users on its target (zero allowed, so every target is written). */
export async function mapAll(app: App, kind: Kind, targets: ReadonlyMap<string, Target>): Promise<void> {
  const now = new Date().toISOString()
  for (const [orgId, t] of targets) {
    const r = await app.dispatch('mapOrg', { source: 'jumpcloud', orgId: orgId, customerId: t.customerId })
    if (!r.ok) throw new Error(r.error.message)
    putBillingMapping(
      app.db,
      {
        psa: kind,
        source: 'jumpcloud',
        orgId: orgId,
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
}
