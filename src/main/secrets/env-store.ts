import { AppError } from '../../shared/errors'
import { SECRET_ACCOUNTS, type SecretAccount, type SecretStore } from './types'

/**
 * Headless servers: secrets come from environment variables (see SECRET_ACCOUNTS for the names)
 * and are never written anywhere by the app. Saving through the UI explains what to set instead.
 */
export function createEnvStore(env: NodeJS.ProcessEnv): SecretStore {
  const varName = (account: string): string => {
    const name = SECRET_ACCOUNTS[account as SecretAccount]
    if (!name) throw new AppError('internal', `Unknown secret account ${account}`)
    return name
  }
  return {
    kind: 'env',
    async get(account) {
      const v = env[varName(account)]
      return v && v.trim() !== '' ? v.trim() : null
    },
    async set(account, secret) {
      const name = varName(account)
      if (env[name]?.trim() === secret) return
      throw new AppError(
        'config',
        `Secrets come from environment variables on this machine; ${name} does not hold this value.`,
        {
          hint: `Set ${name} in the service's environment and restart PSA Bridge.`,
          field: account.split('.')[1]
        }
      )
    },
    async delete(account) {
      // Nothing the app can remove: the variable belongs to the service definition.
      return env[varName(account)] !== undefined
    }
  }
}
