import type { PsaKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { loadMappings, loadOrgs } from '../customers/store'

/** Orgs that are synced (mapped to a customer of this PSA and not disabled), with their names. */
export function syncedOrgs(db: Db, psa: PsaKind): Map<string, string> {
  const orgs = new Map(loadOrgs(db).map((o) => [o.id, o]))
  const out = new Map<string, string>()
  for (const m of loadMappings(db, psa)) {
    const o = orgs.get(m.orgId)
    if (o && !o.disabled) out.set(o.id, o.name)
  }
  return out
}
