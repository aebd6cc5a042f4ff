import { DESCRIPTIONS, INTEGRATION_KINDS, kindLabel, type IntegrationKind } from '../../../shared/registry'
import type { SaveMethodName } from '../../../shared/contract/connect'
import type { AuditCatalog, AuditReader, Describer, Snapshot } from './types'

/**
 * Credentials: only what listIntegrations shows (non-secret settings and whether a secret is saved) is compared.
 * A re-save with the same account still changes the stored secret, so it is always recorded as a fact.
 */
async function integration(r: AuditReader, kind: IntegrationKind): Promise<Snapshot> {
  const i = (await r.handlers.listIntegrations({})).find((x) => x.kind === kind)
  const settings = Object.fromEntries(Object.entries(i?.settings ?? {}).map(([k, v]) => [k, v]))
  return { subject: kindLabel(kind), fields: { connected: !!i, 'secret saved': i?.secretSaved ?? false, ...settings } }
}

// One describer per registered kind's save method ('saveSyncro', 'saveAutotask' …), derived like the contract's.
const saveDescribers = Object.fromEntries(
  INTEGRATION_KINDS.map((kind) => [
    DESCRIPTIONS[kind].connect.method,
    {
      kind: 'credentials',
      read: (r) => integration(r, kind),
      facts: () => ({ credentials: 'verified and saved' })
    } satisfies Describer<SaveMethodName>
  ])
  // fromEntries loses the keys; the registry derives one save method per kind exactly as the contract does.
) as unknown as Pick<AuditCatalog, SaveMethodName>

export const connectAudit: Pick<AuditCatalog, SaveMethodName | 'disableIntegration'> = {
  ...saveDescribers,
  disableIntegration: {
    kind: 'credentials',
    read: (r, i) => integration(r, i.kind),
    facts: (_i, o) => ({ 'rows removed': o.removedRows })
  }
}
