/**
 * Developer/test overrides that point the app at the simulators. They come only from the
 * environment (never from the UI), so a form field can't redirect credentials to another host.
 * Absent = the real hosts, which each connector knows (syncro.md §1, autotask.md §1.3, jumpcloud.md A.0, saasalerts.md).
 */
export interface EndpointOverrides {
  syncroUrlTemplate?: string
  autotaskZoneLookupUrl?: string
  jumpcloudConsoleUrl?: string
  jumpcloudInsightsUrl?: string
  /** SaaS Alerts API base (…/reportApi/api/v1). */
  saasAlertsUrl?: string
  timeoutMs?: number
  /**
   * Syncro's client-side limit, for tests whose simulator allows more than the documented 180/min. Never read from
   * the environment: against the real Syncro the documented limit always applies.
   */
  syncroRateLimit?: { limit: number; intervalMs: number }
}

export function endpointOverridesFromEnv(env: NodeJS.ProcessEnv): EndpointOverrides {
  const v = (name: string) => env[name]?.trim() || undefined
  const timeout = Number(v('PSA_BRIDGE_HTTP_TIMEOUT_MS'))
  return {
    syncroUrlTemplate: v('PSA_BRIDGE_SYNCRO_URL_TEMPLATE'),
    autotaskZoneLookupUrl: v('PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL'),
    jumpcloudConsoleUrl: v('PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL'),
    jumpcloudInsightsUrl: v('PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL'),
    saasAlertsUrl: v('PSA_BRIDGE_SAASALERTS_URL'),
    timeoutMs: Number.isFinite(timeout) && timeout >= 100 ? timeout : undefined
  }
}
