import { afterEach } from 'vitest'
import { createSyncroConnector, type SyncroConnectorOptions } from '../../../src/main/connectors/syncro'
import { SIM_TOKEN, startSyncroSim, type SyncroSim, type SyncroSimOptions } from '../../sims/syncro'

/** Fast retries so failure paths finish in milliseconds; rate limiting off unless a test wants it. */
export const FAST = {
  retry: { retries: 4, baseDelayMs: 10, maxDelayMs: 3_000 },
  rateLimit: { limit: 10_000, intervalMs: 1_000 }
}

export async function withSim(opts: SyncroSimOptions = {}) {
  const sim: SyncroSim = await startSyncroSim({ seed: 7, size: 30, ...opts })
  const account = sim.account()
  const connect = (o: Partial<SyncroConnectorOptions> = {}) =>
    createSyncroConnector({
      subdomain: account.subdomain,
      apiToken: SIM_TOKEN,
      urlTemplate: sim.urlTemplate,
      ...FAST,
      ...o
    })
  return { sim, account, connect }
}

/** First customer of the account that has a schedule with at least `lines` lines. */
export function customerWithSchedule(sim: SyncroSim, lines = 1) {
  const s = sim.account().schedules.find((x) => x.lines.length >= lines)
  if (!s) throw new Error('seed has no schedule with enough lines; change the seed')
  return s
}

/** For a test file: `start(opts)` runs a simulator closed after each test; `current()` is the one running. */
export function useSyncroSim() {
  let sim: SyncroSim | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })
  return {
    async start(opts: SyncroSimOptions = {}) {
      const env = await withSim(opts)
      sim = env.sim
      return env
    },
    current(): SyncroSim {
      if (!sim) throw new Error('no simulator started in this test')
      return sim
    }
  }
}
