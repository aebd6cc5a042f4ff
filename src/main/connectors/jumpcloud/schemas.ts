import { z } from 'zod'

// Reply shapes, from the official swagger files (jumpcloud.md §A.1-A.3). Only the fields we use are
// required; everything else passes through untouched.

/** V1 lists and the V2 provider-organizations list: `{results, totalCount}` (§A.1). */
function makeListOf<T extends z.ZodType>(item: T) {
  return z.object({ results: z.array(item), totalCount: z.number().int().nonnegative() })
}
// Built once per item schema: building a zod schema costs far more than parsing a small reply with it, and the
// counts call it twice per org per sync (bench/sync-rss.bench.ts: ~40 MB of garbage at 5,000 orgs).
const lists = new WeakMap<z.ZodType, unknown>()
export function listOf<T extends z.ZodType>(item: T): ReturnType<typeof makeListOf<T>> {
  let schema = lists.get(item) as ReturnType<typeof makeListOf<T>> | undefined
  if (!schema) lists.set(item, (schema = makeListOf(item)))
  return schema
}

/** V2 `Organization` {id, name, maxSystemUsers}. */
export const OrganizationSchema = z.object({ id: z.string().min(1), name: z.string() })

export const IdOnlySchema = z.object({ _id: z.string().optional() })

/** V1 `JcSystem`, the fields we request with `fields=`. */
export const SystemSchema = z.object({
  _id: z.string().min(1),
  hostname: z.string().nullish(),
  displayName: z.string().nullish(),
  serialNumber: z.string().nullish(),
  os: z.string().nullish(),
  version: z.string().nullish(),
  lastContact: z.string().nullish().catch(undefined)
})

// System Insights rows (V2, bare arrays). Only system_id is required; a row with an odd value loses that value.
const insight = z.string().nullish().catch(undefined)
/** `system-insights-interface-details`. */
export const InterfaceDetailsSchema = z.object({ system_id: z.string(), mac: insight, interface: insight })
/** `system-insights-chassis-info`. */
export const ChassisInfoSchema = z.object({ system_id: z.string(), chassis_types: insight })
/** `system-insights-system-info`. */
export const SystemInfoSchema = z.object({ system_id: z.string(), hardware_model: insight, hardware_serial: insight })

// Descriptive parts of an event: one odd value (a number where a name was expected, a string where an
// object was) is dropped rather than failing the page, which would stall alert intake for every org.
const text = z.string().nullish().catch(undefined)
const WhoSchema = z
  .object({ id: text, type: text, username: text, email: text, hostname: text, displayName: text })
  .nullish()
  .catch(undefined)
const SystemRefSchema = z.object({ id: text, hostname: text, displayName: text }).nullish().catch(undefined)

/**
 * One DI event (§A.3 "Event JSON shape"); unknown fields are kept in `raw`. Real events have no `message`,
 * `provider` null or "", ids as 24-hex or (upper-case) UUIDs, 0/3/8/9 fractional digits: only id, type and
 * a parseable timestamp are required.
 */
export const DiEventSchema = z.looseObject({
  id: z.string().min(1),
  event_type: z.string().min(1),
  timestamp: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a timestamp'),
  organization: z.string().nullish(),
  username: text,
  message: text,
  initiated_by: WhoSchema,
  resource: WhoSchema,
  system: SystemRefSchema,
  /** SSO events (§A.3 captures): the device signing in sits here, not in a top-level `system`. */
  auth_context: z.object({ system: SystemRefSchema }).nullish().catch(undefined)
})
export type DiEvent = z.infer<typeof DiEventSchema>

export const DiEventsSchema = z.array(DiEventSchema)

/** DI paging headers (§A.3 "Pagination"); names arrive lower-cased. */
export const DiPageHeadersSchema = z.object({
  'x-result-count': z.coerce.number().int().nonnegative(),
  'x-limit': z.coerce.number().int().positive(),
  'x-search_after': z.string().optional()
})
