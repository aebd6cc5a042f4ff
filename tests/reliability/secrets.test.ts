import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/main/app/app'
import { runCli } from '../../src/main/cli/run'
import { createMemoryStore } from '../../src/main/secrets'
import { startWebServer } from '../../src/main/web/server'
import type { CustomersView } from '../../src/shared/contract/customers'
import { startAllSims, type AllSims } from '../sims/all'
import { simEnv } from '../helpers/sim-env'
import { useTempDirs } from '../helpers/tmp'
import { report } from './support/proof'
import { SecretScanner } from './support/secret-scan'

// An e2e-like run with distinctive secrets (every system connected, refresh, mapping, billing push, alert tickets,
// assets, every report format, config export through the contract and the CLI, replies of the browser bridge),
// then every place a secret could leak is searched for each one, raw, base64, base64url and URL-encoded.

const tmp = useTempDirs()
const closing: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c()
})

const distinct = (label: string) => `${label}-${randomBytes(12).toString('hex')}`

/** Points the simulators at our own secrets instead of their demo ones. */
function plantSecrets(sims: AllSims, s: Record<string, string>): void {
  const acct = sims.syncro.account()
  acct.tokens.push({ token: s.syncroToken!, user_id: acct.tokens[0]!.user_id, permissions: 'all' })
  const at = sims.autotask.state.apiUsers[0]!
  at.secret = s.autotaskSecret!
  at.integrationCode = s.autotaskCode!
  sims.jumpcloud.state.apiKey = s.jumpcloudKey!
  sims.saasalerts.state.apiKey = s.saasAlertsKey!
}

