import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type App } from '../../src/main/app/app'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { simEnv } from '../helpers/sim-env'
import { startAllSims, type AllSims } from './all'

export interface Demo {
  sims: AllSims
  app: App
  server: WebServer
  dataDir: string
  close(): Promise<void>
}

/**
 * `npm run demo`: the simulators plus the real core and UI (browser bridge) pointed at them, with
 * Syncro and JumpCloud already connected and data refreshed, so a newcomer can try every screen
 * with no accounts. Secrets stay in memory and the data dir is a throw-away temp dir.
 */
export async function startDemo(opts: {
  seed?: number
  orgs?: number
  staticDir: string
  port?: number
}): Promise<Demo> {
  const sims = await startAllSims({ seed: opts.seed ?? 1, orgs: opts.orgs ?? 40 })
  const dataDir = mkdtempSync(join(tmpdir(), 'psa-bridge-demo-'))
  const app = await createApp({ dataDir, secretStore: 'memory', env: { ...process.env, ...simEnv(sims) } })
  const c = sims.credentials
  for (const [method, input] of [
    ['saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken }],
    ['saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId }],
    ['refreshData', { from: 'both' }]
  ] as const) {
    const r = await app.dispatch(method, input)
    if (!r.ok) throw new Error(`demo setup: ${method} failed: ${r.error.message}`)
  }
  const server = await startWebServer({ app, staticDir: opts.staticDir, port: opts.port })
  return {
    sims,
    app,
    server,
    dataDir,
    async close() {
      await server.close()
      await app.close()
      await sims.close()
    }
  }
}
