import { assetJson, customerJson } from './records'
import { nextId, type SyncroAccount } from './model'
import { intParam, obj, paginate, type SyncroRoute } from './route-kit'

// /me, customers, users and assets (syncro.md §1, §5.1, §5.7, §5.8).

export const directoryRoutes: SyncroRoute[] = [
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
      const c = {
        id: nextId(a),
        business_name: str('business_name'),
        firstname: str('firstname'),
        lastname: str('lastname'),
        email,
        disabled: false,
        created_at: now,
        updated_at: now
      }
      a.customers.push(c)
      return { status: 200, body: { customer: customerJson(c) } } // 200, not 201 (syncro.md §4 [S1])
    }
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
      return {
        status: 200,
        body: { assets: p.slice.map((x) => assetJson(x, a)), meta: { total_pages: p.total_pages, page: p.page } }
      }
    }
  }
]

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
