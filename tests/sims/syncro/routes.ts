import { customerJson, assetJson, commentJson, lineJson, scheduleJson, ticketJson } from './records'
import { nextId, type Permission, type SimTicket, type SyncroAccount } from './model'

// Syncro API routes (paths relative to /{subdomain}/api/v1). Each names the token permission it
// needs; auth and permissions are checked before the handler runs (see index.ts), like a Rails
// before_action — so a permitted-but-invalid request gets 422 and a forbidden one 401.

export interface RouteRequest {
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
}
export interface RouteReply {
  status: number
  body?: unknown
}
export interface RouteHelpers {
  now(): string
  /** Owner of the token that made the request. */
  userId: number
}
export interface SyncroRoute {
  method: 'GET' | 'POST' | 'PUT'
  path: string
  perm: Permission | null
  handler(req: RouteRequest, a: SyncroAccount, h: RouteHelpers): RouteReply
}

/** syncro.md §4: most GET/PUT by id document "Invalid request" without a body; inferred shape. */
const NOT_FOUND: RouteReply = { status: 404, body: { message: 'Not found' } }
/** Spec text: "each 'page' contains 25 results" (syncro.md §2 [S1]). */
const DEFAULT_PAGE_SIZE = 25
const MAX_PAGE_SIZE = 100
const CLOSED = ['Resolved', 'Invoiced']

function paginate<T>(items: T[], q: URLSearchParams, perPageHonoured: boolean) {
  const page = Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1)
  const asked = perPageHonoured ? Number.parseInt(q.get('per_page') ?? '', 10) : NaN
  const perPage = Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE
  const total_pages = Math.max(1, Math.ceil(items.length / perPage))
  // Past the end: 200 with an empty array (syncro.md §2, n8n relies on it [S4]).
  return { slice: items.slice((page - 1) * perPage, page * perPage), page, perPage, total_pages, total_entries: items.length }
}

function obj(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

function intParam(v: string | null): number | undefined {
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined
}

/** Rails BigDecimal#to_s style: 12 → "12.0", 9.99 → "9.99". */
export function decimalString(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n)
}

