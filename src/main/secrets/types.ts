/** Where secrets live. Account names are `<integration>.<field>`, e.g. `syncro.apiToken`. */
export interface SecretStore {
  readonly kind: 'keychain' | 'env' | 'memory'
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
}

/** Every secret field the app knows, and the env var a headless server sets instead of the keychain. */
export const SECRET_ACCOUNTS = {
  'syncro.apiToken': 'PSA_BRIDGE_SYNCRO_API_TOKEN',
  'autotask.secret': 'PSA_BRIDGE_AUTOTASK_SECRET',
  'autotask.integrationCode': 'PSA_BRIDGE_AUTOTASK_INTEGRATION_CODE',
  'jumpcloud.apiKey': 'PSA_BRIDGE_JUMPCLOUD_API_KEY'
} as const

export type SecretAccount = keyof typeof SECRET_ACCOUNTS

export function accountsOf(integration: string): SecretAccount[] {
  return (Object.keys(SECRET_ACCOUNTS) as SecretAccount[]).filter((a) => a.startsWith(integration + '.'))
}
