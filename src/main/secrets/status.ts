import type { SecretStore } from './types'

/** An account no integration uses: reading it proves the store answers, and never returns a secret. */
const PROBE_ACCOUNT = 'status.probe'

export interface SecretStoreStatus {
  store: SecretStore['kind']
  available: boolean
  message: string
}

/** Whether secrets can be kept, for the Settings screen. Only availability leaves here, never a value. */
export async function secretStoreStatus(store: SecretStore): Promise<SecretStoreStatus> {
  if (store.kind === 'env')
    return { store: 'env', available: true, message: 'Secrets come from environment variables on this machine.' }
  if (store.kind === 'memory')
    return {
      store: 'memory',
      available: true,
      message: 'Secrets are kept in memory only and are lost when PSA Bridge stops.'
    }
  try {
    await store.get(PROBE_ACCOUNT)
    return { store: 'keychain', available: true, message: 'The OS keychain is available.' }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return { store: 'keychain', available: false, message: detail.slice(0, 300) }
  }
}