export const routes: SyncroRoute[] = [
  {
    method: 'GET',
    path: '/me',
    perm: null,
    handler: (_req, a, h) => ({ status: 200, body: meJson(a, h.userId) })
  },
  {
    method: 'GET',
    path: '/customers',
    perm: 'Customers - List/Search',
    handler: ({ query: q }, a) => {
      const like = (q.get('business_name') ?? q.get('query') ?? '').toLowerCase()
      const list = a.customers.filter(
        (c) =>
          (q.get('include_disabled') === 'true' || !c.disabled) &&
          (!like || `${c.business_name ?? ''} ${c.firstname ?? ''} ${c.lastname ?? ''}`.toLowerCase().includes(like))
      )
      const p = paginate(list, q, true)
      // syncro.md §2: customers meta carries all four keys [S1].
      return {
        status: 200,
        body: {
          customers: p.slice.map(customerJson),
          meta: { total_pages: p.total_pages, total_entries: p.total_entries, per_page: p.perPage, page: p.page }
        }
      }
    }
  },
  {
    method: 'POST',
    path: '/customers',
    perm: 'Customers - Create/Edit/Delete',
    handler: ({ body }, a, h) => {
      const b = obj(body)
      const str = (k: string) => (typeof b[k] === 'string' && (b[k] as string).trim() ? (b[k] as string).trim() : null)
      const email = str('email')
      if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) {
        // Shape A (syncro.md §4 [S1]).
        return { status: 422, body: { success: false, message: ['Email is not an email'], params: b } }
      }
      const now = h.now()
      const c = { id: nextId(a), business_name: str('business_name'), firstname: str('firstname'), lastname: str('lastname'), email, disabled: false, created_at: now, updated_at: now }
      a.customers.push(c)
      return { status: 200, body: { customer: customerJson(c) } } // 200, not 201 (syncro.md §4 [S1])
    }
  },
  {
    method: 'GET',
    path: '/schedules',
    perm: 'Recurring Invoices - List',
    handler: ({ query: q }, a) => {
      const cid = intParam(q.get('customer_id'))
      const p = paginate(
        a.schedules.filter((s) => cid === undefined || s.customer_id === cid),
        q,
        false
      )
      // No meta: S1's example has none (syncro.md §2, UNCONFIRMED) — clients must stop on an empty page.
      return { status: 200, body: { schedules: p.slice.map(scheduleJson) } }
    }
  },
  {
    method: 'GET',
    path: '/schedules/:id',
    perm: 'Recurring Invoices - List',
    handler: ({ params }, a) => {
      const s = a.schedules.find((x) => String(x.id) === params.id)
      return s ? { status: 200, body: { schedule: scheduleJson(s) } } : NOT_FOUND
    }
  },
  {
    method: 'PUT',
    path: '/schedules/:id/line_items/:lineId',
    perm: 'Recurring Invoices - Edit',
    handler: ({ params, body }, a) => {
      const s = a.schedules.find((x) => String(x.id) === params.id)
      const line = s?.lines.find((l) => String(l.id) === params.lineId)
      if (!line) return NOT_FOUND
      const b = obj(body)
      // "Only what you send changes" (syncro.md §5.3 [S3]); errors in shape B (§4 [S1]).
      if ('quantity' in b) {
        const q = typeof b.quantity === 'string' ? Number(b.quantity) : b.quantity
        if (typeof q !== 'number' || !Number.isFinite(q)) return { status: 422, body: { error: ['Quantity is not a number'] } }
        line.quantity = decimalString(q)
      }
      if ('name' in b) {
        if (typeof b.name !== 'string' || !b.name.trim()) return { status: 422, body: { error: ["Name can't be blank"] } }
        line.name = b.name
      }
      if (typeof b.retail_cents === 'number') line.retail_cents = Math.round(b.retail_cents)
      if (typeof b.cost_cents === 'number') line.cost_cents = Math.round(b.cost_cents)
      return { status: 200, body: { schedule_line_item: lineJson(line) } }
    }
  },
  {
    method: 'GET',
    path: '/tickets',
    perm: 'Tickets - List/Search',
    handler: ({ query: q }, a) => {
      const cid = intParam(q.get('customer_id'))
      const status = q.get('status')
      const number = q.get('number')
      const text = (q.get('query') ?? '').toLowerCase()
      const list = a.tickets
        .filter(
          (t) =>
            (cid === undefined || t.customer_id === cid) &&
            (number === null || String(t.number) === number) &&
            (status === null || (status === 'Not Closed' ? !CLOSED.includes(t.status) : t.status === status)) &&
            (!text || matchesQuery(t, text))
        )
        .sort((x, y) => y.id - x.id)
      const p = paginate(list, q, false)
      // Tickets meta has only total_pages and page (syncro.md §2 [S1]).
      return { status: 200, body: { tickets: p.slice.map((t) => ticketJson(t, a, true)), meta: { total_pages: p.total_pages, page: p.page } } }
    }
  },
  {
    method: 'POST',
    path: '/tickets',
    perm: 'Tickets - Create/Edit/Delete',
    handler: ({ body }, a, h) => {
      const b = obj(body)
      const cid = typeof b.customer_id === 'number' ? b.customer_id : intParam(typeof b.customer_id === 'string' ? b.customer_id : null)
      // Shape C (string `error`) for POST /tickets (syncro.md §4/§5.5 [S1]).
      if (cid === undefined) return { status: 422, body: { error: 'Customer required field' } }
      if (!a.customers.some((c) => c.id === cid)) return { status: 422, body: { error: 'Customer not found' } }
      if (typeof b.subject !== 'string' || !b.subject.trim()) return { status: 422, body: { error: "Subject can't be blank" } }
      const now = h.now()
      const id = nextId(a)
      const t: SimTicket = {
        id,
        number: a.nextTicketNumber++,
        subject: b.subject,
        customer_id: cid,
        status: typeof b.status === 'string' && b.status ? b.status : 'New',
        priority: typeof b.priority === 'string' ? b.priority : null,
        problem_type: typeof b.problem_type === 'string' ? b.problem_type : null,
        user_id: typeof b.user_id === 'number' ? b.user_id : null,
        due_date: typeof b.due_date === 'string' ? b.due_date : null,
        created_at: now,
        updated_at: now,
        resolved_at: null,
        comments: []
      }
      const initial = Array.isArray(b.comments_attributes) ? b.comments_attributes : []
      for (const raw of initial) {
        const c = obj(raw)
        t.comments.push({
          id: nextId(a),
          ticket_id: id,
          subject: typeof c.subject === 'string' ? c.subject : 'Initial Issue',
          body: typeof c.body === 'string' ? c.body : '',
          hidden: c.hidden === true,
          tech: typeof c.tech === 'string' ? c.tech : null,
          user_id: null,
          created_at: now,
          updated_at: now
        })
      }
      // No dedupe of any kind: every POST creates (syncro.md §6).
      a.tickets.push(t)
      return { status: 200, body: { ticket: ticketJson(t, a) } }
    }
  },
  {
    method: 'GET',
    path: '/tickets/settings',
    perm: null,
    handler: (_req, a) => ({
      status: 200,
      body: {
        ticket_status_list: a.settings.ticket_status_list,
        default_labor_product_id: null,
        ticket_timer_charge_by_default: null,
        saved_searches: [],
        ticket_types: [],
        ticket_type_fields: [],
        ticket_type_field_answers: [],
        appointment_types: [],
        users: a.users.map((u) => ({ id: u.id, name: u.full_name })),
        worksheet_templates: [],
        require_ticket_type: null,
        require_intake_form_with_ticket: null,
        require_outtake_form_with_ticket: null
      }
    })
  },
  {
    method: 'GET',
    path: '/tickets/:id',
    perm: 'Tickets - View Details',
    handler: ({ params }, a) => {
      const t = a.tickets.find((x) => String(x.id) === params.id)
      return t ? { status: 200, body: { ticket: ticketJson(t, a) } } : NOT_FOUND
    }
  },
  {
    method: 'POST',
    path: '/tickets/:id/comment',
    perm: 'Tickets - Create/Edit/Delete',
    handler: ({ params, body }, a, h) => {
      const t = a.tickets.find((x) => String(x.id) === params.id)
      if (!t) return NOT_FOUND
      const b = obj(body)
      const missing = [
        ...(typeof b.body === 'string' && b.body.trim() ? [] : ["Body can't be blank"]),
        ...(typeof b.subject === 'string' && b.subject.trim() ? [] : ["Subject can't be blank"])
      ]
      // Both required; shape A without params (syncro.md §5.5 [S1]).
      if (missing.length) return { status: 422, body: { success: false, message: missing } }
      const now = h.now()
      const c = {
        id: nextId(a),
        ticket_id: t.id,
        subject: b.subject as string,
        body: b.body as string,
        hidden: b.hidden === true,
        tech: typeof b.tech === 'string' ? b.tech : null,
        user_id: null,
        created_at: now,
        updated_at: now
      }
      t.comments.push(c)
      t.updated_at = now
      return { status: 200, body: { comment: commentJson(c) } }
    }
  },
  {
    method: 'GET',
    path: '/settings',
    perm: null,
    handler: (_req, a) => ({
      status: 200,
      body: {
        customers: { required_fields: null, customer_fields: [], customer_field_answers: [] },
        assets: { asset_types: [], asset_type_fields: [], asset_type_field_answers: [] },
        locale: { iso_code: 'en', currency_symbol: '$', date_format: 'mm-dd-yy', time_format: 'hh:mm tt', time_zone: 'America/Los_Angeles', time_offset: '-08:00' },
        ticket: { ticket_types: [], ticket_type_fields: [], ticket_type_field_answers: [], problem_types: a.settings.problem_types, priorities: a.settings.priorities }
      }
    })
  },
  {
    method: 'GET',
    path: '/users',
    perm: null,
    // Pairs, not objects (syncro.md §5.7 [S1]).
    handler: (_req, a) => ({ status: 200, body: { users: a.users.map((u) => [u.id, u.full_name]) } })
  },
  {
    method: 'GET',
    path: '/customer_assets',
    perm: 'Assets - List/Search',
    handler: ({ query: q }, a) => {
      const cid = intParam(q.get('customer_id'))
      const p = paginate(
        a.assets.filter((x) => cid === undefined || x.customer_id === cid),
        q,
        false
      )
      // Key `assets`, meta with total_pages (syncro.md §2/§5.8 [S1][S6]).
      return { status: 200, body: { assets: p.slice.map((x) => assetJson(x, a)), meta: { total_pages: p.total_pages, page: p.page } } }
    }
  }
]

function matchesQuery(t: SimTicket, text: string): boolean {
  return t.subject.toLowerCase().includes(text) || t.comments.some((c) => c.body.toLowerCase().includes(text))
}

function meJson(a: SyncroAccount, userId: number) {
  const u = a.users.find((x) => x.id === userId)
  const rw = { read: true, write: true, delete: true }
  return {
    user_token: '00000000-0000-4000-8000-000000000000',
    user_email: u?.email ?? 'owner@example.com',
    user_name: u?.full_name ?? 'Owner',
    user_id: u?.id ?? 1,
    admin: true,
    can_use_app: true,
    two_factor_required: false,
    subdomain: a.subdomain,
    default_location: null,
    enable_multi_locations: false,
    locations_allowed: [],
    permissions: { asset: rw, customer: rw, ticket: rw, invoice: rw, payment: rw }
  }
}
