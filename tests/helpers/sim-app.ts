import { afterEach } from 'vitest'
import { createApp, type App } from '../../src/main/app/app'
import { createConnectorFactory } from '../../src/main/connectors/factory'
import { createMemoryStore } from '../../src/main/secrets'
import type { SecretStore } from '../../src/main/secrets/types'
import { startAllSims, type AllSims, type AllSimsOptions } from '../sims/all'

export { simEnv }
import { simEnv } from './sim-env'
import { useTempDirs } from './tmp'

export interface SimApp {
  sims: AllSims
  app: App
  secrets: SecretStore
  dataDir: string
  /** Close the core and open a new one on the same data dir and secrets (an app restart). */
  restart(): Promise<App>
  /** Dispatch and unwrap: throws with the error envelope when the call fails. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>
}

/**
 * Starts the three simulators and a core pointed at them, with an in-memory secret store and a
 * fresh data dir; everything is closed after the test. `connect` saves the PSA and JumpCloud
 * credentials through the contract, like a user on the Connect screen.
 */
export function useSimApp(): (
  opts?: AllSimsOptions & { psa?: 'syncro' | 'autotask' | 'none'; env?: NodeJS.ProcessEnv; now?: () => Date }
) => Promise<SimApp> {
  const tmp = useTempDirs()
  const open: Array<{ sims: AllSims; app: () => App }> = []
  afterEach(async () => {
    for (const o of open.splice(0)) {
      await o.app().close()
      await o.sims.close()
    }
  })
  return async (opts = {}) => {
    const sims = await startAllSims(opts)
    const dataDir = tmp()
    const secrets = createMemoryStore()
    const env = simEnv(sims, opts.env)
    // A raised simulator limit is the app's Syncro limit too: the client never waits for a budget the server lacks.
    const limit = opts.syncroRateLimit
    const connectors = () =>
      createConnectorFactory(env, limit && { syncroRateLimit: { limit: limit.limit, intervalMs: limit.windowMs } })
    let app = await createApp({ dataDir, secrets, env, now: opts.now, connectors: connectors() })
    open.push({ sims, app: () => app })
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const r = await app.dispatch(method, input)
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}: ${r.error.message}`), { envelope: r.error })
      return r.value as T
    }
    const c = sims.credentials
    const psa = opts.psa ?? 'syncro'
    if (psa === 'syncro') await call('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken })
    if (psa === 'autotask') {
      await call('saveAutotask', {
        username: c.autotask.username,
        secret: c.autotask.secret,
        integrationCode: c.autotask.integrationCode
      })
    }
    await call('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId })
    return {
      sims,
      secrets,
      dataDir,
      get app() {
        return app
      },
      call,
      async restart() {
        await app.close()
        app = await createApp({ dataDir, secrets, env, now: opts.now, connectors: connectors() })
        return app
      }
    }
  }
}
