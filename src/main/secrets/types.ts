/** Where secrets live. Account names are `<integration>.<field>`, e.g. `syncro.apiToken`. */
export interface SecretStore {
  readonly kind: 'keychain' | 'env' | 'memory'
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
}

// Account names and their env vars derive from the registry's Connect forms (one per secret field).
export { SECRET_ACCOUNTS, accountsOf, type SecretAccount } from '../../shared/registry/secrets'
