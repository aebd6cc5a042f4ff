import { getCustomer, loadOrg } from '../../customers/store'
import { kindLabel, type SourceKind } from '../../../shared/registry'
import type { Db } from '../../db/connection'
import type { AuditReader } from './types'

// Names for audit subjects and values, read from the domains' stores (ids alone say little a year later).

export function orgLabel(db: Db, source: SourceKind, orgId: string): string {
  const org = loadOrg(db, source, orgId)
  return org ? `${org.name} (${kindLabel(source)} org ${orgId})` : `${kindLabel(source)} org ${orgId}`
}

export function customerLabel(r: AuditReader, customerId: string | null): string | null {
  if (customerId === null) return null
  const psa = r.session.psaKind
  const c = psa ? getCustomer(r.ctx.db, psa, customerId) : null
  return c ? `${c.name} (#${customerId})` : `#${customerId}`
}
