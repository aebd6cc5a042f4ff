import { z } from 'zod'
import { method } from './define'
import { PsaKindSchema, SourceKindSchema } from '../registry'
import { OrgRefFields, OrgRefSchema } from './org-ref'

const Id = z.string().trim().min(1).max(200)

export const OrgStatusSchema = z.enum(['mapped', 'suggested', 'unmapped', 'ignored', 'disabled'])
export type OrgStatus = z.infer<typeof OrgStatusSchema>

export const SuggestionSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  score: z.number(),
  confident: z.boolean(),
  reason: z.string()
})

export const OrgRowSchema = z.object({
  /** The org's source; `id` is its id there. */
  source: SourceKindSchema,
  id: z.string(),
  name: z.string(),
  status: OrgStatusSchema,
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  /** The mapped customer no longer exists in the PSA (deleted there): shown, never silently dropped. */
  mappingBroken: z.boolean(),
  /** The org itself was not in the last refresh from the source. */
  missing: z.boolean(),
  suggestion: SuggestionSchema.nullable()
})
export type OrgRow = z.infer<typeof OrgRowSchema>

export const CustomerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  active: z.boolean(),
  missing: z.boolean(),
  /** Ignored: left out of suggestions and the mapping picker, for every source. */
  ignored: z.boolean(),
  /** The orgs mapped to it, at most one per source when mapped through suggestions. */
  mappedOrgs: z.array(OrgRefSchema)
})
export type CustomerRow = z.infer<typeof CustomerRowSchema>

export const CustomersViewSchema = z.object({
  psa: PsaKindSchema.nullable(),
  /** The connected sources, each with when its organizations were last read. */
  sources: z.array(z.object({ source: SourceKindSchema, refreshedAt: z.string().nullable() })),
  orgs: z.array(OrgRowSchema),
  customers: z.array(CustomerRowSchema),
  catchAll: z.object({ customerId: z.string(), customerName: z.string().nullable() }).nullable(),
  /** `source`: the latest read of any source. */
  refreshedAt: z.object({ source: z.string().nullable(), psa: z.string().nullable() })
})
export type CustomersView = z.infer<typeof CustomersViewSchema>

export const MappingListSchema = z.array(
  z.object({
    source: SourceKindSchema,
    orgId: z.string(),
    orgName: z.string().nullable(),
    customerId: z.string(),
    customerName: z.string().nullable(),
    origin: z.enum(['manual', 'suggestion', 'created']),
    updatedAt: z.string(),
    updatedBy: z.string()
  })
)

const Ok = z.object({ message: z.string() })

/** A canonical word as the matcher compares it: lower-case letters and digits. */
const Word = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/, 'a word in lower-case letters or digits')

export const LearnedEquivalenceSchema = z.object({
  a: Word,
  b: Word,
  /** The words as written in the names the equivalence was learned from. */
  shownA: z.string().max(256),
  shownB: z.string().max(256),
  orgName: z.string().max(256),
  customerName: z.string().max(256),
  createdAt: z.string().max(64)
})
export type LearnedEquivalence = z.infer<typeof LearnedEquivalenceSchema>

export const customersMethods = {
  getCustomersView: method(
    'Organizations with their mapping, status and suggestion, and the PSA customers',
    z.object({}),
    CustomersViewSchema
  ),
  listCustomerNames: method(
    "The PSA's current customers, id and name only (pickers; not the whole Customers view)",
    z.object({}),
    z.object({
      psa: PsaKindSchema.nullable(),
      customers: z.array(z.object({ id: z.string(), name: z.string() }))
    })
  ),
  refreshData: method(
    'Re-read organizations from every connected source and/or customers from the PSA',
    z.object({ from: z.enum(['psa', 'source', 'both']).default('both') }),
    z.object({ orgs: z.number().int().nullable(), customers: z.number().int().nullable(), message: z.string() })
  ),
  mapOrg: method('Map an organization to a PSA customer', z.object({ ...OrgRefFields, customerId: Id }), Ok),
  unmapOrg: method('Remove the mapping of an organization', z.object(OrgRefFields), Ok),
  acceptSuggestion: method('Accept the suggested customer for one organization', z.object(OrgRefFields), Ok),
  acceptAllSuggestions: method(
    'Accept every confident suggestion of every source, or of one (never overwrites an existing mapping)',
    z.object({ source: SourceKindSchema.optional() }),
    z.object({ accepted: z.number().int(), message: z.string() })
  ),
  setOrgIgnored: method(
    'Ignore an organization (no longer counted as unmapped), or un-ignore it',
    z.object({ ...OrgRefFields, ignored: z.boolean() }),
    Ok
  ),
  setOrgDisabled: method(
    'Disable an organization: removes its customer, billing and ticketing mappings and stops its sync',
    z.object({ ...OrgRefFields, disabled: z.boolean() }),
    Ok
  ),
  createCustomerForOrg: method(
    'Create the customer in the PSA with the organization name, then map it',
    z.object({ ...OrgRefFields, confirmSimilar: z.boolean().default(false) }),
    z.object({ customerId: z.string(), message: z.string() })
  ),
  setCatchAllCustomer: method(
    'Set (or clear) the catch-all customer used for alerts of unmapped organizations',
    z.object({ customerId: Id.nullable() }),
    Ok
  ),
  setCustomerIgnored: method(
    'Ignore a PSA customer (left out of suggestions and the mapping picker for every source), or un-ignore it',
    z.object({ customerId: Id, ignored: z.boolean() }),
    Ok
  ),
  listMappings: method('Current organization → customer mappings', z.object({}), MappingListSchema),
  listLearnedEquivalences: method(
    'Word equivalences learned from accepted suggestions and hand mappings ("Chiro" = "Chiropractic")',
    z.object({}),
    z.array(LearnedEquivalenceSchema)
  ),
  removeLearnedEquivalence: method(
    'Forget one learned word equivalence: later suggestions no longer use it',
    z.object({ a: Word, b: Word }),
    Ok
  )
}
