import { createHash } from 'node:crypto'
import { z } from 'zod'

// Every assumption PSA Bridge makes about SaaS Alerts reply shapes lives in this file
// (../shared/api/saasalerts.md). The official SwaggerHub description is not reachable, so the shapes
// come from two open-source clients (wyre-technology/node-saas-alerts, saas-alerts-mcp) and a generated
// third-party description (api-evangelist/saas-alerts). Objects are loose (unknown keys pass through),
// optional fields tolerate null/absence, numbers may arrive as numeric strings.
// Each UNCONFIRMED line below is an assumption seen in one source only.
//
// The SaaS Alerts integration also assumes, on the PSA side (UNCONFIRMED, marked where used):
// - Autotask `POST /Contracts/{id}/Services` needs `unitPrice` besides contractID/serviceID, and creates the
//   service with 0 units (autotask/billing.ts); whether it refuses the same service twice on a contract is unknown,
//   so we never rely on it (billing/default-service.ts looks before adding).
// - Syncro `add_line_item` keeps the `product_id` we send and answers with the line (syncro/catalog.ts);
//   `GET /products` has no meta (stop on an empty page); `GET /contracts` may ignore `customer_id` (filtered again).
// - The org's billing "contract" is the billing container: Autotask Recurring Service contract, Syncro recurring
//   invoice (schedule) — Syncro's /contracts are used for tickets only.

/** An id that may arrive as a number or a string; always a non-empty string for us. */
const idLike = z.union([z.string().trim().min(1), z.number().int().transform(String)])
/** A descriptive text; an odd value (a number, an object) is dropped rather than failing the page. */
const text = z.string().nullish().catch(undefined)

/** Counts: a number or a numeric string ("12"), never negative. */
export const countLike = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.0+)?$/)
  ])
  .transform(Number)
  .pipe(z.number().int().nonnegative())

/**
 * A list reply. node-saas-alerts coerces `GET /customers`, `/reports/events`, `/reports/billing-dates`
 * to an array when a single object comes back (CONFIRMED in its code, `Array.isArray(d) ? d : [d]`).
 * UNCONFIRMED: an envelope object holding the array under one of `keys` (none is documented; accepted
 * so a wrapped reply is read instead of misread as one record).
 */
export function listReply<T extends z.ZodType>(item: T, keys: readonly string[]) {
  return z
    .unknown()
    .transform((body, ctx): unknown[] => {
      if (body === undefined || body === null || body === '') return []
      if (Array.isArray(body)) return body
      if (typeof body === 'object') {
        for (const k of keys) {
          const v = (body as Record<string, unknown>)[k]
          if (Array.isArray(v)) return v
        }
        return [body]
      }
      ctx.addIssue({ code: 'custom', message: 'expected a list' })
      return z.NEVER
    })
    .pipe(z.array(item))
}

// ---- customers (organizations) -------------------------------------------------------------------

/**
 * `GET /customers` item. UNCONFIRMED (third-party descriptions): id as `customerId` or `id`, name as
 * `name` (or `customerName`), `status` active/inactive/suspended, `userCount`, `applications[]`.
 */
export const CustomerSchema = z
  .looseObject({
    customerId: idLike.nullish(),
    id: idLike.nullish(),
    _id: idLike.nullish(),
    name: text,
    customerName: text,
    status: text
  })
  .transform((c, ctx) => {
    const id = c.customerId ?? c.id ?? c._id
    if (!id) {
      ctx.addIssue({ code: 'custom', message: 'customer without customerId/id' })
      return z.NEVER
    }
    const name = (c.name ?? c.customerName ?? '').trim() || id
    return { id, name, status: c.status?.toLowerCase() ?? undefined }
  })
export type SaCustomer = z.output<typeof CustomerSchema>

export const CustomersSchema = listReply(CustomerSchema, ['customers', 'data', 'results'])

/** UNCONFIRMED: `POST /customers` answers with the created customer (at least its id). */
export const CreatedCustomerSchema = z.union([
  CustomerSchema,
  // Some APIs answer `{ id }` only, or nothing: the connector then finds the new one by name.
  z.unknown().transform(() => null)
])

// ---- events ----------------------------------------------------------------------------------------

/** `alertStatus` values (CONFIRMED: node-saas-alerts `AlertStatus`, saas-alerts-mcp enum). */
export const SEVERITIES = ['critical', 'medium', 'low'] as const
export type Severity = (typeof SEVERITIES)[number]

const severity = z
  .string()
  .nullish()
  .catch(undefined)
  .transform((s): Severity | undefined => {
    const v = s?.trim().toLowerCase()
    return (SEVERITIES as readonly string[]).includes(v ?? '') ? (v as Severity) : undefined
  })

