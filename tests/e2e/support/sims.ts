import { startAutotaskSim, DEFAULT_API_USERS, type AutotaskSim } from '../../sims/autotask'
import { startSyncroSim, SIM_SUBDOMAIN, SIM_TOKEN, type SyncroSim } from '../../sims/syncro'
import { startJumpCloudSim, SIM_API_KEY, SIM_PROVIDER_ID, type JumpCloudSim } from '../../sims/jumpcloud'
import { startSaasAlertsSim, type SaasAlertsSim } from '../../sims/saasalerts'
import type { SimServer, SimStats } from '../../sims/common'

export interface E2eSims {
  syncro: SyncroSim
  autotask: AutotaskSim
  jumpcloud: JumpCloudSim
  saasalerts: SaasAlertsSim
  /** The env overrides that point the core at these sims. */
  env: NodeJS.ProcessEnv
  creds: {
    syncro: { subdomain: string; apiToken: string }
    autotask: { username: string; secret: string; integrationCode: string }
    jumpcloud: { apiKey: string; providerId: string }
    saasalerts: { apiKey: string }
  }
  /** Read through the sim's own control route, as any outside observer would. */
  stats(sim: SimServer): Promise<SimStats>
  /** Between tests: no leftover faults, counters at zero. */
  reset(): void
  close(): Promise<void>
}

export async function startE2eSims(): Promise<E2eSims> {
  const syncro = await startSyncroSim({ seed: 1, size: 5 })
  const autotask = await startAutotaskSim({ seed: 1, size: 5 })
  const jumpcloud = await startJumpCloudSim({ seed: 1, orgs: 5 })
  const saasalerts = await startSaasAlertsSim({ seed: 1, orgs: 4 })
  const all: SimServer[] = [syncro, autotask, jumpcloud, saasalerts]
  const user = DEFAULT_API_USERS[0]!
  return {
    syncro,
    autotask,
    jumpcloud,
    saasalerts,
    env: {
      PSA_BRIDGE_SYNCRO_URL_TEMPLATE: syncro.urlTemplate,
      PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL: autotask.zoneLookupUrl,
      PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL: jumpcloud.consoleUrl,
      PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL: jumpcloud.insightsUrl,
      PSA_BRIDGE_SAASALERTS_URL: saasalerts.baseUrl
    },
    creds: {
      syncro: { subdomain: SIM_SUBDOMAIN, apiToken: SIM_TOKEN },
      autotask: { username: user.username, secret: user.secret, integrationCode: user.integrationCode },
      jumpcloud: { apiKey: SIM_API_KEY, providerId: SIM_PROVIDER_ID },
      saasalerts: { apiKey: saasalerts.apiKey }
    },
    async stats(sim) {
      const res = await fetch(`${sim.url}/__sim/stats`)
      return (await res.json()) as SimStats
    },
    reset() {
      for (const s of all) {
        s.faults.clear()
        s.resetStats()
      }
    },
    close: async () => {
      await Promise.all(all.map((s) => s.close()))
    }
  }
}
