import type { Handlers } from '../../../shared/contract'
import { getCustomer, getMappedCustomerId, loadCatchAll, loadOrg } from '../../customers/store'
import type { SourceKind } from '../../../shared/registry'
import { customerLabel, orgLabel } from './subjects'
import type { AuditCatalog, AuditReader, Fields, Snapshot } from './types'

type CustomersMethods =
  | 'mapOrg'
  | 'unmapOrg'
  | 'acceptSuggestion'
  | 'acceptAllSuggestions'
  | 'createCustomerForOrg'
  | 'setCatchAllCustomer'
  | 'setOrgIgnored'
  | 'setOrgDisabled'
  | 'setCustomerIgnored'
  | 'removeLearnedEquivalence'

type Mappings = Awaited<ReturnType<Handlers['listMappings']>>
const label = (m: Pick<Mappings[number], 'customerId' | 'customerName'>) =>
  `${m.customerName ?? 'customer'} (#${m.customerId})`

/** One org's PSA customer, by key: reading every mapping made mapOrg O(orgs) (0.7 s at 5,000, issue 12). */
function orgMapping(r: AuditReader, source: SourceKind, orgId: string): Snapshot {
  const psa = r.session.psaKind
  const customerId = psa ? getMappedCustomerId(r.ctx.db, psa, source, orgId) : null
  const customerName = psa && customerId !== null ? (getCustomer(r.ctx.db, psa, customerId)?.name ?? null) : null
  return {
    subject: orgLabel(r.ctx.db, source, orgId),
    fields: { customer: customerId === null ? null : label({ customerId, customerName }) }
  }
}

/** Every org's customer, keyed by org: "Accept all" lists each mapping it made. */
async function allMappings(r: AuditReader): Promise<Snapshot> {
  const fields: Fields = {}
  for (const m of await r.handlers.listMappings({}))
    fields[`${m.orgName ?? 'org'} (${m.source} org ${m.orgId})`] = label(m)
  return { subject: 'every organization with a confident suggestion', fields }
}

function orgFlags(r: AuditReader, source: SourceKind, orgId: string): Snapshot {
  const org = loadOrg(r.ctx.db, source, orgId)
  return {
    subject: orgLabel(r.ctx.db, source, orgId),
    fields: { ignored: org?.ignored ?? null, disabled: org?.disabled ?? null }
  }
}

export const customersAudit: Pick<AuditCatalog, CustomersMethods> = {
  mapOrg: { kind: 'mapping', read: (r, i) => orgMapping(r, i.source, i.orgId) },
  unmapOrg: { kind: 'mapping', read: (r, i) => orgMapping(r, i.source, i.orgId) },
  acceptSuggestion: { kind: 'mapping', read: (r, i) => orgMapping(r, i.source, i.orgId) },
  acceptAllSuggestions: { kind: 'mapping', read: allMappings },
  createCustomerForOrg: {
    kind: 'mapping',
    read: (r, i) => orgMapping(r, i.source, i.orgId),
    facts: (_i, o) => ({ 'customer created in the PSA': `#${o.customerId}` })
  },
  setCatchAllCustomer: {
    kind: 'mapping',
    read: (r) => {
      const psa = r.session.psaKind
      const id = psa ? loadCatchAll(r.ctx.db, psa) : null
      return {
        subject: 'catch-all customer for alerts of unmapped organizations',
        fields: { customer: customerLabel(r, id) }
      }
    }
  },
  setOrgIgnored: { kind: 'ignore', read: (r, i) => orgFlags(r, i.source, i.orgId) },
  setOrgDisabled: { kind: 'ignore', read: (r, i) => orgFlags(r, i.source, i.orgId) },
  setCustomerIgnored: {
    kind: 'ignore',
    read: (r, i) => {
      const psa = r.session.psaKind
      const c = psa ? getCustomer(r.ctx.db, psa, i.customerId) : null
      return { subject: customerLabel(r, i.customerId) ?? '', fields: { ignored: c?.ignored ?? null } }
    }
  },
  removeLearnedEquivalence: {
    kind: 'mapping',
    read: async (r, i) => {
      const e = (await r.handlers.listLearnedEquivalences({})).find((x) => x.a === i.a && x.b === i.b)
      return {
        subject: `learned word equivalence "${i.a}" = "${i.b}"`,
        fields: { learned: e ? `"${e.shownA}" = "${e.shownB}" (from ${e.orgName} → ${e.customerName})` : null }
      }
    }
  }
}
