import { orgKey } from '../../shared/contract/org-ref'
import type { BillingMappingRecord } from './store'

// A billing mapping is bound to the customer its org had when it was made. When the org is unmapped, or mapped to
// another customer, its line is no longer this org's to push: the mapping is blocked, never shown or pushed as ok.

/** The last two: a sync-day source's billing is off, or its source has no billing date yet (source-billing.ts). */
export type MappingBlockCode = 'org-unmapped' | 'customer-changed' | 'source-billing-off' | 'no-billing-date'

export interface MappingBlock {
  code: MappingBlockCode
  reason: string
}

/** Why this mapping cannot be pushed, given each org's current customer (by orgKey); null when it can. */
export function mappingBlock(m: BillingMappingRecord, customerOf: ReadonlyMap<string, string>): MappingBlock | null {
  const now = customerOf.get(orgKey(m))
  if (now === undefined)
    return {
      code: 'org-unmapped',
      reason:
        'This organization is no longer mapped to a customer, so its billing line is not updated; map it again, or disable or delete this billing mapping.'
    }
  if (now !== m.customerId)
    return {
      code: 'customer-changed',
      reason:
        "This organization is now mapped to another customer, but its billing line belongs to the previous one; pick the new customer's line before billing."
    }
  return null
}
