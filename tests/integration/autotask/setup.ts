// Shared setup for Autotask integration tests: a sim on port 0 and a connector wired to it via zone discovery.
import {
  createAutotaskConnector,
  discoverAutotaskZone,
  type AutotaskConnectorOptions
} from '../../../src/main/connectors/autotask'
import type { PsaConnector } from '../../../src/main/connectors/types'
import {
  DEFAULT_API_USERS,
  startAutotaskSim,
  type ApiUser,
  type AutotaskSim,
  type AutotaskSimOptions
} from '../../sims/autotask'

export const FULL_USER = DEFAULT_API_USERS[0] as ApiUser
export const RESTRICTED_USER = DEFAULT_API_USERS[1] as ApiUser
/** A fixed "now" in the middle of the seeded contract periods. */
export const NOW = new Date('2026-03-15T12:00:00Z')

export interface Harness {
  sim: AutotaskSim
  connector: PsaConnector
  make(over?: Partial<AutotaskConnectorOptions>): PsaConnector
}

export async function startHarness(simOpts: AutotaskSimOptions = {}, user: ApiUser = FULL_USER): Promise<Harness> {
  const sim = await startAutotaskSim({ seed: 7, size: 30, now: NOW, ...simOpts })
  const zone = await discoverAutotaskZone({ username: user.username, zoneLookupUrl: sim.zoneLookupUrl })
  const make = (over: Partial<AutotaskConnectorOptions> = {}): PsaConnector =>
    createAutotaskConnector({
      username: user.username,
      secret: user.secret,
      integrationCode: user.integrationCode,
      zoneUrl: zone.url,
      webUrl: zone.webUrl,
      zoneName: zone.zoneName,
      now: () => sim.clock.now(),
      retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 200 },
      ...over
    })
  return { sim, connector: make(), make }
}
