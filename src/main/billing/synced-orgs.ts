import { orgKey } from '../../shared/contract/org-ref'
import type { PsaKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { loadMappings, loadOrgs, type MappingRecord } from '../customers/store'

// Both take the PSA's org mappings when the caller has them already (a billing run loads them once: each load is
// ~10 ms at 1,000 orgs, before the run's first request).

/** Orgs of every source that are synced (mapped to a customer of this PSA and not disabled): orgKey → name. */
export function syncedOrgs(
  db: Db,
  psa: PsaKind,
  mappings: readonly MappingRecord[] = loadMappings(db, psa)
): Map<string, string> {
  const orgs = new Map(loadOrgs(db).map((o) => [orgKey({ source: o.source, orgId: o.id }), o]))
  const out = new Map<string, string>()
  for (const m of mappings) {
    const o = orgs.get(orgKey(m))
    if (o && !o.disabled) out.set(orgKey(m), o.name)
  }
  return out
}

/** Each org's customer in this PSA: orgKey → customer id. */
export function customersByOrg(
  db: Db,
  psa: PsaKind,
  mappings: readonly MappingRecord[] = loadMappings(db, psa)
): Map<string, string> {
  return new Map(mappings.map((m) => [orgKey(m), m.customerId]))
}
