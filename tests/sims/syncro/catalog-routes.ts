import { intParam, paginate, type SyncroRoute } from './route-kit'

// The product catalogue (syncro.md §5.4) and customers' contracts (§5.10): what the default contract service and the
// contract pickers list.

export const catalogRoutes: SyncroRoute[] = [
  {
    method: 'GET',
    path: '/products',
    perm: 'Products - List',
    handler: ({ query: q }, a) => {
      const name = q.get('name')?.toLowerCase()
      const list = (a.products ?? []).filter((p) => !name || p.name.toLowerCase().includes(name))
      // `{"products":[…]}`, no meta in S1's example (UNCONFIRMED): clients stop on an empty page. Prices in dollars.
      const p = paginate(list, q, false)
      return {
        status: 200,
        body: {
          products: p.slice.map((x) => ({
            ...x,
            maintain_stock: false,
            quantity: 0,
            product_category: null,
            upc_code: null,
            price_wholesale: 0,
            serialized: false,
            vendor_ids: [],
            product_skus: [],
            photos: []
          }))
        }
      }
    }
  },
  {
    method: 'GET',
    path: '/contracts',
    perm: 'Contracts - List',
    handler: ({ query: q }, a) => {
      // Whether /contracts filters on customer_id is UNCONFIRMED: the sim honours it, clients filter again.
      const cid = intParam(q.get('customer_id'))
      const list = (a.contracts ?? []).filter((c) => cid === undefined || c.customer_id === cid)
      const p = paginate(list, q, false)
      // Flat objects, `contract_amount` a string, with meta (syncro.md §5.10 [S1]).
      return {
        status: 200,
        body: {
          contracts: p.slice.map((c) => ({
            ...c,
            contract_amount: '0.0',
            primary_contact: null,
            description: null,
            created_at: c.start_date,
            updated_at: c.start_date,
            likelihood: null,
            apply_to_all: false,
            sla_id: null
          })),
          meta: { total_pages: p.total_pages, total_entries: p.total_entries, per_page: p.perPage, page: p.page }
        }
      }
    }
  }
]
