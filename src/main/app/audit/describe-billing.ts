import { getBillingMapping, listBillingMappings, type BillingMappingRecord } from '../../billing/store'
import type { Db } from '../../db/connection'
import type { SourceKind } from '../../../shared/registry'
import { flatten } from './fields'
import { orgLabel } from './subjects'
import type { AuditCatalog, AuditReader, Fields, Snapshot } from './types'

type BillingMethods =
  | 'saveBillingMapping'
  | 'setBillingMappingEnabled'
  | 'deleteBillingMapping'
  | 'approveDecrease'
  | 'saveBillingSettings'
  | 'importConfig'

function mappingFields(m: BillingMappingRecord, prefix = ''): Fields {
  return {
    [`${prefix}target`]: `${m.containerName} › ${m.itemName}`,
    [`${prefix}metric`]: m.metric,
    [`${prefix}non-billable`]: m.nonBillable,
    [`${prefix}unit cost`]: m.unitCost,
    [`${prefix}enabled`]: m.enabled
  }
}

function findMapping(db: Db, id: string): BillingMappingRecord | null {
  try {
    return getBillingMapping(db, id)
  } catch {
    return null // not found: a new or already deleted mapping
  }
}

/** Every billing mapping of one org (an org may bill users and devices on two lines). */
function orgBilling(r: AuditReader, source: SourceKind, orgId: string): Snapshot {
  const psa = r.session.psaKind
  const fields: Fields = {}
  for (const m of psa ? listBillingMappings(r.ctx.db, psa) : []) {
    if (m.source === source && m.orgId === orgId) Object.assign(fields, mappingFields(m, `mapping ${m.id}: `))
  }
  return { subject: orgLabel(r.ctx.db, source, orgId), fields }
}

function oneMapping(r: AuditReader, id: string): Snapshot {
  const m = findMapping(r.ctx.db, id)
  return {
    subject: m ? `${orgLabel(r.ctx.db, m.source, m.orgId)}, billing mapping ${id}` : `billing mapping ${id}`,
    fields: m ? mappingFields(m) : {}
  }
}

export const billingAudit: Pick<AuditCatalog, BillingMethods> = {
  saveBillingMapping: { kind: 'billing-mapping', read: (r, i) => orgBilling(r, i.source, i.orgId) },
  setBillingMappingEnabled: { kind: 'billing-mapping', read: (r, i) => oneMapping(r, i.mappingId) },
  deleteBillingMapping: { kind: 'billing-mapping', read: (r, i) => oneMapping(r, i.mappingId) },
  approveDecrease: {
    kind: 'approval',
    read: (r, i) => ({ subject: oneMapping(r, i.mappingId).subject, fields: {} }),
    facts: (i) => ({ 'approved decrease to': i.to })
  },
  saveBillingSettings: {
    kind: 'settings',
    read: async (r) => ({ subject: 'billing settings', fields: flatten(await r.handlers.getBillingSettings({})) })
  },
  importConfig: {
    kind: 'config',
    subject: () => 'mappings and settings imported from a file',
    facts: (_i, o) => ({ 'customer mappings': o.customerMappings, 'billing mappings': o.billingMappings })
  }
}
