import { retryAfterValue, SlidingWindowLimiter, startSimServer, type SimServer } from '../common'
import { recordingRouter } from '../common/recording'
import { addConsoleRoutes } from './console-routes'
import { jumpCloudControl, type JumpCloudControl } from './control'
import { jcError } from './errors'
import { addInsightsRoutes, DI_PREFIX } from './insights-routes'
import { systemsControl, type SystemsControl } from './systems-control'
import type { JumpCloudSimState } from './model'
import { seedJumpCloud, SIM_API_KEY, SIM_PROVIDER_ID } from './seed'

export { SIM_API_KEY, SIM_PROVIDER_ID, seedJumpCloud } from './seed'
export type { DiEvent, JcOrg, JcSystem, JcUser, JumpCloudSimState } from './model'

export interface JumpCloudSimOptions {
  seed?: number
  /** Number of organizations (default 20). */
  orgs?: number
  /** A ready state (JSON fixture) instead of seeding. */
  state?: JumpCloudSimState
  /**
   * No numeric limit is published (jumpcloud.md §A.4); default: a conservative 600 requests per
   * minute per API key. Tests shrink the window to exercise 429 + Retry-After quickly.
   */
  rateLimit?: { limit: number; windowMs: number }
}

/** One request seen by the sim and the reply it got (for contract tests). */
export interface RecordedExchange {
  method: string
  path: string
  query: URLSearchParams
  orgIds: string[]
  body: unknown
  status?: number
  reply?: unknown
}

export interface JumpCloudSim extends SimServer {
  /** Console host (V1 `/api`, V2 `/api/v2`). */
  consoleUrl: string
  /** Directory Insights base (…/insights/directory/v1). */
  insightsUrl: string
  apiKey: string
  providerId: string
  readonly state: JumpCloudSimState
  control: JumpCloudControl & SystemsControl
  /** Every API request (control routes excluded) with its reply, oldest first. */
  exchanges: RecordedExchange[]
}

export async function startJumpCloudSim(opts: JumpCloudSimOptions = {}): Promise<JumpCloudSim> {
  let current = { seed: opts.seed ?? 1, orgs: opts.orgs ?? opts.state?.orgs.length ?? 20 }
  let state: JumpCloudSimState = opts.state ?? seedJumpCloud({ seed: current.seed, size: current.orgs })
  const rate = opts.rateLimit ?? { limit: 600, windowMs: 60_000 }
  const limiter = new SlidingWindowLimiter(rate.limit, rate.windowMs)
  const exchanges: RecordedExchange[] = []
  const { router, recording, record, finish } = recordingRouter(exchanges)
  addConsoleRoutes(recording, () => state)
  addInsightsRoutes(recording, () => state)

  const holder: { clock?: SimServer['clock'] } = {}
  const control = jumpCloudControl(
    () => state,
    () => holder.clock?.now() ?? new Date(),
    (seed, orgs) => {
      current = { seed, orgs }
      state = seedJumpCloud({ seed, size: orgs, now: holder.clock?.nowMs() })
    },
    () => current
  )
  const systems = systemsControl(
    () => state,
    () => holder.clock?.now() ?? new Date()
  )

  const server = await startSimServer({
    name: 'JumpCloud',
    router,
    seed: current.seed,
    control: { ...control.routes, ...systems.routes },
    before: (req) => {
      const ex: RecordedExchange = {
        method: req.method,
        path: req.path,
        query: req.query,
        orgIds: req.headersDistinct['x-org-id'] ?? [],
        body: req.body
      }
      record(req, ex)
      // §A.0: `x-api-key` header; 401 with the V1/V2 Error body (§A.4).
      const key = req.headersDistinct['x-api-key']?.[0]
      if (!key || key !== state.apiKey) return finish(req, jcError(401, 'Unauthorized: invalid or missing API key'))
      const hit = limiter.hit(key)
      if (!hit.ok)
        return finish(
          req,
          jcError(429, 'Too many requests', { 'Retry-After': retryAfterValue(hit.retryAfterMs, rate.windowMs) })
        )
      return undefined
    }
  })
  holder.clock = server.clock

  const sim = Object.assign(server, {
    consoleUrl: server.url,
    insightsUrl: `${server.url}${DI_PREFIX}`,
    apiKey: state.apiKey,
    providerId: state.providerId,
    control: { ...control.api, ...systems.api },
    exchanges
  })
  // A getter, not a copy: /__sim/seed replaces the state object.
  Object.defineProperty(sim, 'state', { get: () => state, enumerable: true })
  return sim as JumpCloudSim
}

export const JUMPCLOUD_SIM_DEFAULTS = { apiKey: SIM_API_KEY, providerId: SIM_PROVIDER_ID }
