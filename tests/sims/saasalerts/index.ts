import { SlidingWindowLimiter, startSimServer, type SimServer } from '../common'
import { recordingRouter } from '../common/recording'
import { saasAlertsControl, type SaasAlertsControl } from './control'
import { saError } from './errors'
import { RESULT_WINDOW } from './events-query'
import type { SaasAlertsSimState } from './model'
import { addSaasAlertsRoutes, SA_PREFIX } from './routes'
import { seedSaasAlerts } from './seed'

export { EVENT_TYPES, seedSaasAlerts, SIM_SAAS_ALERTS_KEY } from './seed'
export { SA_PREFIX } from './routes'
export type { SaCustomer, SaEvent, SaasAlertsSimState } from './model'

export interface SaasAlertsSimOptions {
  seed?: number
  /** Number of customers (default 20). */
  orgs?: number
  state?: SaasAlertsSimState
  /** Not documented (saasalerts.md); default a generous 600 requests per minute per key. */
  rateLimit?: { limit: number; windowMs: number }
  /** Largest events page served whatever `size` asks (default: the whole result window). */
  maxPageSize?: number
}

/** One request seen by the sim and the reply it got (for contract tests). */
export interface SaRecordedExchange {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: unknown
  status?: number
  reply?: unknown
}

export interface SaasAlertsSim extends SimServer {
  /** The API base the connector is given (…/reportApi/api/v1). */
  baseUrl: string
  apiKey: string
  readonly state: SaasAlertsSimState
  control: SaasAlertsControl
  exchanges: SaRecordedExchange[]
}

export async function startSaasAlertsSim(opts: SaasAlertsSimOptions = {}): Promise<SaasAlertsSim> {
  let current = { seed: opts.seed ?? 1, orgs: opts.orgs ?? opts.state?.customers.length ?? 20 }
  let state = opts.state ?? seedSaasAlerts({ seed: current.seed, size: current.orgs })
  const rate = opts.rateLimit ?? { limit: 600, windowMs: 60_000 }
  const limiter = new SlidingWindowLimiter(rate.limit, rate.windowMs)
  const exchanges: SaRecordedExchange[] = []
  const { router, recording, record, finish } = recordingRouter(exchanges)
  addSaasAlertsRoutes(recording, () => state, { maxPageSize: opts.maxPageSize ?? RESULT_WINDOW })

  const holder: { clock?: SimServer['clock'] } = {}
  const control = saasAlertsControl(
    () => state,
    () => holder.clock?.now() ?? new Date(),
    (seed, orgs) => {
      current = { seed, orgs }
      state = seedSaasAlerts({ seed, size: orgs, now: holder.clock?.nowMs(), apiKey: state.apiKey })
    },
    () => current
  )

  const server = await startSimServer({
    name: 'SaaS Alerts',
    router,
    seed: current.seed,
    control: control.routes,
    before: (req) => {
      const ex: SaRecordedExchange = {
        method: req.method,
        path: req.path,
        query: req.query,
        headers: { ...req.headers },
        body: req.body
      }
      record(req, ex)
      // CONFIRMED: the key is the `api_key` header; 401 = bad key (saasalerts.md "Connection").
      const key = req.headersDistinct['api_key']?.[0]
      if (!key || key !== state.apiKey) return finish(req, saError(401, 'Unauthorized: invalid API key'))
      const hit = limiter.hit(key)
      // No documented limit or Retry-After; the text matches what clients read as a rate limit.
      if (!hit.ok) return finish(req, saError(429, 'Rate limit exceeded, try again later'))
      return undefined
    }
  })
  holder.clock = server.clock
  const sim = Object.assign(server, {
    baseUrl: `${server.url}${SA_PREFIX}`,
    apiKey: state.apiKey,
    control: control.api,
    exchanges
  })
  Object.defineProperty(sim, 'state', { get: () => state, enumerable: true })
  return sim as SaasAlertsSim
}
