import type { SecretStore } from './types'

/** For tests and throw-away demo sessions only: secrets vanish when the process exits. */
export function createMemoryStore(): SecretStore {
  const map = new Map<string, string>()
  return {
    kind: 'memory',
    get: async (a) => map.get(a) ?? null,
    set: async (a, s) => void map.set(a, s),
    delete: async (a) => map.delete(a)
  }
}
