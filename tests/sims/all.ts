import { DEFAULT_API_USERS, startAutotaskSim, type AutotaskSim } from './autotask'
import { startJumpCloudSim, type JumpCloudSim } from './jumpcloud'
import { startSaasAlertsSim, type SaasAlertsSim } from './saasalerts'
import { SIM_SUBDOMAIN, SIM_TOKEN, startSyncroSim, type SyncroSim } from './syncro'

// Starts the simulators from one seed so that JumpCloud org i, SaaS Alerts customer i and PSA
// customer i are the same company (see the seeding convention in tests/sims/*/seed.ts). Used by `npm run sims`,
// the demo and end-to-end tests.

export interface AllSimsOptions {
  seed?: number
  /** Number of JumpCloud organizations (the PSAs get ~85% of them plus some of their own). */
  orgs?: number
  /** Syncro's per-token limit (default: the documented 180 per minute); fuzzing suites raise it. */
  syncroRateLimit?: { limit: number; windowMs: number }
}

/** Demo credentials: test data only, printed on purpose by `npm run sims`. */
export interface DemoCredentials {
  syncro: { subdomain: string; apiToken: string; urlTemplate: string }
  autotask: { username: string; secret: string; integrationCode: string; zoneLookupUrl: string }
  jumpcloud: { apiKey: string; providerId: string; consoleUrl: string; insightsUrl: string }
  saasalerts: { apiKey: string; baseUrl: string }
}

export interface AllSims {
  syncro: SyncroSim
  autotask: AutotaskSim
  jumpcloud: JumpCloudSim
  saasalerts: SaasAlertsSim
  credentials: DemoCredentials
  close(): Promise<void>
}

export async function startAllSims(opts: AllSimsOptions = {}): Promise<AllSims> {
  const seed = opts.seed ?? 1
  const size = opts.orgs ?? 20
  const started: Array<{ close(): Promise<void> }> = []
  try {
    const jumpcloud = await startJumpCloudSim({ seed, orgs: size })
    started.push(jumpcloud)
    const syncro = await startSyncroSim({ seed, size, rateLimit: opts.syncroRateLimit })
    started.push(syncro)
    const autotask = await startAutotaskSim({ seed, size })
    started.push(autotask)
    // ~70% of the organizations also watched by SaaS Alerts: the first ones, same names.
    const saasalerts = await startSaasAlertsSim({ seed, orgs: Math.round(size * 0.7) })
    started.push(saasalerts)
    const atUser = DEFAULT_API_USERS[0]!
    return {
      syncro,
      autotask,
      jumpcloud,
      saasalerts,
      credentials: {
        syncro: { subdomain: SIM_SUBDOMAIN, apiToken: SIM_TOKEN, urlTemplate: syncro.urlTemplate },
        autotask: {
          username: atUser.username,
          secret: atUser.secret,
          integrationCode: atUser.integrationCode,
          zoneLookupUrl: autotask.zoneLookupUrl
        },
        jumpcloud: {
          apiKey: jumpcloud.apiKey,
          providerId: jumpcloud.providerId,
          consoleUrl: jumpcloud.consoleUrl,
          insightsUrl: jumpcloud.insightsUrl
        },
        saasalerts: { apiKey: saasalerts.apiKey, baseUrl: saasalerts.baseUrl }
      },
      close: async () => {
        await Promise.all(started.map((s) => s.close()))
      }
    }
  } catch (e) {
    await Promise.allSettled(started.map((s) => s.close()))
    throw e
  }
}
