import { activePsaKind } from '../../connect/open'
import { getCustomer, getOrg } from '../../customers/store'
import type { Db } from '../../db/connection'

// Names for audit subjects and values, read from the domains' stores (ids alone say little a year later).

export function orgLabel(db: Db, orgId: string): string {
  const org = getOrg(db, orgId)
  return org ? `${org.name} (org ${orgId})` : `org ${orgId}`
}

export function customerLabel(db: Db, customerId: string | null): string | null {
  if (customerId === null) return null
  const psa = activePsaKind(db)
  const c = psa ? getCustomer(db, psa, customerId) : null
  return c ? `${c.name} (#${customerId})` : `#${customerId}`
}
