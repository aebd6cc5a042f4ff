import { AppError } from '../../shared/errors'
import { createEnvStore } from './env-store'
import { createKeychainStore, DEFAULT_KEYCHAIN_SERVICE } from './keychain-store'
import { createMemoryStore } from './memory-store'
import type { SecretStore } from './types'

export * from './types'
export { createEnvStore, createKeychainStore, createMemoryStore }

export type SecretStoreKind = SecretStore['kind']

export function createSecretStore(kind: SecretStoreKind, env: NodeJS.ProcessEnv): SecretStore {
  switch (kind) {
    case 'keychain':
      return createKeychainStore(env.PSA_BRIDGE_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE)
    case 'env':
      return createEnvStore(env)
    case 'memory':
      return createMemoryStore()
  }
}

export function secretStoreKindFrom(env: NodeJS.ProcessEnv): SecretStoreKind {
  const v = (env.PSA_BRIDGE_SECRET_STORE ?? 'keychain').trim()
  if (v === 'keychain' || v === 'env' || v === 'memory') return v
  throw new AppError('config', `PSA_BRIDGE_SECRET_STORE must be keychain, env or memory (got "${v.slice(0, 40)}")`)
}

/** Wraps a store so every secret that passes through is registered for log redaction. */
/** The part of the logger that hides secrets (core/log's Logger has it; secrets sit below the core). */
export interface Redactor {
  redact(secret: string): void
}

export function withRedaction(store: SecretStore, log: Redactor): SecretStore {
  return {
    kind: store.kind,
    async get(a) {
      const v = await store.get(a)
      if (v) log.redact(v)
      return v
    },
    async set(a, s) {
      log.redact(s)
      await store.set(a, s)
    },
    delete: (a) => store.delete(a)
  }
}
