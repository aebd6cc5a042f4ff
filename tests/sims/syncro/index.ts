import {
  retryAfterValue,
  Router,
  SlidingWindowLimiter,
  startSimServer,
  type SimReply,
  type SimRequest,
  type SimServer
} from '../common'
import { attempt } from '../common/control'
import type { SimToken, SyncroAccount, SyncroSimState } from './model'
import { plantAssets, type PlantedAsset } from './asset-routes'
import { routes, type RouteReply } from './routes'
import { seedSyncro, type SyncroSeedOptions } from './seed'

export { SIM_SUBDOMAIN, SIM_TOKEN, RESTRICTED_TOKEN, RESTRICTED_PERMISSIONS, seedSyncro, emptyAccount } from './seed'
export type { SyncroSeedOptions } from './seed'
export type * from './model'

export interface SyncroRateLimitOptions {
  /** Requests per window; syncro.md §3: 180 per minute per IP [S1][S7]. */
  limit?: number
  windowMs?: number
  /** Send Retry-After (seconds)? Its presence is disputed (syncro.md §3 [S10]) — test both. */
  retryAfter?: boolean
  /** Reply body; default Rack::Attack's plain "Retry later" (syncro.md §3, inference). */
  body?: unknown
}

export interface SyncroSimOptions extends SyncroSeedOptions {
  /** A ready state (JSON fixture) instead of seeding. */
  fixture?: SyncroSimState
  rateLimit?: SyncroRateLimitOptions
}

export interface RecordedRequest {
  method: string
  path: string
  query: string
}

export interface RecordedReply {
  method: string
  /** Route path relative to /api/v1 with the real ids, e.g. /schedules/12 */
  path: string
  status: number
  body: unknown
}

export interface SyncroSim extends SimServer {
  state: SyncroSimState
  /** `http://127.0.0.1:PORT/{subdomain}/api/v1` — pass as the connector's urlTemplate. */
  urlTemplate: string
  /** Base URL of one account. */
  baseUrl(subdomain?: string): string
  account(subdomain?: string): SyncroAccount
  /** Every request that reached the server (API paths only, faults excepted), in arrival order; last 50,000. */
  requests: RecordedRequest[]
  /** Replies produced by API route handlers (faults and auth failures not included). */
  replies: RecordedReply[]
}

const API = '/:subdomain/api/v1'
/** Long demo/bench runs must not grow memory without bound; tests stay far below this. */
const LOG_LIMIT = 50_000

function record<T>(log: T[], entry: T): void {
  if (log.length >= LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT + 1)
  log.push(entry)
}

/** Unknown tenant: an HTML page, not JSON — what a non-existent *.syncromsp.com serves (inference). */
const NO_TENANT: SimReply = {
  status: 404,
  raw: "<!DOCTYPE html><html><head><title>Syncro</title></head><body><h1>The page you were looking for doesn't exist.</h1></body></html>",
  headers: { 'content-type': 'text/html; charset=utf-8' }
}
/** syncro.md §1: bad token → 401; body UNCONFIRMED, this is the inferred one. */
const BAD_TOKEN: SimReply = { status: 401, body: { error: 'Unauthorized' } }
/** syncro.md §1: valid token lacking a permission → 401 with this documented body [S1]. */
const NO_PERMISSION: SimReply = {
  status: 401,
  body: { error: 'Not authorized. Please ask account admin to update your group permissions.' }
}

export async function startSyncroSim(opts: SyncroSimOptions = {}): Promise<SyncroSim> {
  const state: SyncroSimState = opts.fixture ? structuredClone(opts.fixture) : seedSyncro(opts)
  const requests: RecordedRequest[] = []
  const replies: RecordedReply[] = []
  const rl = opts.rateLimit ?? {}
  const limiter = new SlidingWindowLimiter(rl.limit ?? 180, rl.windowMs ?? 60_000)
  let now = (): string => new Date().toISOString()

  const router = new Router()
  for (const route of routes) {
    router.add(route.method, API + route.path, (req) => {
      const account = state.accounts[req.params.subdomain ?? '']
      if (!account) return NO_TENANT
      const token = tokenOf(req, account)
      if (!token) return BAD_TOKEN
      if (route.perm && token.permissions !== 'all' && !token.permissions.includes(route.perm)) return NO_PERMISSION
      const reply: RouteReply = route.handler({ params: req.params, query: req.query, body: req.body }, account, {
        now,
        userId: token.user_id
      })
      record(replies, {
        method: req.method,
        path: req.path.replace(/^\/[^/]+\/api\/v1/, ''),
        status: reply.status,
        body: reply.body
      })
      return { status: reply.status, body: reply.body }
    })
  }

  const server = await startSimServer({
    name: 'Syncro',
    router,
    seed: opts.seed ?? 1,
    before: (req) => {
      if (req.path.startsWith('/__sim')) return undefined
      record(requests, { method: req.method, path: req.path, query: req.query.toString() })
      // syncro.md §3: per client IP, so one bucket for every token and tenant here.
      const verdict = limiter.hit(String(req.headers['x-forwarded-for'] ?? '127.0.0.1'))
      if (verdict.ok) return undefined
      const headers: Record<string, string> = {}
      if (rl.retryAfter) headers['retry-after'] = retryAfterValue(verdict.retryAfterMs, rl.windowMs ?? 60_000)
      if (rl.body !== undefined) return { status: 429, body: rl.body, headers }
      return { status: 429, raw: 'Retry later\n', headers: { ...headers, 'content-type': 'text/plain' } }
    },
    control: {
      'GET state': () => ({ status: 200, body: state }),
      'POST assets': (req) =>
        attempt(() => {
          const b = (req.body ?? {}) as { subdomain?: string; assets?: PlantedAsset[] }
          const a = state.accounts[b.subdomain ?? firstSubdomain(state)]
          if (!a || !Array.isArray(b.assets)) throw new Error('need {subdomain?, assets: [...]}')
          return { ids: plantAssets(a, b.assets, now()) }
        }),
      'POST seed': (req) => {
        const b = (req.body ?? {}) as { seed?: number; size?: number; subdomain?: string; fixture?: SyncroSimState }
        state.accounts = b.fixture ? b.fixture.accounts : seedSyncro(b).accounts
        return { status: 200, body: { accounts: Object.keys(state.accounts) } }
      }
    }
  })
  now = () => server.clock.now().toISOString()

  const baseUrl = (subdomain?: string) => `${server.url}/${subdomain ?? firstSubdomain(state)}/api/v1`
  return Object.assign(server, {
    state,
    urlTemplate: `${server.url}/{subdomain}/api/v1`,
    baseUrl,
    account: (subdomain?: string) => {
      const a = state.accounts[subdomain ?? firstSubdomain(state)]
      if (!a) throw new Error(`Syncro sim: no account ${subdomain}`)
      return a
    },
    requests,
    replies
  })
}

function firstSubdomain(state: SyncroSimState): string {
  const first = Object.keys(state.accounts)[0]
  if (!first) throw new Error('Syncro sim: no accounts')
  return first
}

/** `Authorization: Bearer t`, bare `Authorization: t`, or `?api_key=t` (syncro.md §1 [S1][S4][S9]). */
function tokenOf(req: SimRequest, account: SyncroAccount): SimToken | undefined {
  const header = req.headers.authorization
  const fromHeader = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '').trim() : ''
  const value = fromHeader || req.query.get('api_key') || ''
  return value ? account.tokens.find((t) => t.token === value) : undefined
}
