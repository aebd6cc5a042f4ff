import type { AxiosError } from 'axios'
import type { z } from 'zod'
import { AppError } from '../../../shared/errors'
import type { HttpErrorContext } from './types'

const BODY_TEXT_LIMIT = 2000
const REMOTE_MESSAGE_LIMIT = 300

export const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT'])
/** Connection-level failures worth retrying (for idempotent requests). */
export const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ETIMEDOUT'
])

/** Path only, as the caller wrote it: no origin, query string (may hold `api_key`) or fragment. */
export function safePath(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    try {
      return new URL(url).pathname
    } catch {
      return ''
    }
  }
  return url.split(/[?#]/)[0] ?? ''
}

export function flattenHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!headers || typeof headers !== 'object') return out
  const plain =
    typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : (headers as Record<string, unknown>)
  for (const [k, v] of Object.entries(plain)) {
    if (v == null) continue
    out[k.toLowerCase()] = Array.isArray(v) ? v.map(String).join(', ') : String(v)
  }
  return out
}

const BODY_DEPTH_LIMIT = 32

/**
 * An error body as JSON, or as (truncated) text. A body nested deeper than any real error is kept as text:
 * the vendor mappers stringify/join its parts, which recurse and would overflow the stack (a RangeError
 * instead of the clear AppError) on e.g. `{"errors":[[[[…]]]]}`.
 */
export function parseBodyText(text: unknown): unknown {
  if (typeof text !== 'string') return text
  if (text.trim() === '') return undefined
  const asText = () => (text.length > BODY_TEXT_LIMIT ? `${text.slice(0, BODY_TEXT_LIMIT)}…` : text)
  let parsed: unknown
  try {
    parsed = JSON.parse(text) as unknown // V8's parser is iterative: any depth parses
  } catch {
    return asText()
  }
  return depthExceeds(parsed, BODY_DEPTH_LIMIT) ? asText() : parsed
}

/** Iterative, so it cannot itself overflow on the input it guards against. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

/** Builds the vendor-visible context. Deliberately drops axios' config (it holds the auth headers). */
export function contextFromAxiosError(e: AxiosError): HttpErrorContext {
  const ctx: HttpErrorContext = {
    method: (e.config?.method ?? 'GET').toUpperCase(),
    url: safePath(e.config?.url ?? '')
  }
  if (e.response) {
    ctx.status = e.response.status
    ctx.body = parseBodyText(e.response.data)
    ctx.headers = flattenHeaders(e.response.headers)
  }
  // Node puts the syscall code on the cause when axios wraps it as ERR_NETWORK etc.
  const code = e.code && e.code !== 'ERR_BAD_RESPONSE' && e.code !== 'ERR_BAD_REQUEST' ? e.code : undefined
  const causeCode = (e.cause as { code?: unknown } | undefined)?.code
  if (code === 'ERR_NETWORK' && typeof causeCode === 'string') ctx.code = causeCode
  else if (code) ctx.code = code
  else if (!e.response && typeof causeCode === 'string') ctx.code = causeCode
  return ctx
}

/** Best-effort human message from common error bodies: {message}, {error}, {errors:[...]}, {errors:{field:[...]}}. */
export function remoteMessage(body: unknown): string | undefined {
  let msg: string | undefined
  if (typeof body === 'string') msg = body
  else if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>
    if (typeof b.message === 'string') msg = b.message
    else if (typeof b.Message === 'string') msg = b.Message
    else if (typeof b.error === 'string') msg = b.error
    else if (Array.isArray(b.errors))
      msg = b.errors.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ')
    else if (b.errors && typeof b.errors === 'object')
      msg = Object.entries(b.errors as Record<string, unknown>)
        .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join('; ')
  }
  if (!msg || msg.trim() === '') return undefined
  msg = msg.replace(/\s+/g, ' ').trim()
  return msg.length > REMOTE_MESSAGE_LIMIT ? `${msg.slice(0, REMOTE_MESSAGE_LIMIT)}…` : msg
}

function seconds(ms: number): string {
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
}

export interface MapInfo {
  timeoutMs: number
  /** Attempts made, for "kept failing after N attempts". */
  attempts: number
}

