import type { SaveInput, SourceEntry } from '../registry-types'
import { createSaasAlertsConnector } from './connector'

export interface SaasAlertsConfig {
  apiKey: string
}

export const saasalertsEntry: SourceEntry<SaasAlertsConfig, SaveInput<'saasalerts'>> = {
  create: (c, o) => createSaasAlertsConnector({ ...c, baseUrl: o.saasAlertsUrl, timeoutMs: o.timeoutMs }),
  config: async (_settings, secret) => ({ apiKey: await secret('saasalerts.apiKey') }),
  async save(input, { factory, secret }) {
    const apiKey = await secret(input.apiKey, 'saasalerts.apiKey', 'API key')
    const identity = await factory.saasalerts({ apiKey }).verify()
    return { displayName: identity.displayName, settings: {}, secrets: { 'saasalerts.apiKey': apiKey } }
  }
}
