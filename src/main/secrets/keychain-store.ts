import { createRequire } from 'node:module'
import { AppError } from '../../shared/errors'
import type { SecretStore } from './types'

type Keytar = typeof import('keytar')

export const DEFAULT_KEYCHAIN_SERVICE = 'PSA Bridge'

/** The OS keychain (macOS Keychain, Windows Credential Manager, libsecret on Linux) through keytar. */
export function createKeychainStore(service = DEFAULT_KEYCHAIN_SERVICE, load: () => Keytar = loadKeytar): SecretStore {
  let keytar: Keytar | undefined
  const lib = (): Keytar => (keytar ??= load())
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op()
    } catch (e) {
      throw unavailable(e)
    }
  }
  return {
    kind: 'keychain',
    get: (account) => guard(() => lib().getPassword(service, account)),
    set: (account, secret) => guard(() => lib().setPassword(service, account, secret)),
    delete: (account) => guard(() => lib().deletePassword(service, account))
  }
}

function loadKeytar(): Keytar {
  // Loaded lazily: a headless server using the env store must not need libsecret at all.
  return createRequire(import.meta.url)('keytar') as Keytar
}

function unavailable(e: unknown): AppError {
  if (e instanceof AppError) return e
  const detail = e instanceof Error ? e.message : String(e)
  return new AppError('config', `The OS keychain is not available: ${detail}`, {
    hint:
      'On Linux PSA Bridge needs a running Secret Service (GNOME Keyring or KWallet) in your session. ' +
      'On a headless server, set PSA_BRIDGE_SECRET_STORE=env and provide the secrets as environment variables.',
    cause: e
  })
}