/** ISO-8601 or epoch milliseconds (number or digits), as the events query accepts (saasalerts.md). */
const timestamp = z.union([z.string().trim().min(1), z.number()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : /^\d{10,}$/.test(v) ? Number(v) : Date.parse(v)
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: 'is not a timestamp' })
    return z.NEVER
  }
  return new Date(ms).toISOString()
})

/**
 * One `GET /reports/events` item. UNCONFIRMED field names (third-party description): `eventId`,
 * `eventType`, `jointDesc` (human description), `alertStatus`, `application`, `customerId`,
 * `customerName`, `userId` (often the UPN), `sourceIp`, `timestamp`, `details`.
 * Tolerated besides (UNCONFIRMED): `id`/`_id` for the id, `user`/`userEmail` for the user,
 * `description` for the text, `time`/`date` for the timestamp.
 */
export const EventSchema = z
  .looseObject({
    eventId: idLike.nullish().catch(undefined),
    id: idLike.nullish().catch(undefined),
    _id: idLike.nullish().catch(undefined),
    eventType: z.string().trim().min(1),
    alertStatus: severity,
    customerId: idLike,
    customerName: text,
    userId: text,
    userEmail: text,
    user: text,
    jointDesc: text,
    description: text,
    application: text,
    sourceIp: text,
    timestamp: timestamp.optional(),
    time: timestamp.optional().catch(undefined),
    date: timestamp.optional().catch(undefined)
  })
  .transform((e, ctx) => {
    const at = e.timestamp ?? e.time ?? e.date
    if (!at) {
      ctx.addIssue({ code: 'custom', message: 'event without a timestamp' })
      return z.NEVER
    }
    const user = [e.userId, e.userEmail, e.user].find((x) => typeof x === 'string' && x.trim() !== '')?.trim()
    // UNCONFIRMED that every event carries an id. Without one, a digest of what identifies the event
    // keeps the id stable across the overlapping re-reads, so dedupe still works.
    const id =
      e.eventId ??
      e.id ??
      e._id ??
      'sa-' +
        createHash('sha256')
          .update(JSON.stringify([e.customerId, e.eventType, at, user ?? '', e.sourceIp ?? '']))
          .digest('hex')
          .slice(0, 32)
    return {
      id,
      orgId: e.customerId,
      eventType: e.eventType,
      severity: e.alertStatus,
      timestamp: at,
      user,
      message: (e.jointDesc ?? e.description ?? undefined)?.trim() || undefined,
      application: e.application ?? undefined,
      raw: e
    }
  })
export type SaEvent = z.output<typeof EventSchema>

/** UNCONFIRMED envelope keys of a wrapped events reply (a plain array is what both clients expect). */
export const EventsSchema = listReply(EventSchema, ['events', 'data', 'hits', 'results'])

// ---- billing ---------------------------------------------------------------------------------------

const isoDay = /^\d{4}-\d{2}-\d{2}/

/**
 * `GET /reports/billing-dates` item: a date string (node-saas-alerts `BillingDate = string`).
 * UNCONFIRMED: the string format (a `YYYY-MM-DD` prefix is kept), or an object with `billingDate`.
 */
export const BillingDateSchema = z
  .union([z.string(), z.looseObject({ billingDate: z.string() }).transform((o) => o.billingDate)])
  .transform((s, ctx) => {
    const m = isoDay.exec(s.trim())
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `billing date "${s.slice(0, 40)}" is not YYYY-MM-DD` })
      return z.NEVER
    }
    return m[0]
  })
export const BillingDatesSchema = listReply(BillingDateSchema, ['billingDates', 'dates', 'data'])

/**
 * One customer row of `GET /reports/billing-details?billingDate=YYYY-MM-DD`. The whole shape is
 * UNCONFIRMED (node-saas-alerts types it `Record<string, unknown>`): the customer as `customerId`/`id`,
 * the count as `billableUsers` (or `billableUserCount`, `userCount`, `users` when a number).
 */
export const BillingRowSchema = z
  .looseObject({
    customerId: idLike.nullish(),
    id: idLike.nullish(),
    customerName: text,
    name: text,
    billableUsers: countLike.nullish(),
    billableUserCount: countLike.nullish(),
    userCount: countLike.nullish(),
    users: countLike.nullish().catch(undefined)
  })
  .transform((r, ctx) => {
    const orgId = r.customerId ?? r.id
    const users = r.billableUsers ?? r.billableUserCount ?? r.userCount ?? r.users
    if (!orgId || users === undefined || users === null) {
      ctx.addIssue({ code: 'custom', message: 'billing row without a customer id or a billable user count' })
      return z.NEVER
    }
    return { orgId, billableUsers: users }
  })

/** UNCONFIRMED envelope keys of the billing details (an array, or an object holding one). */
export const BillingDetailsSchema = listReply(BillingRowSchema, ['customers', 'details', 'data', 'results'])
