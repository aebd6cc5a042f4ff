import { commentJson, ticketJson } from './records'
import { nextId, type SimTicket } from './model'
import { CLOSED, intParam, NOT_FOUND, obj, paginate, type SyncroRoute } from './route-kit'

// Tickets, comments and ticket settings (syncro.md §5.5, §5.6).

export const ticketRoutes: SyncroRoute[] = [
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
      return {
        status: 200,
        body: {
          tickets: p.slice.map((t) => ticketJson(t, a, true)),
          meta: { total_pages: p.total_pages, page: p.page }
        }
      }
    }
  },
  {
    method: 'POST',
    path: '/tickets',
    perm: 'Tickets - Create/Edit/Delete',
    handler: ({ body }, a, h) => {
      const b = obj(body)
      const cid =
        typeof b.customer_id === 'number'
          ? b.customer_id
          : intParam(typeof b.customer_id === 'string' ? b.customer_id : null)
      // Shape C (string `error`) for POST /tickets (syncro.md §4/§5.5 [S1]).
      if (cid === undefined) return { status: 422, body: { error: 'Customer required field' } }
      if (!a.customers.some((c) => c.id === cid)) return { status: 422, body: { error: 'Customer not found' } }
      if (typeof b.subject !== 'string' || !b.subject.trim())
        return { status: 422, body: { error: "Subject can't be blank" } }
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
        contract_id: typeof b.contract_id === 'number' ? b.contract_id : null,
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
    method: 'PUT',
    path: '/tickets/:id',
    perm: 'Tickets - Create/Edit/Delete',
    handler: ({ params, body }, a, h) => {
      const t = a.tickets.find((x) => String(x.id) === params.id)
      if (!t) return NOT_FOUND
      const b = obj(body)
      // Shape A on PUT (syncro.md §5.5 [S1]).
      if ('subject' in b && (typeof b.subject !== 'string' || !b.subject.trim())) {
        return { status: 422, body: { success: false, message: ["Subject can't be blank"] } }
      }
      const now = h.now()
      if (typeof b.subject === 'string') t.subject = b.subject
      if (typeof b.status === 'string' && b.status) {
        if (CLOSED.includes(b.status) && !CLOSED.includes(t.status)) t.resolved_at = now
        t.status = b.status
      }
      if (typeof b.priority === 'string') t.priority = b.priority
      if (typeof b.problem_type === 'string') t.problem_type = b.problem_type
      if (typeof b.user_id === 'number') t.user_id = b.user_id
      t.updated_at = now
      return { status: 200, body: { ticket: ticketJson(t, a) } }
    }
  },
  {
    method: 'DELETE',
    path: '/tickets/:id',
    perm: 'Tickets - Create/Edit/Delete',
    handler: ({ params }, a) => {
      const before = a.tickets.length
      a.tickets = a.tickets.filter((x) => String(x.id) !== params.id)
      // Trailing space as documented (syncro.md §5.5 [S1]).
      return a.tickets.length < before
        ? { status: 200, body: { message: 'Ticket was successfully deleted. ' } }
        : NOT_FOUND
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
        locale: {
          iso_code: 'en',
          currency_symbol: '$',
          date_format: 'mm-dd-yy',
          time_format: 'hh:mm tt',
          time_zone: 'America/Los_Angeles',
          time_offset: '-08:00'
        },
        ticket: {
          ticket_types: [],
          ticket_type_fields: [],
          ticket_type_field_answers: [],
          problem_types: a.settings.problem_types,
          priorities: a.settings.priorities
        }
      }
    })
  }
]

function matchesQuery(t: SimTicket, text: string): boolean {
  return t.subject.toLowerCase().includes(text) || t.comments.some((c) => c.body.toLowerCase().includes(text))
}
