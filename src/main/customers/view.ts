import type { CustomersView, OrgRow } from '../../shared/contract/customers'
import type { PsaKind } from '../connectors/types'
import type { Db } from '../db/connection'
import {
  loadCustomers,
  loadMappings,
  loadOrgs,
  lastRefresh,
  SOURCE,
  type CustomerRecord,
  type OrgRecord
} from './store'
import type { Equivalences } from './align'
import { suggestMatches, type Suggestion } from './suggest'
import { withDeviceEvidence, type DeviceEvidence } from './device-evidence'

/**
 * Suggestions only pair orgs that still need a customer with customers nobody is mapped to, so
 * accepting them can never overwrite a mapping nor give two orgs the same customer.
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
  const pool = customers.filter((c) => c.active && !c.missingSince && !mappedCustomerIds.has(c.id))
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
  suggestions: (psa: PsaKind) => Map<string, Suggestion>,
  catchAllId: string | null
): CustomersView {
  const orgs = loadOrgs(db)
  const sourceRefreshed = lastRefresh(db, 'source_orgs', SOURCE)
  if (!psa) {
    return {
      psa: null,
      source: sourceRefreshed ? SOURCE : null,
      orgs: orgs.map((o) => orgRow(o, null, null, null)),
      customers: [],
      catchAll: null,
      refreshedAt: { source: sourceRefreshed, psa: null }
    }
  }
  const customers = loadCustomers(db, psa)
  const byId = new Map(customers.map((c) => [c.id, c]))
  const mappings = new Map(loadMappings(db, psa).map((m) => [m.orgId, m]))
  const sugg = suggestions(psa)
  const mappedOrgIdsByCustomer = new Map<string, string[]>()
  for (const m of mappings.values())
    mappedOrgIdsByCustomer.set(m.customerId, [...(mappedOrgIdsByCustomer.get(m.customerId) ?? []), m.orgId])
  return {
    psa,
    source: sourceRefreshed ? SOURCE : null,
    orgs: orgs.map((o) => {
      const m = mappings.get(o.id)
      const s = sugg.get(o.id)
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
      mappedOrgIds: mappedOrgIdsByCustomer.get(c.id) ?? []
    })),
    catchAll: catchAllId ? { customerId: catchAllId, customerName: byId.get(catchAllId)?.name ?? null } : null,
    refreshedAt: { source: sourceRefreshed, psa: lastRefresh(db, 'psa_customers', psa) }
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
