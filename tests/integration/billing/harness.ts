// Billing end to end: the real core (createApp) wired to the three simulators through the env overrides,
// connected and mapped through the contract methods only, as the UI would do it.
import { mkdtempSync, rmSync } from 'node:fs'
import { afterEach } from 'vitest'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type App } from '../../../src/main/app/app'
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract'
import { unitsAt } from '../../sims/autotask'
import { startAllSims, type AllSims, type AllSimsOptions } from '../../sims/all'

export type Psa = 'syncro' | 'autotask'

export interface BillingHarness {
  sims: AllSims
  app: App
  dataDir: string
  env: NodeJS.ProcessEnv
  psa: Psa
  call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Billing mappings made: org, target, and the PSA quantity before any sync. */
  mapped: Array<{ mappingId: string; orgId: string; containerId: string; itemId: string; initial: number }>
  /** The quantity the PSA sim holds now for a mapped target (null = gone). */
  psaQuantity(target: { containerId: string; itemId: string }): number | null
  /** Requests that change PSA data (Autotask queries are POSTs, so they are excluded). */
  psaWrites(): number
  /** Every API request the PSA sim received so far. */
  psaRequests(): number
  setUsage(orgId: string, users: number, devices?: number): void
  deleteTarget(target: { containerId: string; itemId: string }): void
  close(): Promise<void>
}

export async function startBillingHarness(
  psa: Psa,
  opts: {
    mappings?: number
    orgs?: number
    seed?: number
    now?: () => Date
    env?: NodeJS.ProcessEnv
    syncroRateLimit?: AllSimsOptions['syncroRateLimit']
  } = {}
): Promise<BillingHarness> {
  const sims = await startAllSims({
    orgs: opts.orgs ?? 16,
    seed: opts.seed ?? 3,
    syncroRateLimit: opts.syncroRateLimit
  })
  const dir = mkdtempSync(join(tmpdir(), 'psa-bridge-billing-'))
  const c = sims.credentials
  // Env-held secrets (test values of the sims), so a second app or the CLI can reopen the same data dir.
  const env: NodeJS.ProcessEnv = {
    PSA_BRIDGE_SECRET_STORE: 'env',
    PSA_BRIDGE_SYNCRO_API_TOKEN: c.syncro.apiToken,
    PSA_BRIDGE_AUTOTASK_SECRET: c.autotask.secret,
    PSA_BRIDGE_AUTOTASK_INTEGRATION_CODE: c.autotask.integrationCode,
    PSA_BRIDGE_JUMPCLOUD_API_KEY: c.jumpcloud.apiKey,
    PSA_BRIDGE_SAASALERTS_API_KEY: c.saasalerts.apiKey,
    PSA_BRIDGE_SYNCRO_URL_TEMPLATE: sims.syncro.urlTemplate,
    PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL: sims.autotask.zoneLookupUrl,
    PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL: sims.jumpcloud.consoleUrl,
    PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL: sims.jumpcloud.insightsUrl,
    PSA_BRIDGE_SAASALERTS_URL: sims.saasalerts.baseUrl,
    ...opts.env
  }
  const app = await createApp({ dataDir: dir, env, now: opts.now })
  const call = async <M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = await app.dispatch(name, input)
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { appError: r.error })
    return r.value as MethodOutput<M>
  }
  await call('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId })
  if (psa === 'syncro') await call('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken })
  else
    await call('saveAutotask', {
      username: c.autotask.username,
      secret: c.autotask.secret,
      integrationCode: c.autotask.integrationCode
    })
  await call('refreshData', { from: 'both' })

  // Map org i to the next customer that has a billing target, through the same methods the UI uses.
  const view = await call('getCustomersView', {})
  const want = opts.mappings ?? 4
  const mapped: BillingHarness['mapped'] = []
  const customers = view.customers.filter((x) => x.active)
  let ci = 0
  for (const org of view.orgs) {
    if (mapped.length >= want) break
    for (; ci < customers.length; ci++) {
      await call('mapOrg', { source: 'jumpcloud', orgId: org.id, customerId: customers[ci]!.id })
      const t = await call('listBillingTargets', { source: 'jumpcloud', orgId: org.id })
      const container = t.containers.find((x) => x.items.length > 0)
      const item = container?.items[0]
      if (!container || !item) continue
      const row = await call('saveBillingMapping', {
        source: 'jumpcloud',
        orgId: org.id,
        containerId: container.id,
        itemId: item.id,
        metric: 'users',
        nonBillable: 0,
        unitCost: null
      })
      mapped.push({
        mappingId: row.mappingId,
        orgId: org.id,
        containerId: container.id,
        itemId: item.id,
        initial: item.quantity
      })
      ci++
      break
    }
    if (!mapped.some((m) => m.orgId === org.id))
      await call('unmapOrg', { source: 'jumpcloud', orgId: org.id }).catch(() => undefined)
  }
  if (mapped.length < want) throw new Error(`harness: only ${mapped.length} billable customers in the seed`)

  const psaQuantity = (t: { containerId: string; itemId: string }): number | null => {
    if (psa === 'syncro') {
      const line = sims.syncro
        .account()
        .schedules.find((s) => String(s.id) === t.containerId)
        ?.lines.find((l) => String(l.id) === t.itemId)
      return line ? Number(line.quantity) : null
    }
    const cs = sims.autotask.state.tables.ContractServices.find((r) => String(r.id) === t.itemId)
    return cs ? (unitsAt(sims.autotask.state, Number(t.itemId), sims.autotask.clock.now()) ?? null) : null
  }
  const psaWrites = (): number =>
    psa === 'syncro'
      ? sims.syncro.stats().writes
      : sims.autotask.requests.filter((r) => r.method !== 'GET' && !/\/query$/i.test(r.path)).length
  return {
    sims,
    app,
    dataDir: dir,
    env,
    psa,
    call,
    mapped,
    psaQuantity,
    psaWrites,
    psaRequests: () => (psa === 'syncro' ? sims.syncro.requests.length : sims.autotask.requests.length),
    setUsage: (orgId, users, devices) =>
      void sims.jumpcloud.control.setUsage({ orgId, users, ...(devices === undefined ? {} : { devices }) }),
    deleteTarget(t) {
      if (psa === 'syncro') {
        const s = sims.syncro.account().schedules.find((x) => String(x.id) === t.containerId)!
        s.lines = s.lines.filter((l) => String(l.id) !== t.itemId)
      } else {
        // The service goes with its units rows (its billing periods, autotask.md §7.5).
        const tables = sims.autotask.state.tables
        const rows = tables.ContractServices
        rows.splice(
          rows.findIndex((r) => String(r.id) === t.itemId),
          1
        )
        tables.ContractServiceUnits = tables.ContractServiceUnits.filter(
          (u) => String(u.contractServiceID) !== t.itemId
        )
      }
    },
    async close() {
      await app.close()
      await sims.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** For a test file: a start function whose harnesses are all closed after each test. */
export function useBillingHarness(): typeof startBillingHarness {
  const open: BillingHarness[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((h) => h.close()))
  })
  return async (psa, opts) => {
    const h = await startBillingHarness(psa, opts)
    open.push(h)
    return h
  }
}
