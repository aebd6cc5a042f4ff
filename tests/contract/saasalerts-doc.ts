import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// What ../shared/api/saasalerts.md documents of the SaaS Alerts partner API, as a table the contract
// test checks recorded requests against. There is no machine-readable spec (SwaggerHub is not
// reachable), so this table is the spec: each row cites the document's "Endpoints" table.

const here = dirname(fileURLToPath(import.meta.url))
/** `<repo>/../shared/api/saasalerts.md`; absent on machines without the reference material. */
export const SAAS_ALERTS_DOC_FILE = resolve(here, '..', '..', '..', 'shared', 'api', 'saasalerts.md')

export function loadSaasAlertsDoc(): string | null {
  return existsSync(SAAS_ALERTS_DOC_FILE) ? readFileSync(SAAS_ALERTS_DOC_FILE, 'utf8') : null
}

/** saasalerts.md "Connection": the production base URL (UNCONFIRMED there, used by two clients). */
export const DOC_BASE_URL = 'https://us-central1-the-byway-248217.cloudfunctions.net/reportApi/api/v1'
/** saasalerts.md "Connection": the key travels in this header (CONFIRMED). */
export const DOC_AUTH_HEADER = 'api_key'

const isInstant = (v: string) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v))
const isCount = (v: string) => /^\d+$/.test(v)

/** The events filters (CONFIRMED param names: node-saas-alerts events resource + tests). */
const EVENT_FILTERS: Record<string, (v: string) => boolean> = {
  customerId: (v) => v.length > 0,
  userEmail: (v) => v.length > 0,
  alertStatus: (v) => ['low', 'medium', 'critical'].includes(v),
  eventType: (v) => v.length > 0,
  start: isInstant,
  end: isInstant,
  from: isCount,
  size: isCount,
  timeSort: (v) => v === 'asc' || v === 'desc',
  scroll: (v) => v === 'true' || v === 'false'
}

export interface DocRoute {
  method: string
  /** Path below the base, `:id` for a path parameter, exactly as saasalerts.md writes it (`{id}`). */
  path: string
  /** Allowed query parameters with a value check; anything else is undocumented. */
  query: Record<string, (v: string) => boolean>
  /** Parameters that must be present. */
  required?: string[]
  /** Only `eventType` is documented as repeatable. */
  repeatable?: string[]
  /** A JSON body is expected (POST). */
  body?: (b: unknown) => boolean
}

export const DOC_ROUTES: DocRoute[] = [
  { method: 'GET', path: '/customers', query: {} },
  { method: 'GET', path: '/customers/:id', query: {} },
  // Body fields are not documented; an object with a name is the least any create takes (UNCONFIRMED).
  {
    method: 'POST',
    path: '/customers',
    query: {},
    body: (b) => typeof b === 'object' && b !== null && typeof (b as { name?: unknown }).name === 'string'
  },
  { method: 'GET', path: '/reports/events', query: EVENT_FILTERS, repeatable: ['eventType'] },
  {
    method: 'POST',
    path: '/reports/events/scroll',
    query: {},
    body: (b) => typeof (b as { scrollId?: unknown } | null)?.scrollId === 'string'
  },
  { method: 'GET', path: '/reports/events/count', query: EVENT_FILTERS, repeatable: ['eventType'] },
  { method: 'GET', path: '/reports/billing-dates', query: {} },
  {
    method: 'GET',
    path: '/reports/billing-details',
    query: { billingDate: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) },
    required: ['billingDate']
  }
]

function matches(pattern: string, path: string): boolean {
  const a = pattern.split('/')
  const b = path.split('/')
  return a.length === b.length && a.every((seg, i) => seg.startsWith(':') || seg === b[i])
}

/** Problems with one request (path below the base), empty when it is what the document describes. */
export function checkDocumented(req: {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
}): string[] {
  const route = DOC_ROUTES.find((r) => r.method === req.method && matches(r.path, req.path))
  const what = `${req.method} ${req.path}`
  if (!route) return [`${what}: not in saasalerts.md`]
  const out: string[] = []
  for (const key of new Set(req.query.keys())) {
    const check = route.query[key]
    const values = req.query.getAll(key)
    if (!check) out.push(`${what}: undocumented parameter ${key}`)
    else if (values.some((v) => !check(v))) out.push(`${what}: bad value for ${key}: ${values.join(',')}`)
    if (values.length > 1 && !route.repeatable?.includes(key)) out.push(`${what}: ${key} repeated`)
  }
  for (const key of route.required ?? []) if (!req.query.has(key)) out.push(`${what}: missing ${key}`)
  if (route.body && !route.body(req.body)) out.push(`${what}: body not as documented`)
  if (!route.body && req.body !== undefined) out.push(`${what}: unexpected body`)
  return out
}

/** `{id}` in the document's notation, for finding the route in its text. */
export function docNotation(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}')
}