describe.each(['syncro', 'autotask'] as const)('secrets after an e2e-like run on %s', (psa) => {
  it('appear nowhere: data dir (SQLite, WAL, SHM, logs), exports, config exports, bridge and core replies', async () => {
    const secrets = {
      syncroToken: distinct('SyncroTok'),
      autotaskSecret: distinct('AtSecret'),
      autotaskCode: distinct('AtCode'),
      jumpcloudKey: distinct('JcKey'),
      saasAlertsKey: distinct('SaKey')
    }
    const scan = new SecretScanner(secrets)
    // The scanner finds what it looks for (else "0 hits" would prove nothing).
    const probe = new SecretScanner({ k: secrets.jumpcloudKey })
    probe.text('probe', `x${Buffer.from(secrets.jumpcloudKey).toString('base64')}x`)
    expect(probe.hits).toHaveLength(1)

    const sims = await startAllSims({ seed: 4, orgs: 6 })
    closing.push(() => sims.close())
    plantSecrets(sims, secrets)
    const dataDir = tmp()
    const app: App = await createApp({ dataDir, secrets: createMemoryStore(), env: simEnv(sims) })
    closing.push(() => app.close())
    const call = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
      const r = await app.dispatch(method, input)
      scan.text(`reply of ${method}`, JSON.stringify(r))
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
      return r.value as T
    }
    const c = sims.credentials
    if (psa === 'syncro') await call('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: secrets.syncroToken })
    else
      await call('saveAutotask', {
        username: c.autotask.username,
        secret: secrets.autotaskSecret,
        integrationCode: secrets.autotaskCode
      })
    await call('saveJumpCloud', { apiKey: secrets.jumpcloudKey, providerId: c.jumpcloud.providerId })
    await call('saveSaasAlerts', { apiKey: secrets.saasAlertsKey })
    await call('refreshData', { from: 'both' })
    const view = await call<CustomersView>('getCustomersView')
    // The JumpCloud orgs: the simulator's events and counts below are JumpCloud's.
    const jcOrgs = view.orgs.filter((o) => o.source === 'jumpcloud')
    for (let i = 0; i < 2; i++)
      await call('mapOrg', { source: jcOrgs[i]!.source, orgId: jcOrgs[i]!.id, customerId: view.customers[i]!.id })
    const targets = await call<{ containers: Array<{ id: string; items: Array<{ id: string }> }> }>(
      'listBillingTargets',
      { source: jcOrgs[0]!.source, orgId: jcOrgs[0]!.id }
    )
    const container = targets.containers.find((x) => x.items.length)
    if (container)
      await call('saveBillingMapping', {
        source: jcOrgs[0]!.source,
        orgId: jcOrgs[0]!.id,
        containerId: container.id,
        itemId: container.items[0]!.id,
        metric: 'users',
        nonBillable: 0,
        unitCost: null
      })
    await call('pushSync', {})
    const ts = await call<{ settings: Record<string, unknown>; choices: { queues: Array<{ value: string }> } }>(
      'getTicketingSettings'
    )
    const defaults = ts.settings.defaults as Record<string, unknown>
    await call('saveTicketingSettings', {
      ...ts.settings,
      enabled: true,
      defaults: { ...defaults, queue: psa === 'autotask' ? ts.choices.queues[0]!.value : null }
    })
    sims.jumpcloud.control.addEvents({
      orgId: jcOrgs[0]!.id,
      eventType: 'user_lockout',
      user: 'alice',
      timestamp: new Date(Date.now() - 3 * 60_000).toISOString()
    })
    await call('pollAlertsNow', { retryNow: true })
    await call('sendTestTicket', { customerId: view.customers[0]!.id })
    await call('pullAssets', {})
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      for (const method of ['exportMappingReport', 'exportAssetsReport']) {
        const file = await call<{ fileName: string; base64: string }>(method, { format })
        await scan.report(`${method} ${format}`, file.fileName, file.base64)
      }
    }
    await call('exportConfig')
    for (const m of ['getStatus', 'listIntegrations', 'getBillingView', 'listAlerts', 'listAlertTickets', 'listRuns'])
      await call(m, m === 'listAlerts' ? { limit: 500 } : {})

    // The browser bridge's replies (the renderer's view of the same core).
    const staticDir = join(tmp(), 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>')
    const bridge = await startWebServer({ app, staticDir })
    closing.push(() => bridge.close())
    for (const m of ['getStatus', 'listIntegrations', 'getCustomersView', 'getTicketingSettings', 'exportConfig']) {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: bridge.port,
            path: `/api/${m}`,
            method: 'POST',
            agent: false,
            headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' }
          },
          (res) => {
            let t = ''
            res.on('data', (b: Buffer) => (t += b.toString()))
            res.on('end', () => resolve(t))
          }
        )
        req.on('error', reject)
        req.end('{}')
      })
      expect(body).toContain('"ok":true')
      scan.text(`bridge reply of ${m}`, body)
    }
    await bridge.close()
    closing.pop()

    // The CLI on the same data dir with the env secret store (a headless server): config export and sync.
    const out: string[] = []
    const cliEnv = {
      ...simEnv(sims),
      PSA_BRIDGE_SECRET_STORE: 'env',
      PSA_BRIDGE_SYNCRO_API_TOKEN: secrets.syncroToken,
      PSA_BRIDGE_AUTOTASK_SECRET: secrets.autotaskSecret,
      PSA_BRIDGE_AUTOTASK_INTEGRATION_CODE: secrets.autotaskCode,
      PSA_BRIDGE_JUMPCLOUD_API_KEY: secrets.jumpcloudKey
    }
    const exportFile = join(tmp(), 'config.json')
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), env: cliEnv }
    expect(await runCli(['--data-dir', dataDir, 'config', 'export', exportFile], io)).toBe(0)
    await runCli(['--data-dir', dataDir, 'sync', '--json'], io)
    scan.text('config export file', readFileSync(exportFile))
    scan.text('CLI output', out.join('\n'))

    // While the core is open (the -wal and -shm files exist), then after it closed (checkpointed into the file).
    scan.dir(dataDir)
    await app.close()
    closing.splice(closing.length - 1, 1)
    scan.dir(dataDir)
    report(`secrets/${psa}`, {
      secrets: Object.keys(secrets).length,
      placesScanned: scan.scanned,
      hits: scan.hits.length
    })
    expect(scan.hits).toEqual([])
  }, 180_000)
})
