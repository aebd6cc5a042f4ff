import { lineJson, scheduleJson } from './records'
import { nextId } from './model'
import { decimalString, intParam, NOT_FOUND, obj, paginate, type SyncroRoute } from './route-kit'

// Recurring invoices ("schedules") and their lines (syncro.md §5.3).

export const billingRoutes: SyncroRoute[] = [
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
        if (typeof q !== 'number' || !Number.isFinite(q))
          return { status: 422, body: { error: ['Quantity is not a number'] } }
        line.quantity = decimalString(q)
      }
      if ('name' in b) {
        if (typeof b.name !== 'string' || !b.name.trim())
          return { status: 422, body: { error: ["Name can't be blank"] } }
        line.name = b.name
      }
      if (typeof b.retail_cents === 'number') line.retail_cents = Math.round(b.retail_cents)
      if (typeof b.cost_cents === 'number') line.cost_cents = Math.round(b.cost_cents)
      return { status: 200, body: { schedule_line_item: lineJson(line) } }
    }
  },
  {
    method: 'POST',
    path: '/schedules/:id/add_line_item',
    perm: 'Recurring Invoices - Edit',
    handler: ({ params, body }, a) => {
      const s = a.schedules.find((x) => String(x.id) === params.id)
      if (!s) return NOT_FOUND
      const b = obj(body)
      // Needs a name (or a product); shape B errors (syncro.md §5.3 [S1][S3]).
      if (typeof b.name !== 'string' || !b.name.trim()) return { status: 422, body: { error: ["Name can't be blank"] } }
      const qty = typeof b.quantity === 'string' ? Number(b.quantity) : typeof b.quantity === 'number' ? b.quantity : 0
      if (!Number.isFinite(qty)) return { status: 422, body: { error: ['Quantity is not a number'] } }
      // Cents, or dollars via price_retail/price_cost (syncro.md §5.3 [S3]).
      const cents = (c: unknown, dollars: unknown) =>
        typeof c === 'number' ? Math.round(c) : typeof dollars === 'number' ? Math.round(dollars * 100) : 0
      const line = {
        id: nextId(a),
        schedule_id: s.id,
        name: b.name,
        description: typeof b.description === 'string' ? b.description : '',
        quantity: decimalString(qty),
        cost_cents: cents(b.cost_cents, b.price_cost),
        retail_cents: cents(b.retail_cents, b.price_retail),
        product_id: typeof b.product_id === 'number' ? b.product_id : null,
        position: s.lines.length,
        taxable: b.taxable === true,
        user_id: a.users[0]?.id ?? 1,
        recurring_type_id: typeof b.recurring_type_id === 'number' ? b.recurring_type_id : null,
        one_time_charge: b.one_time_charge === true
      }
      s.lines.push(line)
      return { status: 200, body: { schedule_line_item: lineJson(line) } }
    }
  },
  {
    method: 'POST',
    path: '/schedules/:id/remove_line_item',
    perm: 'Recurring Invoices - Edit',
    handler: ({ params, body }, a) => {
      const s = a.schedules.find((x) => String(x.id) === params.id)
      // Body parameter name UNCONFIRMED: accept any of the candidates (syncro.md §5.3).
      const b = obj(body)
      const raw = b.schedule_line_item_id ?? b.line_item_id ?? b.id ?? body
      const index = s ? s.lines.findIndex((l) => String(l.id) === String(raw)) : -1
      if (!s || index < 0) return NOT_FOUND
      s.lines.splice(index, 1)
      return { status: 200, body: { success: true } }
    }
  },
  {
    method: 'DELETE',
    path: '/schedules/:id',
    perm: 'Recurring Invoices - Edit',
    handler: ({ params }, a) => {
      const before = a.schedules.length
      a.schedules = a.schedules.filter((x) => String(x.id) !== params.id)
      // 200, body not documented (syncro.md §5.3).
      return a.schedules.length < before ? { status: 200, body: { success: true } } : NOT_FOUND
    }
  }
]
