// Autotask REST simulator: auth on three headers, rolling-hour request threshold, 3 threads per
// (integration code, entity), query engine with keyset paging, contract units and tickets (autotask.md §9).
import { SlidingWindowLimiter, startSimServer, type SimReply, type SimRequest, type SimServer } from '../common'
import { entityFromSegment, type AutotaskState } from './model'
import { BASE, buildAutotaskRouter, errors, userOf } from './routes'
import { seedAutotask, type AutotaskSeedOptions } from './seed'

export { seedAutotask, DEFAULT_API_USERS, SERVICE_DEVICE, SERVICE_USER, type AutotaskSeedOptions } from './seed'
export { unitsAt } from './billing'
export type { ApiUser, AutotaskState, EntityName } from './model'

export interface AutotaskSimOptions extends AutotaskSeedOptions {
  /** A ready state (JSON fixture) instead of seeding. */
  fixture?: AutotaskState
  /** Rolling-window request threshold per database; default 10,000 per hour (§5.1). */
  hourlyLimit?: number
  hourlyWindowMs?: number
  /** Concurrent requests per (integration code, entity); default 3 (§5.2). */
  threadLimit?: number
  /** Latency each API request spends in flight (default 0). */
  latencyMs?: number
  /** Extra latency once the rolling-hour usage reaches 50 % of the threshold (autotask.md §5.1; default 0). */
  throttleLatencyMs?: number
  /** Keep `requests`/`replies` logs (default true; long-running demos pass false). */
  record?: boolean
}

export interface RecordedRequest {
  method: string
  /** Path without query string, as sent. */
  path: string
  query: string
  body: unknown
  /** Lower-case names of the headers sent (values are not kept: they include the secret). */
  headerNames: string[]
}

export interface RecordedReply {
  method: string
  path: string
  status: number
  body: unknown
}

export interface AutotaskSim extends SimServer {
  state: AutotaskState
  /** Pass to discoverAutotaskZone as zoneLookupUrl: `http://127.0.0.1:PORT/atservicesrest/`. */
  zoneLookupUrl: string
  /** The zone API base the lookup returns: `http://127.0.0.1:PORT/ATServicesRest/`. */
  zoneUrl: string
  /** Every API request that reached the server (control routes excluded), in arrival order. */
  requests: RecordedRequest[]
  /** Replies of API route handlers (auth, limit and fault replies excluded). */
  replies: RecordedReply[]
  /** Latency each API request spends in flight; change at will. */
  latencyMs: number
}

const UNAUTHENTICATED = /\/(versioninformation|v1\.0\/zoneinformation)$/i
/** Thread-limit text observed live [OBS n8n-nodes-autotask PR #107] (§5.2). */
const THREAD_MESSAGE =
  'Thread Threshold Exceeded. The Autotask API thread threshold of 3 threads has been exceeded. (Itgenatr005)'

function threadKey(req: SimRequest): string | undefined {
  if (UNAUTHENTICATED.test(req.path)) return undefined // ZoneInformation is exempt (ThreadLimiting.htm)
  const m = /\/v1\.0\/([^/]+)/i.exec(req.path)
  const entity = m?.[1] ? (entityFromSegment(m[1]) ?? m[1].toLowerCase()) : 'other'
  return `${String(req.headers.apiintegrationcode ?? '')}|${entity}`
}

export async function startAutotaskSim(opts: AutotaskSimOptions = {}): Promise<AutotaskSim> {
  const holder: { sim?: AutotaskSim } = {}
  const clockNow = (): Date => holder.sim?.clock.now() ?? opts.now ?? new Date()
  let state: AutotaskState = opts.fixture ? structuredClone(opts.fixture) : seedAutotask(opts)
  const hourlyLimit = opts.hourlyLimit ?? 10_000
  const hourlyWindowMs = opts.hourlyWindowMs ?? 3_600_000
  const threadLimit = opts.threadLimit ?? 3
  const hourly = new SlidingWindowLimiter(hourlyLimit, hourlyWindowMs, () => clockNow().getTime())
  const requests: RecordedRequest[] = []
  const replies: RecordedReply[] = []
  const record = opts.record ?? true

  const router = buildAutotaskRouter({
    state: () => state,
    zoneUrl: () => (holder.sim as AutotaskSim).zoneUrl,
    now: clockNow,
    hourlyUsage: () => hourly.count('db'),
    hourlyLimit,
    hourlyWindowMinutes: Math.round(hourlyWindowMs / 60_000),
    // usage-based slowdown from 50 % of the allowance [kb.clouddepot.com] (§5.1)
    latencyMs: () =>
      (holder.sim?.latencyMs ?? 0) + (hourly.count('db') * 2 >= hourlyLimit ? (opts.throttleLatencyMs ?? 0) : 0),
    onReply: (req, out) => {
      if (record) replies.push({ method: req.method, path: req.path, status: out.status, body: out.body })
    }
  })

  const before = (req: SimRequest, ctx: { inFlight(key: string): number }): SimReply | undefined => {
    if (record)
      requests.push({
        method: req.method,
        path: req.path,
        query: req.query.toString(),
        body: req.body,
        headerNames: Object.keys(req.headers)
      })
    if (UNAUTHENTICATED.test(req.path)) return undefined
    // §2.2: unknown user 500, wrong secret 401 (empty body, UNCONFIRMED), bad code 500
    const user = userOf(state, req)
    if (!user) return errors(500, 'Zone information could not be determined')
    if (String(req.headers.secret ?? '') !== user.secret) return { status: 401 }
    if (String(req.headers.apiintegrationcode ?? '') !== user.integrationCode)
      return errors(500, 'IntegrationCode is invalid.')
    // §5.1: one budget per database for all integrations; status 429 is the community's reading (UNCONFIRMED)
    const verdict = hourly.hit('db')
    if (!verdict.ok) return errors(429, `Request threshold of ${hourlyLimit} requests per hour exceeded.`)
    const key = threadKey(req)
    if (key !== undefined && ctx.inFlight(key) >= threadLimit)
      return errors(429, THREAD_MESSAGE.replace('3 threads', `${threadLimit} threads`))
    return undefined
  }

  const server = await startSimServer({
    name: 'Autotask',
    router,
    seed: opts.seed ?? 1,
    before,
    inFlightKey: threadKey,
    control: {
      'GET state': () => ({ status: 200, body: state }),
      'POST seed': (req) => {
        const b = (req.body ?? {}) as AutotaskSeedOptions & { fixture?: AutotaskState }
        state = b.fixture ?? seedAutotask({ ...b, now: clockNow() })
        if (holder.sim) holder.sim.state = state
        return { status: 200, body: { companies: state.tables.Companies.length } }
      }
    }
  })
  if (opts.now) server.clock.set(opts.now)
  const sim: AutotaskSim = Object.assign(server, {
    state,
    zoneLookupUrl: `${server.url}/atservicesrest/`,
    zoneUrl: `${server.url}${BASE}/`,
    requests,
    replies,
    latencyMs: opts.latencyMs ?? 0
  })
  holder.sim = sim
  return sim
}
