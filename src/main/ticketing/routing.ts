import type { PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { loadCatchAll, loadMappings } from '../customers/store'

/**
 * Where an org's alerts go: its mapped customer, else the catch-all customer, else nowhere yet
 * (the alert waits for a mapping; it is never dropped).
 */
export function customerRouter(
  db: Db,
  psa: PsaKind | null,
  source: SourceKind
): (orgId: string) => { customerId: string; via: 'mapping' | 'catch-all' } | null {
  if (!psa) return () => null
  const mapped = new Map(loadMappings(db, psa, source).map((m) => [m.orgId, m.customerId]))
  const catchAll = loadCatchAll(db, psa)
  return (orgId) => {
    const c = mapped.get(orgId)
    if (c) return { customerId: c, via: 'mapping' }
    return catchAll ? { customerId: catchAll, via: 'catch-all' } : null
  }
}
