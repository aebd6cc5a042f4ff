import { createHash } from 'node:crypto'
import { createAutotaskConnector } from './autotask'
import { discoverAutotaskZone } from './autotask/zone'
import { endpointOverridesFromEnv } from './endpoints'
import type { ConnectorFactory } from './factory-types'
import { createJumpCloudConnector } from './jumpcloud'
import { createSaasAlertsConnector } from './saasalerts'
import { createSyncroConnector } from './syncro'

export function createConnectorFactory(env: NodeJS.ProcessEnv): ConnectorFactory {
  const o = endpointOverridesFromEnv(env)
  // One connector per set of credentials for the life of the app: its HTTP layer holds the rate
  // limiter, and Syncro's 180/min (per IP) or Autotask's 3 threads per endpoint are shared budgets.
  const cache = new Map<string, unknown>()
  const once = <T>(kind: string, args: object, make: () => T): T => {
    const key = kind + ':' + createHash('sha256').update(JSON.stringify(args)).digest('hex')
    if (!cache.has(key)) cache.set(key, make())
    return cache.get(key) as T
  }
  return {
    syncro: (c) =>
      once('syncro', c, () =>
        createSyncroConnector({ ...c, urlTemplate: o.syncroUrlTemplate, timeoutMs: o.timeoutMs })
      ),
    autotaskZone: (username) =>
      discoverAutotaskZone({ username, zoneLookupUrl: o.autotaskZoneLookupUrl, timeoutMs: o.timeoutMs }),
    autotask: (c) => once('autotask', c, () => createAutotaskConnector({ ...c, timeoutMs: o.timeoutMs })),
    jumpcloud: (c) =>
      once('jumpcloud', c, () =>
        createJumpCloudConnector({
          ...c,
          consoleUrl: o.jumpcloudConsoleUrl,
          insightsUrl: o.jumpcloudInsightsUrl,
          timeoutMs: o.timeoutMs
        })
      ),
    saasalerts: (c) =>
      once('saasalerts', c, () => createSaasAlertsConnector({ ...c, baseUrl: o.saasAlertsUrl, timeoutMs: o.timeoutMs }))
  }
}
