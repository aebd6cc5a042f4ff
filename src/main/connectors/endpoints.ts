import type { SourceRegion } from './types'

/**
 * Real hosts, and the developer/test overrides that point the app at the simulators. Overrides come
 * only from the environment (never from the UI), so a form field can't redirect credentials elsewhere.
 */
export interface Endpoints {
  syncroUrlTemplate: string
  autotaskZoneLookupUrl: string
  /** True when the zone lookup URL was overridden: zone replies must then stay on that origin. */
  autotaskOverridden: boolean
  jumpcloudConsoleUrl: (region: SourceRegion) => string
  jumpcloudInsightsUrl: (region: SourceRegion) => string
  timeoutMs: number
}

export function endpointsFromEnv(env: NodeJS.ProcessEnv): Endpoints {
  const v = (name: string) => env[name]?.trim() || undefined
  const consoleOverride = v('PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL')
  const insightsOverride = v('PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL')
  const timeout = Number(v('PSA_BRIDGE_HTTP_TIMEOUT_MS') ?? 30_000)
  return {
    syncroUrlTemplate: v('PSA_BRIDGE_SYNCRO_URL_TEMPLATE') ?? 'https://{subdomain}.syncromsp.com/api/v1',
    autotaskZoneLookupUrl: v('PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL') ?? 'https://webservices.autotask.net/atservicesrest/',
    autotaskOverridden: v('PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL') !== undefined,
    // JumpCloud A.0: console.jumpcloud.com / console.eu.jumpcloud.com; DI api.jumpcloud.com / api.eu.jumpcloud.com
    jumpcloudConsoleUrl: (r) => consoleOverride ?? (r === 'eu' ? 'https://console.eu.jumpcloud.com' : 'https://console.jumpcloud.com'),
    jumpcloudInsightsUrl: (r) =>
      insightsOverride ??
      (r === 'eu' ? 'https://api.eu.jumpcloud.com/insights/directory/v1' : 'https://api.jumpcloud.com/insights/directory/v1'),
    timeoutMs: Number.isFinite(timeout) && timeout >= 100 ? timeout : 30_000
  }
}