/** Generic status/network → AppError mapping. Messages never carry request headers or query strings. */
export function mapHttpError(name: string, ctx: HttpErrorContext, info: MapInfo): AppError {
  const what = `${ctx.method} ${ctx.url}`
  const cause = { method: ctx.method, url: ctx.url, status: ctx.status, code: ctx.code }
  const after = info.attempts > 1 ? ` (after ${info.attempts} attempts)` : ''
  const s = ctx.status
  if (s !== undefined) {
    const detail = remoteMessage(ctx.body)
    const said = detail ? `: ${detail}` : ''
    if (s === 401)
      return new AppError('auth', `${name} rejected the credentials (HTTP 401).`, {
        hint: `Check the ${name} API credentials in Settings; they may be wrong, expired or revoked.`,
        cause
      })
    if (s === 403)
      return new AppError('permission', `${name} refused ${what} (HTTP 403)${said}.`, {
        hint: `Give the ${name} API user/token the permission for this operation, then try again.`,
        cause
      })
    if (s === 404 || s === 410)
      return new AppError('not-found', `${name} could not find ${what} (HTTP ${s}).`, {
        hint: `It may have been deleted or renamed in ${name}; refresh and try again.`,
        cause
      })
    if (s === 429)
      return new AppError('rate-limited', `${name} is rate limiting us and kept refusing${after}.`, {
        hint: `Wait a few minutes and try again; other tools using the same ${name} API account share the limit.`,
        cause
      })
    if (s >= 500)
      return new AppError('unavailable', `${name} had a problem answering ${what} (HTTP ${s})${after}${said}.`, {
        hint: `${name} may be down or overloaded; try again later.`,
        cause
      })
    if (s >= 400)
      return new AppError('validation', `${name} rejected ${what} as invalid (HTTP ${s})${said}.`, {
        hint: 'Check the values being sent (names, ids, quantities) and correct them.',
        cause
      })
    if (s >= 300)
      return new AppError(
        'bad-response',
        `${name} redirected ${what} elsewhere (HTTP ${s}); redirects are not followed.`,
        {
          hint: `Check the ${name} address in Settings (e.g. the subdomain or zone).`,
          cause
        }
      )
    return new AppError('bad-response', `${name} sent an unexpected reply to ${what} (HTTP ${s}).`, { cause })
  }
  const code = ctx.code
  if (code === 'ERR_CANCELED') return new AppError('cancelled', `The request to ${name} was cancelled.`, { cause })
  if (code && TIMEOUT_CODES.has(code))
    return new AppError('timeout', `${name} did not answer within ${seconds(info.timeoutMs)}${after}.`, {
      hint: `Check the internet connection; ${name} may be slow right now — try again later.`,
      cause
    })
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new AppError('unavailable', `Could not find the ${name} server (DNS lookup failed).`, {
      hint: `Check the ${name} address in Settings and the internet connection.`,
      cause
    })
  if (code === 'ECONNREFUSED')
    return new AppError('unavailable', `${name} refused the connection${after}.`, {
      hint: `${name} may be down, or a firewall/proxy blocks it; try again later.`,
      cause
    })
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new AppError('unavailable', `The connection to ${name} was dropped${after}.`, {
      hint: 'Check the internet connection and try again.',
      cause
    })
  return new AppError('unavailable', `Could not reach ${name}${code ? ` (${code})` : ''}${after}.`, {
    hint: 'Check the internet connection and try again.',
    cause
  })
}

/** "customers.3.id expected number, received string" for the first few issues. */
export function describeSchemaError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : 'the reply'
    const msg = issue.message.replace(/^Invalid input:\s*/i, '')
    return `${path} ${msg}`
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return parts.join('; ') + more
}

export function badResponse(
  name: string,
  detail: string,
  ctx: { method: string; url: string; status: number }
): AppError {
  return new AppError('bad-response', `${name} sent an unexpected reply: ${detail}`, {
    hint: `${name} may have changed its API; report this with the Activity log (${ctx.method} ${ctx.url}).`,
    cause: ctx
  })
}

/** axios' own test (its errors carry isAxiosError: true), without loading axios before the first request. */
export function isAxiosError(e: unknown): e is AxiosError {
  return typeof e === 'object' && e !== null && (e as { isAxiosError?: unknown }).isAxiosError === true
}
