import type { PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { loadCustomers, loadMappings, loadOrgs } from '../customers/store'

/** A source's organizations (still present, not disabled) with the PSA customer each is mapped to. */
export function sourceOrgs(db: Db, psa: PsaKind, source: SourceKind) {
  const mapped = new Map(loadMappings(db, psa, source).map((m) => [m.orgId, m.customerId]))
  const names = new Map(loadCustomers(db, psa).map((c) => [c.id, c.name]))
  return loadOrgs(db, source)
    .filter((o) => !o.disabled && !o.missingSince)
    .map((o) => {
      const customerId = mapped.get(o.id) ?? null
      return { id: o.id, name: o.name, customerId, customerName: customerId ? (names.get(customerId) ?? null) : null }
    })
}
