import { AppError } from '../../src/shared/errors'
import { INTEGRATION_KINDS } from '../../src/shared/registry'
import type { ConnectorFactory } from '../../src/main/connectors/factory-types'
import type { SaasAlertsConnector } from '../../src/main/connectors/saasalerts'
import type { PsaConnector, SourceConnector } from '../../src/main/connectors/types'

/**
 * A ConnectorFactory whose verify() accepts exactly the credentials given here, for unit tests of the
 * handlers. Only verify is implemented: anything else a handler calls fails the test loudly.
 */
export function fakeConnectors(valid: {
  syncroToken?: string
  autotaskSecret?: string
  jumpcloudKey?: string
  saasAlertsKey?: string
}): ConnectorFactory & {
  calls: string[]
} {
  const calls: string[] = []
  const only = (verify: () => Promise<{ displayName: string }>) =>
    new Proxy({ verify } as object, {
      get(target, prop) {
        if (prop in target) return (target as Record<string | symbol, unknown>)[prop]
        throw new Error(`fake connector: ${String(prop)} not expected in this test`)
      }
    })
  // A kind this helper has no fake for refuses to be opened (so registering a kind needs no edit here).
  const unexpected = Object.fromEntries(
    INTEGRATION_KINDS.map((kind) => [
      kind,
      () => {
        throw new Error(`fake connectors: no fake for ${kind} in this test`)
      }
    ])
  ) as unknown as ConnectorFactory
  return {
    ...unexpected,
    calls,
    syncro: ({ subdomain, apiToken }) => {
      calls.push(`syncro:${subdomain}`)
      return only(async () => {
        if (apiToken !== valid.syncroToken) throw new AppError('auth', 'Syncro rejected the API token.')
        return { displayName: `${subdomain}.syncromsp.com (Test User)` }
      }) as PsaConnector
    },
    autotaskZone: async (username) => {
      calls.push(`zone:${username}`)
      if (!username.includes('@')) throw new AppError('auth', `Autotask does not know the API user ${username}.`)
      return {
        zoneName: 'Pre Release',
        url: 'https://webservices2.autotask.net/ATServicesRest/',
        webUrl: 'https://ww2.autotask.net/'
      }
    },
    autotask: ({ secret }) =>
      only(async () => {
        if (secret !== valid.autotaskSecret) throw new AppError('auth', 'Autotask rejected the secret.')
        return { displayName: 'Autotask' }
      }) as PsaConnector,
    jumpcloud: ({ apiKey, providerId }) =>
      only(async () => {
        if (apiKey !== valid.jumpcloudKey) throw new AppError('auth', 'JumpCloud rejected the API key.')
        return { displayName: `JumpCloud MTP provider ${providerId} (3 organizations)`, orgCount: 3 }
      }) as unknown as SourceConnector,
    saasalerts: ({ apiKey }) =>
      only(async () => {
        if (apiKey !== valid.saasAlertsKey) throw new AppError('auth', 'SaaS Alerts rejected the API key.')
        return { displayName: 'SaaS Alerts (2 organizations)', orgCount: 2 }
      }) as unknown as SaasAlertsConnector
  }
}
