import type { AxiosAdapter, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from 'axios'
import { AppError, isAppError } from '../../../shared/errors'
import {
  badResponse,
  contextFromAxiosError,
  describeSchemaError,
  flattenHeaders,
  isAxiosError,
  mapHttpError,
  safePath
} from './errors'
import { envProxyConfigured } from './env-proxy'
import { RequestLimiter } from './limiter'
import { parseRetryAfter } from './retry-after'
import { backoffDelay, DEFAULT_RETRY, shouldRetry } from './retry-policy'
import type { HttpClient, HttpClientOptions, HttpParams, HttpRequest, HttpResponse, HttpStats } from './types'

const IDEMPOTENT_METHODS = new Set(['GET', 'PUT', 'DELETE'])

/** Far above any real page (Autotask's 500-record pages are a few MB) yet far below what exhausts memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024

/** Arrays become the key repeated (`filter=a&filter=b`, JumpCloud style); undefined is dropped. */
export function serializeParams(params: HttpParams): string {
  const sp = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue
    if (Array.isArray(v)) for (const item of v) sp.append(k, String(item))
    else sp.append(k, String(v))
  }
  return sp.toString()
}

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const timeoutMs = opts.timeoutMs ?? 30_000
  const maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
  const retries = opts.retry?.retries ?? DEFAULT_RETRY.retries
  const baseDelayMs = opts.retry?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs
  const maxDelayMs = opts.retry?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs
  const random = opts.random ?? Math.random
  const counters: HttpStats = { requests: 0, retries: 0, rateLimited: 0 }
  const limiter = new RequestLimiter({ rateLimit: opts.rateLimit, concurrency: opts.concurrency })
  const base = new URL(opts.baseURL)

  // The far side said "slow down": hold every queued call of this client, not just this one. Done inside the
  // limiter task so the pause is in place before this request's slot is handed to the next one.
  function pauseOn429(e: unknown, config: InternalAxiosRequestConfig): void {
    if (!isAxiosError(e) || e.response?.status !== 429) return
    counters.rateLimited++
    const state = config['axios-retry'] as { retryCount?: number } | undefined
    const header = flattenHeaders(e.response.headers)['retry-after']
    const wait = parseRetryAfter(header) ?? baseDelayMs * 2 ** (state?.retryCount ?? 0)
    limiter.pauseFor(Math.min(wait, maxDelayMs))
  }

  // Every attempt (retries included) passes through the limiter, so rate/concurrency hold for retries too.
  const adapter =
    (nodeAdapter: AxiosAdapter): AxiosAdapter =>
    (config) => {
      const info = { method: (config.method ?? 'get').toUpperCase(), url: config.url ?? '' }
      return limiter.run(
        info,
        async () => {
          counters.requests++
          opts.onRequest?.(info)
          try {
            return await nodeAdapter(config)
          } catch (e) {
            pauseOn429(e, config)
            throw e
          }
        },
        config.signal as AbortSignal | undefined
      )
    }

  const create = (axios: typeof import('axios').default, axiosRetry: typeof import('axios-retry').default) => {
    const instance = axios.create({
      baseURL: opts.baseURL,
      timeout: timeoutMs,
      headers: { Accept: 'application/json', ...opts.headers },
      adapter: adapter(axios.getAdapter('http')),
      // Parse ourselves: malformed JSON must be an error, not a silently returned string.
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      paramsSerializer: { serialize: serializeParams },
      // Auth lives in custom headers (Autotask Secret, JumpCloud x-api-key) which redirects would forward anywhere.
      maxRedirects: 0,
      // axios reads unlimited bodies by default: a broken or hostile endpoint streaming gigabytes would take the app down.
      maxContentLength: maxResponseBytes,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: false, forcedJSONParsing: false },
      // No proxy variable set: tell axios once instead of letting it read the environment on every request.
      ...(envProxyConfigured(opts.baseURL) ? {} : { proxy: false as const })
    })

    axiosRetry(instance, {
      retries,
      shouldResetTimeout: true,
      retryCondition: () => false, // replaced per request below (needs the request's idempotency)
      retryDelay: (attempt, error) => {
        const header = error.response ? flattenHeaders(error.response.headers)['retry-after'] : undefined
        const after = parseRetryAfter(header)
        if (after !== undefined) return Math.min(after, maxDelayMs)
        return backoffDelay(attempt, baseDelayMs, maxDelayMs, random)
      },
      onRetry: () => {
        counters.retries++
      }
    })
    return instance
  }

  // axios is loaded with the first request: a command that never talks to a server (status, --help) skips it.
  let made: Promise<AxiosInstance> | null = null
  const instance = () =>
    (made ??= Promise.all([import('axios'), import('axios-retry')]).then(([a, r]) => create(a.default, r.default)))

  function checkOrigin(url: string): void {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return
    let target: URL
    try {
      target = new URL(url)
    } catch {
      throw new AppError('bad-response', `${opts.name} gave an invalid address to follow.`)
    }
    // Absolute URLs come from replies (paging cursors); never send our credentials to another host.
    if (target.origin !== base.origin)
      throw new AppError(
        'bad-response',
        `${opts.name} pointed us to another server (${target.host}); refusing to send credentials there.`,
        {
          hint: 'Report this; it may indicate a misconfigured or compromised endpoint.'
        }
      )
  }

  async function request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    checkOrigin(req.url)
    const idempotent = req.idempotent ?? IDEMPOTENT_METHODS.has(req.method)
    const where = { method: req.method, url: safePath(req.url) }
    let res: AxiosResponse<unknown>
    try {
      res = await (
        await instance()
      ).request<unknown>({
        method: req.method,
        url: req.url,
        params: req.params,
        data: req.data,
        headers: req.headers,
        signal: req.signal,
        'axios-retry': {
          retryCondition: (error) => shouldRetry(contextFromAxiosError(error), idempotent, opts.isRetryable)
        }
      })
    } catch (e) {
      throw toAppError(e, req.signal)
    }
    const status = res.status
    const text = typeof res.data === 'string' ? res.data : ''
    let body: unknown
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text) as unknown
      } catch {
        throw badResponse(opts.name, `the reply to ${where.method} ${where.url} is not JSON.`, { ...where, status })
      }
    }
    const parsed = req.schema.safeParse(body)
    if (!parsed.success) throw badResponse(opts.name, describeSchemaError(parsed.error), { ...where, status })
    return { data: parsed.data, status, headers: flattenHeaders(res.headers) }
  }

  function toAppError(e: unknown, signal: AbortSignal | undefined): AppError {
    if (isAppError(e)) return e
    if (signal?.aborted) return new AppError('cancelled', `The request to ${opts.name} was cancelled.`)
    if (isAxiosError(e) && isTooLarge(e)) {
      return new AppError(
        'bad-response',
        `${opts.name} sent a reply larger than ${megabytes(maxResponseBytes)}; it was not read.`,
        {
          hint: `${opts.name} may be misbehaving; try again later, and report it if it keeps happening.`
        }
      )
    }
    if (isAxiosError(e)) {
      const ctx = contextFromAxiosError(e)
      const state = e.config?.['axios-retry'] as { retryCount?: number } | undefined
      const attempts = (state?.retryCount ?? 0) + 1
      return opts.mapError?.(ctx) ?? mapHttpError(opts.name, ctx, { timeoutMs, attempts })
    }
    // Never wrap the raw error as cause: library errors can carry request config (auth headers).
    return new AppError(
      'internal',
      `Unexpected failure talking to ${opts.name}: ${e instanceof Error ? e.name : 'unknown error'}.`
    )
  }

  return {
    request,
    stats: () => ({ ...counters }),
    atRateLimit: () => limiter.queued > 0
  }
}

/** axios' own signal for maxContentLength (it has no dedicated code): no response object, ERR_BAD_RESPONSE. */
function isTooLarge(e: { code?: string; response?: unknown; message: string }): boolean {
  return e.code === 'ERR_BAD_RESPONSE' && !e.response && e.message.startsWith('maxContentLength')
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${bytes} bytes`
}
