import { z } from 'zod'
import type { Router, SimReply } from '../common'
import { saError } from './errors'
import { filterEvents, pageParams } from './events-query'
import { findCustomer, type SaCustomer, type SaasAlertsSimState } from './model'
import { makeCustomer } from './seed'
import { mulberry32 } from '../common'

// The partner API routes PSA Bridge uses (saasalerts.md "Endpoints"), under the production prefix.

export const SA_PREFIX = '/reportApi/api/v1'

export interface RouteOptions {
  /** Largest `size` served per events page (default: the whole result window). */
  maxPageSize: number
}

/** What `GET /customers` sends for one customer: the stored record without the simulator's user list. */
function publicCustomer(c: SaCustomer): Record<string, unknown> {
  const { users: _users, ...rest } = c
  return rest
}

const CreateBody = z.object({ name: z.string().trim().min(1).max(200) })
const ScrollBody = z.object({ scrollId: z.string().min(1) })
const DAY = /^\d{4}-\d{2}-\d{2}$/

export function addSaasAlertsRoutes(r: Router, state: () => SaasAlertsSimState, opts: RouteOptions): void {
  const rng = mulberry32(0xa1e7)
  const scrolls = new Map<string, { ids: string[]; size: number }>()
  let scrollSeq = 0

  // saasalerts.md: an array, "or a single object: clients coerce to an array" — so one customer comes
  // back as a bare object here, exercising that coercion.
  r.add('GET', `${SA_PREFIX}/customers`, () => {
    const list = state().customers.map(publicCustomer)
    return { status: 200, body: list.length === 1 ? list[0] : list }
  })
  r.add('GET', `${SA_PREFIX}/customers/:id`, (req) => {
    const c = findCustomer(state(), req.params.id ?? '')
    return c ? { status: 200, body: publicCustomer(c) } : saError(404, 'Customer not found')
  })
  // UNCONFIRMED body {name} and reply (the created customer).
  r.add('POST', `${SA_PREFIX}/customers`, (req) => {
    const p = CreateBody.safeParse(req.body)
    if (!p.success) return saError(400, 'name is required')
    const c = makeCustomer(state(), p.data.name, rng, 0)
    state().customers.push(c)
    return { status: 201, body: publicCustomer(c) }
  })

  r.add('GET', `${SA_PREFIX}/reports/events`, (req) => {
    const f = filterEvents(state(), req)
    if (!f.ok) return f.reply
    if (req.query.get('scroll') === 'true') {
      // UNCONFIRMED reply of a scroll query: `{scrollId, events}`; pages continue via POST /reports/events/scroll.
      const size = Math.min(Number(req.query.get('size') ?? 50) || 50, opts.maxPageSize)
      const id = `scroll-${++scrollSeq}`
      scrolls.set(id, { ids: f.events.slice(size).map((e) => e.eventId), size })
      return { status: 200, body: { scrollId: id, events: f.events.slice(0, size), size } }
    }
    const page = pageParams(req, opts.maxPageSize)
    if ('status' in page) return page
    return { status: 200, body: f.events.slice(page.from, page.from + page.size) }
  })
  r.add('POST', `${SA_PREFIX}/reports/events/scroll`, (req) => {
    const p = ScrollBody.safeParse(req.body)
    if (!p.success) return saError(400, 'scrollId is required')
    const s = scrolls.get(p.data.scrollId)
    if (!s) return saError(404, 'Scroll not found or expired')
    const size = Math.max(1, s.size)
    const ids = s.ids.splice(0, size)
    const byId = new Map(state().events.map((e) => [e.eventId, e]))
    return { status: 200, body: { scrollId: p.data.scrollId, events: ids.map((i) => byId.get(i)).filter(Boolean) } }
  })
  // UNCONFIRMED reply `{count}`.
  r.add('GET', `${SA_PREFIX}/reports/events/count`, (req): SimReply => {
    const f = filterEvents(state(), req)
    return f.ok ? { status: 200, body: { count: f.events.length } } : f.reply
  })

  r.add('GET', `${SA_PREFIX}/reports/billing-dates`, () => ({
    status: 200,
    body: Object.keys(state().billing).sort()
  }))
  // UNCONFIRMED shape: one row per customer with its billable users.
  r.add('GET', `${SA_PREFIX}/reports/billing-details`, (req) => {
    const date = req.query.get('billingDate') ?? ''
    if (!DAY.test(date)) return saError(400, 'billingDate must be YYYY-MM-DD')
    const s = state()
    const rows = Object.entries(s.billing[date] ?? {}).map(([customerId, billableUsers]) => ({
      customerId,
      customerName: findCustomer(s, customerId)?.name ?? null,
      billableUsers,
      billingDate: date
    }))
    return { status: 200, body: rows }
  })
  // UNCONFIRMED verify routes (saasalerts.md "Connection").
  r.add('GET', `${SA_PREFIX}/reports/partners/profile`, () => ({ status: 200, body: state().partner }))
}
