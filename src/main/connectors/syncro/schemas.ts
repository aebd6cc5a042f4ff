import { z } from 'zod'

// Zod schemas for the parts of Syncro replies we read. Objects are not strict: Syncro returns many
// more fields (syncro.md §5) and adds new ones without notice; we only pin down what we use.

const id = z.number().int()

/** Syncro money/quantity decimals arrive as strings ("9.99", "12.0") — syncro.md §5.3 [S1]. */
export const decimalString = z
  .union([z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string like "12.0"'), z.number()])
  .transform((v) => Number(v))

/** Paging meta differs per endpoint (syncro.md §2 table); only total_pages matters, and may be absent. */
export const MetaSchema = z.object({
  total_pages: z.number().int().nonnegative().optional(),
  page: z.number().int().optional()
})

export const MeSchema = z.object({
  user_id: id,
  user_name: z.string().nullable().optional(),
  user_email: z.string().nullable().optional(),
  subdomain: z.string().optional()
})

export const CustomerSchema = z.object({
  id,
  business_name: z.string().nullable().optional(),
  fullname: z.string().nullable().optional(),
  business_then_name: z.string().nullable().optional(),
  disabled: z.boolean().nullable().optional()
})
export type SyncroCustomer = z.infer<typeof CustomerSchema>

export const CustomerPageSchema = z.object({ customers: z.array(CustomerSchema), meta: MetaSchema.optional() })
export const CustomerReplySchema = z.object({ customer: CustomerSchema })

export const ScheduleLineSchema = z.object({
  id,
  name: z.string().nullable(),
  quantity: decimalString,
  cost_cents: z.number().int().nullable().optional(),
  retail_cents: z.number().int().nullable().optional(),
  schedule_id: id.optional(),
  product_id: id.nullable().optional()
})
export type SyncroScheduleLine = z.infer<typeof ScheduleLineSchema>

export const ScheduleSchema = z.object({
  id,
  customer_id: id,
  name: z.string().nullable(),
  // syncro.md §5.3: the lines are under `lines`, not `line_items` [S2].
  lines: z.array(ScheduleLineSchema).default([])
})
export type SyncroSchedule = z.infer<typeof ScheduleSchema>

export const SchedulePageSchema = z.object({ schedules: z.array(ScheduleSchema), meta: MetaSchema.optional() })
export const ScheduleReplySchema = z.object({ schedule: ScheduleSchema })
export const ScheduleLineReplySchema = z.object({ schedule_line_item: ScheduleLineSchema })

const CommentSchema = z.object({
  id,
  subject: z.string().nullable().optional(),
  body: z.string().nullable().optional()
})

export const TicketSchema = z.object({
  id,
  number: z.union([z.number(), z.string()]).nullable().optional(),
  subject: z.string().nullable().optional(),
  customer_id: id.nullable().optional(),
  status: z.string().nullable().optional(),
  comments: z.array(CommentSchema).optional()
})
export type SyncroTicket = z.infer<typeof TicketSchema>

export const TicketPageSchema = z.object({ tickets: z.array(TicketSchema), meta: MetaSchema.optional() })
export const TicketReplySchema = z.object({ ticket: TicketSchema })
export const CommentReplySchema = z.object({ comment: CommentSchema })

export const SettingsSchema = z.object({
  ticket: z.object({
    problem_types: z.array(z.string()).default([]),
    priorities: z.array(z.string()).default([])
  })
})

export const TicketSettingsSchema = z.object({
  ticket_status_list: z.array(z.string()),
  users: z.array(z.object({ id, name: z.string() })).default([])
})

export const AssetSchema = z.object({
  id,
  name: z.string().nullable(),
  customer_id: id,
  asset_serial: z.string().nullable().optional(),
  asset_type: z.string().nullable().optional(),
  updated_at: z.string().nullish().catch(undefined),
  // Free-form per account (syncro.md §5.8: custom fields live here); an odd shape is dropped, not fatal.
  properties: z.record(z.string(), z.unknown()).nullish().catch(undefined)
})
export type SyncroAsset = z.infer<typeof AssetSchema>
export const AssetReplySchema = z.object({ asset: AssetSchema })
// syncro.md §5.8: the collection key is `assets`, not `customer_assets` [S1].
export const AssetPageSchema = z.object({ assets: z.array(AssetSchema), meta: MetaSchema.optional() })

/** Products (syncro.md §5.4 [S1]): prices in dollars as numbers; meta UNCONFIRMED. */
export const ProductSchema = z.object({
  id,
  name: z.string(),
  price_cost: z.coerce.number().nullable().optional(),
  price_retail: z.coerce.number().nullable().optional(),
  disabled: z.boolean().nullable().optional()
})
export const ProductPageSchema = z.object({ products: z.array(ProductSchema), meta: MetaSchema.optional() })

/** Contracts (syncro.md §5.10 [S1]): flat objects; `customer_id` filter on the list UNCONFIRMED. */
export const ContractSchema = z.object({
  id,
  customer_id: id.nullable().optional(),
  name: z.string().nullable().optional(),
  status: z.string().nullable().optional()
})
export const ContractPageSchema = z.object({ contracts: z.array(ContractSchema), meta: MetaSchema.optional() })
