import type { AllSims } from '../sims/all'

/** The environment that points the core at the simulators (see src/main/connectors/endpoints.ts). */
export function simEnv(sims: AllSims, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const c = sims.credentials
  return {
    PSA_BRIDGE_SYNCRO_URL_TEMPLATE: c.syncro.urlTemplate,
    PSA_BRIDGE_AUTOTASK_ZONE_LOOKUP_URL: c.autotask.zoneLookupUrl,
    PSA_BRIDGE_JUMPCLOUD_CONSOLE_URL: c.jumpcloud.consoleUrl,
    PSA_BRIDGE_JUMPCLOUD_INSIGHTS_URL: c.jumpcloud.insightsUrl,
    PSA_BRIDGE_SAASALERTS_URL: c.saasalerts.baseUrl,
    ...extra
  }
}
