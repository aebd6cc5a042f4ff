import type { Permission, SyncroAccount } from './model'

// Types and helpers shared by the route tables.

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
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  perm: Permission | null
  handler(req: RouteRequest, a: SyncroAccount, h: RouteHelpers): RouteReply
}

/** syncro.md §4: most GET/PUT by id document "Invalid request" without a body; inferred shape. */
export const NOT_FOUND: RouteReply = { status: 404, body: { message: 'Not found' } }
/** Spec text: "each 'page' contains 25 results" (syncro.md §2 [S1]). */
export const DEFAULT_PAGE_SIZE = 25
export const MAX_PAGE_SIZE = 100
/** Syncro's closed ticket statuses (syncro.md §5.5). */
export const CLOSED = ['Resolved', 'Invoiced']

export function paginate<T>(items: T[], q: URLSearchParams, perPageHonoured: boolean) {
  const page = Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1)
  const asked = perPageHonoured ? Number.parseInt(q.get('per_page') ?? '', 10) : NaN
  const perPage = Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE
  const total_pages = Math.max(1, Math.ceil(items.length / perPage))
  // Past the end: 200 with an empty array (syncro.md §2, n8n relies on it [S4]).
  return {
    slice: items.slice((page - 1) * perPage, page * perPage),
    page,
    perPage,
    total_pages,
    total_entries: items.length
  }
}

export function obj(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

export function intParam(v: string | null): number | undefined {
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined
}

/** Rails BigDecimal#to_s style: 12 → "12.0", 9.99 → "9.99". */
export function decimalString(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n)
}
