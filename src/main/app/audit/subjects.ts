import { activePsaKind } from '../../connect/open'
import { getCustomer, loadOrg } from '../../customers/store'
import { kindLabel, type SourceKind } from '../../../shared/registry'
import type { Db } from '../../db/connection'

// Names for audit subjects and values, read from the domains' stores (ids alone say little a year later).

export function orgLabel(db: Db, source: SourceKind, orgId: string): string {
  const org = loadOrg(db, source, orgId)
  return org ? `${org.name} (${kindLabel(source)} org ${orgId})` : `${kindLabel(source)} org ${orgId}`
}

export function customerLabel(db: Db, customerId: string | null): string | null {
  if (customerId === null) return null
  const psa = activePsaKind(db)
  const c = psa ? getCustomer(db, psa, customerId) : null
  return c ? `${c.name} (#${customerId})` : `#${customerId}`
}
