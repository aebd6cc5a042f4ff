import { AppError } from '../../../shared/errors'
import { parseSyncroSubdomain } from '../../../shared/syncro-subdomain'
import type { PsaEntry, SaveInput } from '../registry-types'
import { createSyncroConnector, type SyncroConnectorOptions } from './connector'

export type SyncroConfig = Pick<SyncroConnectorOptions, 'subdomain' | 'apiToken'>

export const syncroEntry: PsaEntry<SyncroConfig, SaveInput<'syncro'>> = {
  create: (c, o) =>
    createSyncroConnector({
      ...c,
      urlTemplate: o.syncroUrlTemplate,
      timeoutMs: o.timeoutMs,
      rateLimit: o.syncroRateLimit
    }),
  config: async (settings, secret) => ({ subdomain: settings.subdomain!, apiToken: await secret('syncro.apiToken') }),
  async save(input, { factory, secret }) {
    const parsed = parseSyncroSubdomain(input.subdomain)
    if (!parsed.ok) throw new AppError('validation', parsed.message, { field: 'subdomain' })
    const apiToken = await secret(input.apiToken, 'syncro.apiToken', 'API token')
    const identity = await factory.syncro({ subdomain: parsed.subdomain, apiToken }).verify()
    return {
      displayName: identity.displayName,
      settings: { subdomain: parsed.subdomain },
      secrets: { 'syncro.apiToken': apiToken }
    }
  }
}
