import type { z } from 'zod'
import type { AppError } from '../../../shared/errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type HttpParams = Record<string, string | number | boolean | Array<string | number> | undefined>

export interface HttpRequest<T> {
  method: HttpMethod
  /** Relative to baseURL, or absolute on the same origin (Autotask nextPageUrl cursors). */
  url: string
  /** Arrays are sent as the key repeated (`filter=a&filter=b`); undefined values are left out. */
  params?: HttpParams
  data?: unknown
  /** string[] = the header REPEATED (JumpCloud `x-org-id: A` / `x-org-id: B`). */
  headers?: Record<string, string | string[]>
  /** The reply body is validated with it; an empty body is validated as `undefined`. */
  schema: z.ZodType<T>
  /** Default true for GET/PUT/DELETE, false for POST/PATCH. */
  idempotent?: boolean
  signal?: AbortSignal
}

export interface HttpResponse<T> {
  data: T
  status: number
  headers: Record<string, string>
}

export interface HttpErrorContext {
  method: string
  /** The request path without query string or credentials (safe to show). */
  url: string
  status?: number
  /** Parsed JSON error body, or the raw text (truncated) when it is not JSON. */
  body?: unknown
  /** Response headers (lower-case names). */
  headers?: Record<string, string>
  /** ECONNRESET, ENOTFOUND, ECONNABORTED, ETIMEDOUT, ERR_CANCELED … */
  code?: string
}

export interface RequestInfo {
  method: string
  url: string
}

export interface HttpClientOptions {
  /** 'Syncro' | 'Autotask' | 'JumpCloud' — used in human messages. */
  name: string
  baseURL: string
  /** Per attempt; default 30_000. */
  timeoutMs?: number
  /** Largest reply body read (after decompression); default 32 MiB. A bigger one fails as bad-response. */
  maxResponseBytes?: number
  /** e.g. auth headers (never logged, never in errors). */
  headers?: Record<string, string>
  /** At most `limit` requests started in any rolling `intervalMs` window (per client). */
  rateLimit?: { limit: number; intervalMs: number }
  /** At most `max` requests in flight per key (e.g. Autotask: 3 per entity endpoint). */
  concurrency?: { max: number; key: (req: RequestInfo) => string }
  /** Defaults: retries 4, baseDelayMs 500, maxDelayMs 60_000. */
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number }
  /** Vendor-specific mapping first; the generic mapping is the fallback. */
  mapError?: (ctx: HttpErrorContext) => AppError | undefined
  /** Vendor override (e.g. Autotask 500 = business rule, don't retry). Cannot make a non-idempotent request retry on 5xx. */
  isRetryable?: (ctx: HttpErrorContext) => boolean | undefined
  /** Called for every attempt actually sent (retries included). */
  onRequest?: (info: RequestInfo) => void
  /** Source of jitter; default Math.random (tests inject a fixed one). */
  random?: () => number
}

export interface HttpStats {
  /** Attempts sent, retries included. */
  requests: number
  retries: number
  /** 429 replies seen. */
  rateLimited: number
}

export interface HttpClient {
  request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>>
  stats(): HttpStats
  /** Whether requests are waiting for the rate window now (it is spent, or paused after a 429). */
  atRateLimit(): boolean
}
