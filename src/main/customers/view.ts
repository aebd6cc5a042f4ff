import type { CustomersView, OrgRow } from '../../shared/contract/customers'
import { orgKey } from '../../shared/contract/org-ref'
import type { PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { loadCustomers, loadMappings, loadOrgs, lastRefresh, type CustomerRecord, type OrgRecord } from './store'
import type { Equivalences } from './align'
import { suggestMatches, type Suggestion } from './suggest'
import { withDeviceEvidence, type DeviceEvidence } from './device-evidence'

/**
 * Suggestions run per source: they only pair that source's orgs that still need a customer with customers no
 * org of that source is mapped to (nor ignored), so accepting them can never overwrite a mapping nor give two
 * orgs of one source the same customer — while one customer can be mapped from one org of each source.
 */
export function computeSuggestions(
  orgs: OrgRecord[],
  customers: CustomerRecord[],
  mappedOrgIds: Set<string>,
  mappedCustomerIds: Set<string>,
  learned?: Equivalences,
  devices: readonly DeviceEvidence[] = []
): Map<string, Suggestion> {
  const candidates = orgs.filter((o) => !o.ignored && !o.disabled && !o.missingSince && !mappedOrgIds.has(o.id))
  const pool = customers.filter((c) => c.active && !c.ignored && !c.missingSince && !mappedCustomerIds.has(c.id))
  const byName = new Map(suggestMatches(candidates, pool, { learned }).map((s) => [s.orgId, s]))
  if (devices.length === 0) return byName
  const names = new Map(pool.map((c) => [c.id, c.name]))
  return withDeviceEvidence(byName, devices, {
    orgIds: new Set(candidates.map((o) => o.id)),
    customerIds: new Set(names.keys()),
    customerName: (id) => names.get(id) ?? id
  })
}

export function buildCustomersView(
  db: Db,
  psa: PsaKind | null,
  sources: readonly SourceKind[],
  suggestions: (psa: PsaKind, source: SourceKind) => Map<string, Suggestion>,
  catchAllId: string | null
): CustomersView {
  const orgs = loadOrgs(db)
  const refreshed = sources.map((source) => ({ source, refreshedAt: lastRefresh(db, 'source_orgs', source) }))
  const latest = refreshed.reduce<string | null>(
    (a, r) => (r.refreshedAt && (!a || r.refreshedAt > a) ? r.refreshedAt : a),
    null
  )
  if (!psa) {
    return {
      psa: null,
      sources: refreshed,
      orgs: orgs.map((o) => orgRow(o, null, null, null)),
      customers: [],
      catchAll: null,
      refreshedAt: { source: latest, psa: null }
    }
  }
  const customers = loadCustomers(db, psa)
  const byId = new Map(customers.map((c) => [c.id, c]))
  const mappingList = loadMappings(db, psa)
  const mappings = new Map(mappingList.map((m) => [orgKey(m), m]))
  const sugg = new Map<string, Suggestion>()
  for (const source of sources)
    for (const [orgId, s] of suggestions(psa, source)) sugg.set(orgKey({ source, orgId }), s)
  const mappedByCustomer = new Map<string, Array<{ source: SourceKind; orgId: string }>>()
  for (const m of mappingList)
    mappedByCustomer.set(m.customerId, [
      ...(mappedByCustomer.get(m.customerId) ?? []),
      { source: m.source, orgId: m.orgId }
    ])
  return {
    psa,
    sources: refreshed,
    orgs: orgs.map((o) => {
      const key = orgKey({ source: o.source, orgId: o.id })
      const m = mappings.get(key)
      const s = sugg.get(key)
      return orgRow(
        o,
        m ? { customerId: m.customerId, customer: byId.get(m.customerId) ?? null } : null,
        s ?? null,
        s ? (byId.get(s.customerId)?.name ?? '') : null
      )
    }),
    customers: customers.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      active: c.active,
      missing: c.missingSince !== null,
      ignored: c.ignored,
      mappedOrgs: mappedByCustomer.get(c.id) ?? []
    })),
    catchAll: catchAllId ? { customerId: catchAllId, customerName: byId.get(catchAllId)?.name ?? null } : null,
    refreshedAt: { source: latest, psa: lastRefresh(db, 'psa_customers', psa) }
  }
}

function orgRow(
  o: OrgRecord,
  mapping: { customerId: string; customer: CustomerRecord | null } | null,
  s: Suggestion | null,
  suggestedName: string | null
): OrgRow {
  const status: OrgRow['status'] = o.disabled
    ? 'disabled'
    : mapping
      ? 'mapped'
      : o.ignored
        ? 'ignored'
        : s
          ? 'suggested'
          : 'unmapped'
  return {
    source: o.source,
    id: o.id,
    name: o.name,
    status,
    customerId: mapping?.customerId ?? null,
    customerName: mapping?.customer?.name ?? null,
    mappingBroken: mapping !== null && (mapping.customer === null || mapping.customer.missingSince !== null),
    missing: o.missingSince !== null,
    suggestion:
      s && status === 'suggested'
        ? {
            customerId: s.customerId,
            customerName: suggestedName ?? '',
            score: s.score,
            confident: s.confident,
            reason: s.reason
          }
        : null
  }
}
