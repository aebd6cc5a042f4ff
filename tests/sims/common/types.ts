import type { IncomingHttpHeaders } from 'node:http'
import type { SimClock } from './clock'
import type { Router } from './router'

export interface SimRequest {
  method: string
  /** Without query string. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** Repeated headers kept apart (JumpCloud `x-org-id: A` / `x-org-id: B`). */
  headersDistinct: Record<string, string[]>
  /** Parsed JSON, or the raw string if not JSON, or undefined when empty. */
  body: unknown
  rawBody: string
  /** Path parameters from the route pattern (`:id`). */
  params: Record<string, string>
}

export type SimReply = {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Sent as-is instead of JSON. */
  raw?: string
}

export type SimHandler = (req: SimRequest) => SimReply | Promise<SimReply>

export interface Route {
  method: string
  /** '/api/v1/customers/:id' */
  pattern: string
  handler: SimHandler
  /** Stats key; defaults to `${METHOD} ${pattern}`. */
  name?: string
}

export interface FaultSpec {
  /**
   * 'status' = reply `status` (+ `body`, `retryAfter`) without running the handler.
   * 'delay' = wait `delayMs` then serve normally.
   * 'reset' = socket destroyed before the handler runs.
   * 'malformed' = 200 with invalid JSON, handler not run.
   * 'drop-reply' = the handler RUNS (state changes), then the socket is destroyed without a reply (lost response).
   * 'hold-reply' = the handler RUNS, then the reply is held until the client goes away (a write applied whose reply
   *   never arrives: a test kills the client at exactly that point, see faults.whenHeld).
   * 'hold-request' = the request is held unanswered and never handled until the client goes away.
   */
  kind: 'status' | 'delay' | 'reset' | 'malformed' | 'drop-reply' | 'hold-reply' | 'hold-request'
  status?: number
  body?: unknown
  /** Seconds, sent as Retry-After. */
  retryAfter?: number
  delayMs?: number
  /** 0..1 probability per matching request, from a PRNG seeded by the server seed. Default 1. */
  rate?: number
  /** Applies to the next N requests it fires on, then removes itself. Default: unlimited. */
  count?: number
  match?: { method?: string; /** regex tested against the path */ path?: string }
}

export interface SimStats {
  total: number
  /** By route name, default 'GET /api/v1/customers' (the pattern); unmatched requests as 'GET (no route)'. */
  byRoute: Record<string, number>
  /** Non-GET requests. */
  writes: number
  /** Replies sent with status 429 (by `before`, a fault or a handler). */
  rejected429: number
  /** Highest concurrent in-flight count per key, for keys from `inFlightKey`. */
  maxInFlight: Record<string, number>
}

export interface SimContext {
  clock: SimClock
  /** Seeded PRNG of this server. */
  rng: () => number
  stats: SimStats
  /** Requests currently in flight for an `inFlightKey` key (the current request not yet counted in `before`). */
  inFlight(key: string): number
}

export interface SimServerOptions {
  /** Used in logs/errors, e.g. 'Syncro'. */
  name: string
  router: Router
  seed?: number
  /** Runs before routing (auth, rate limits); return a reply to short-circuit. */
  before?: (req: SimRequest, ctx: SimContext) => SimReply | undefined | Promise<SimReply | undefined>
  /** Extra control routes under /__sim/, keyed 'METHOD name' (e.g. 'POST events', 'POST seed', 'GET state', 'GET tickets/:id'). */
  control?: Record<string, SimHandler>
  /** Track in-flight requests per key (e.g. Autotask: integration code + entity); undefined = not tracked. */
  inFlightKey?: (req: SimRequest) => string | undefined
}

export interface SimServer {
  /** http://127.0.0.1:PORT */
  url: string
  port: number
  close(): Promise<void>
  faults: {
    add(f: FaultSpec): void
    clear(): void
    /** Faults that fired so far, by label (see faults.ts faultLabel). */
    fired(): Record<string, number>
    /** Resolves once `count` requests in all have been held by 'hold-reply'/'hold-request' faults. */
    whenHeld(count: number): Promise<void>
  }
  stats(): SimStats
  /** Called as each API request arrives, before faults and handlers (control routes excluded); returns "off". */
  onRequest(listener: (method: string, path: string) => void): () => void
  resetStats(): void
  clock: SimClock
  ctx: SimContext
}
