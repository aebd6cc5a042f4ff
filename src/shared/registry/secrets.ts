import { DESCRIPTIONS, INTEGRATION_KINDS, type Descriptions, type IntegrationKind } from './index'

// Secret accounts follow from the Connect forms: every secret field of kind K is the keychain account
// "K.<field>" and, for headless servers, the environment variable PSA_BRIDGE_<K>_<FIELD>.

type SecretFieldOf<K extends IntegrationKind> = Extract<
  Descriptions[K]['connect']['fields'][number],
  { kind: 'secret' }
>['name']

export type SecretAccount = { [K in IntegrationKind]: `${K}.${SecretFieldOf<K>}` }[IntegrationKind]

const envName = (kind: string, field: string) =>
  `PSA_BRIDGE_${kind}_${field.replace(/([a-z0-9])([A-Z])/g, '$1_$2')}`.toUpperCase()

/** Every secret account the app knows, and the env var a headless server sets instead of the keychain. */
export const SECRET_ACCOUNTS = Object.fromEntries(
  INTEGRATION_KINDS.flatMap((kind) =>
    DESCRIPTIONS[kind].connect.fields
      .filter((f) => f.kind === 'secret')
      .map((f) => [`${kind}.${f.name}`, envName(kind, f.name)])
  )
) as Record<SecretAccount, string>

export function accountsOf(kind: string): SecretAccount[] {
  return (Object.keys(SECRET_ACCOUNTS) as SecretAccount[]).filter((a) => a.startsWith(kind + '.'))
}
