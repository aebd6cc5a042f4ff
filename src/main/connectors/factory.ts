import { createAutotaskConnector } from './autotask'
import { discoverAutotaskZone } from './autotask/zone'
import { endpointOverridesFromEnv } from './endpoints'
import type { ConnectorFactory } from './factory-types'
import { createJumpCloudConnector } from './jumpcloud'
import { createSyncroConnector } from './syncro'

export function createConnectorFactory(env: NodeJS.ProcessEnv): ConnectorFactory {
  const o = endpointOverridesFromEnv(env)
  return {
    syncro: ({ subdomain, apiToken }) => createSyncroConnector({ subdomain, apiToken, urlTemplate: o.syncroUrlTemplate, timeoutMs: o.timeoutMs }),
    autotaskZone: (username) => discoverAutotaskZone({ username, zoneLookupUrl: o.autotaskZoneLookupUrl, timeoutMs: o.timeoutMs }),
    autotask: (c) => createAutotaskConnector({ ...c, timeoutMs: o.timeoutMs }),
    jumpcloud: (c) =>
      createJumpCloudConnector({ ...c, consoleUrl: o.jumpcloudConsoleUrl, insightsUrl: o.jumpcloudInsightsUrl, timeoutMs: o.timeoutMs })
  }
}
