import { createHash } from 'node:crypto'
import { INTEGRATION_KINDS } from '../../shared/registry'
import { discoverAutotaskZone } from './autotask/zone'
import { endpointOverridesFromEnv, type EndpointOverrides } from './endpoints'
import type { ConnectorFactory } from './factory-types'
import { entryOf } from './registry'

/** `extra`: overrides only code can set (tests); they win over the environment's. */
export function createConnectorFactory(
  env: NodeJS.ProcessEnv,
  extra: Partial<EndpointOverrides> = {}
): ConnectorFactory {
  const o = { ...endpointOverridesFromEnv(env), ...extra }
  // One connector per set of credentials for the life of the app: its HTTP layer holds the rate
  // limiter, and Syncro's 180/min (per IP) or Autotask's 3 threads per endpoint are shared budgets.
  const cache = new Map<string, unknown>()
  const once = <T>(kind: string, args: unknown, make: () => T): T => {
    const key = kind + ':' + createHash('sha256').update(JSON.stringify(args)).digest('hex')
    if (!cache.has(key)) cache.set(key, make())
    return cache.get(key) as T
  }
  const perKind = Object.fromEntries(
    INTEGRATION_KINDS.map((kind) => [kind, (c: unknown) => once(kind, c, () => entryOf(kind).create(c, o))])
  )
  return {
    ...perKind,
    autotaskZone: (username: string) =>
      discoverAutotaskZone({ username, zoneLookupUrl: o.autotaskZoneLookupUrl, timeoutMs: o.timeoutMs })
  } as unknown as ConnectorFactory
}
