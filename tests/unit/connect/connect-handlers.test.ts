import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../../src/main/app/app'
import { createMemoryStore } from '../../../src/main/secrets'
import { fakeConnectors } from '../../helpers/fake-connectors'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()
const TOKEN = 'syncro-token-0123456789abcdef'
const KEY = 'jc-key-fedcba9876543210'
const PROVIDER = '5f0c1b2a3d4e5f6a7b8c9d0e'

async function setup() {
  const secrets = createMemoryStore()
  const connectors = fakeConnectors({ syncroToken: TOKEN, autotaskSecret: 'at-secret-value-1', jumpcloudKey: KEY })
  const app = await createApp({ dataDir: tmp(), secrets, connectors })
  return { app, secrets, connectors }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

describe('Connect handlers', () => {
  it('verifies, saves the secret in the secret store only, and reports "created" then "updated"', async () => {
    const { app, secrets } = await setup()
    const r = await app.dispatch('saveSyncro', { subdomain: 'https://acme.syncromsp.com/api_tokens', apiToken: TOKEN })
    expect(r).toMatchObject({
      ok: true,
      value: {
        message: 'Integration has been created',
        integration: { kind: 'syncro', settings: { subdomain: 'acme' }, secretSaved: true }
      }
    })
    expect(await secrets.get('syncro.apiToken')).toBe(TOKEN)
    expect(JSON.stringify(r)).not.toContain(TOKEN)

    // A second save without `replace` is refused; with it, the saved token is re-used when none is typed.
    expect(await app.dispatch('saveSyncro', { subdomain: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' }
    })
    expect(await app.dispatch('saveSyncro', { subdomain: 'acme', replace: true })).toMatchObject({
      ok: true,
      value: { message: 'Integration has been updated' }
    })
    await app.close()
  })

  it('saves nothing when verification fails', async () => {
    const { app, secrets } = await setup()
    const r = await app.dispatch('saveSyncro', { subdomain: 'acme', apiToken: 'wrong-token-xxxxxx' })
    expect(r).toMatchObject({ ok: false, error: { code: 'auth' } })
    expect(await secrets.get('syncro.apiToken')).toBeNull()
    expect(await app.dispatch('listIntegrations', {})).toEqual({ ok: true, value: [] })
    await app.close()
  })

  it('rejects a bad subdomain before any connector is built', async () => {
    const { app, connectors } = await setup()
    for (const subdomain of ['evil.com#', 'acme.syncromsp.com.evil.io', 'x'.repeat(300)]) {
      expect(await app.dispatch('saveSyncro', { subdomain, apiToken: TOKEN })).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'subdomain' }
      })
    }
    expect(connectors.calls).toEqual([])
    await app.close()
  })

  it('requires a secret on first save and names the field', async () => {
    const { app } = await setup()
    expect(await app.dispatch('saveSyncro', { subdomain: 'acme', apiToken: 'tok\nen-123456' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'apiToken', message: expect.stringContaining('line break') }
    })
    expect(await app.dispatch('saveJumpCloud', { providerId: PROVIDER })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'apiKey' }
    })
    expect(await app.dispatch('saveJumpCloud', { providerId: 'not-hex', apiKey: KEY })).toMatchObject({
      ok: false,
      error: { field: 'providerId' }
    })
    await app.close()
  })

  it('discovers the Autotask zone and stores it as a setting', async () => {
    const { app } = await setup()
    const r = await app.dispatch('saveAutotask', {
      username: 'api@msp.example',
      secret: 'at-secret-value-1',
      integrationCode: 'CODE1234567890'
    })
    expect(r).toMatchObject({
      ok: true,
      value: {
        integration: {
          settings: { zoneName: 'Pre Release', zoneUrl: 'https://webservices2.autotask.net/ATServicesRest/' }
        }
      }
    })
    await app.close()
  })

  it('Disable & Clear removes the secrets and every row of that integration, leaving the others', async () => {
    const { app, secrets } = await setup()
    await app.dispatch('saveSyncro', { subdomain: 'acme', apiToken: TOKEN })
    await app.dispatch('saveJumpCloud', { providerId: PROVIDER, apiKey: KEY })
    const now = new Date().toISOString()
    app.db
      .prepare('INSERT INTO psa_customers (psa_kind, id, name, refreshed_at) VALUES (?, ?, ?, ?)')
      .run('syncro', '1', 'Acme', now)
    app.db
      .prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)')
      .run('syncro.catchAllCustomer', '"1"', now)
    const r = await app.dispatch('disableIntegration', { kind: 'syncro' })
    expect(r).toEqual({ ok: true, value: { message: 'Integration has been disabled', removedRows: 3 } })
    expect(await secrets.get('syncro.apiToken')).toBeNull()
    expect(await secrets.get('jumpcloud.apiKey')).toBe(KEY)
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM psa_customers WHERE psa_kind = 'syncro'").get()).toEqual({ n: 0 })
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'syncro.%'").get()).toEqual({ n: 0 })
    const list = await app.dispatch('listIntegrations', {})
    expect(list).toMatchObject({ ok: true, value: [{ kind: 'jumpcloud' }] })
    expect(await app.dispatch('disableIntegration', { kind: 'syncro' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    await app.close()
  })

  it('leaves no secret bytes in the data directory (database, WAL, logs)', async () => {
    const { app } = await setup()
    await app.dispatch('saveSyncro', { subdomain: 'acme', apiToken: TOKEN })
    await app.dispatch('saveJumpCloud', { providerId: PROVIDER, apiKey: KEY })
    await app.dispatch('saveSyncro', { subdomain: 'acme', apiToken: 'wrong-token-xxxxxx', replace: true })
    const files = filesUnder(app.dataDir)
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true)
    for (const f of files) {
      const bytes = readFileSync(f)
      for (const s of [TOKEN, KEY, 'wrong-token-xxxxxx'])
        expect(bytes.includes(Buffer.from(s)), `${s} in ${f}`).toBe(false)
    }
    await app.close()
  })
})
