import type { SourceEntry, SaveInput } from '../registry-types'
import type { SourceRegion } from '../types'
import { createJumpCloudConnector } from './connector'

export interface JumpCloudConfig {
  apiKey: string
  providerId: string
  region: SourceRegion
}

export const jumpcloudEntry: SourceEntry<JumpCloudConfig, SaveInput<'jumpcloud'>> = {
  create: (c, o) =>
    createJumpCloudConnector({
      ...c,
      consoleUrl: o.jumpcloudConsoleUrl,
      insightsUrl: o.jumpcloudInsightsUrl,
      timeoutMs: o.timeoutMs
    }),
  config: async (settings, secret) => ({
    apiKey: await secret('jumpcloud.apiKey'),
    providerId: settings.providerId!,
    region: (settings.region ?? 'us') as SourceRegion
  }),
  async save(input, { factory, secret }) {
    const apiKey = await secret(input.apiKey, 'jumpcloud.apiKey', 'API key')
    const providerId = input.providerId.toLowerCase()
    const identity = await factory.jumpcloud({ apiKey, providerId, region: input.region }).verify()
    return {
      displayName: identity.displayName,
      settings: { providerId, region: input.region },
      secrets: { 'jumpcloud.apiKey': apiKey }
    }
  }
}
