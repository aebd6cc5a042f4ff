// Autotask failure modes → clear AppErrors (autotask.md §2.2, §5, §6). Autotask reports most business
// rules and several credential problems as HTTP 500 with {"errors":["..."]}, so the text decides.
import { AppError } from '../../../shared/errors'
import type { HttpErrorContext } from '../http/types'

const ZONE_UNKNOWN = /zone information could not be determined/i
const BAD_CODE = /integrationcode is invalid/i
const NO_PERMISSION = /does not have the adequate permissions|not authorized|permission/i
const THREAD_LIMIT = /thread threshold|threads has been exceeded/i

/** The `errors` strings of an Autotask error body ({"errors":["..."]}, §6), or [] when absent. */
export function autotaskErrorMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body.trim() ? [body.trim()] : []
  const errors = (body as { errors?: unknown }).errors
  if (!Array.isArray(errors)) {
    // 405 and some gateway replies: {"Message": "..."} (capital M, ASP.NET style).
    const single = (body as { Message?: unknown; message?: unknown }).Message ?? (body as { message?: unknown }).message
    return typeof single === 'string' && single.trim() ? [single.trim()] : []
  }
  return errors.map((e) =>
    typeof e === 'string' ? e : typeof e === 'object' && e && 'message' in e ? String(e.message) : JSON.stringify(e)
  )
}

export function unknownUserError(username?: string): AppError {
  return new AppError('auth', `Autotask does not know the API user ${username ? `"${username}"` : '(blank)'}.`, {
    hint: 'Check the username of the API user (Admin → Resources/Users → API user, "Username (Key)"). It must be an API-only user.',
    field: 'username'
  })
}

/** Vendor hook for the HTTP layer: returns undefined to fall back to the generic mapping. */
export function mapAutotaskError(ctx: HttpErrorContext, username?: string): AppError | undefined {
  const messages = autotaskErrorMessages(ctx.body)
  const text = messages.join(' ')
  const status = ctx.status
  if (status === 401)
    return new AppError('auth', 'Autotask rejected the API user secret.', {
      hint: 'Paste the secret of the API user again, or generate a new one in Autotask (Admin → Resources/Users → API user → Generate Secret).',
      field: 'secret'
    })
  if (ZONE_UNKNOWN.test(text)) return unknownUserError(username)
  if (BAD_CODE.test(text))
    return new AppError('auth', 'Autotask rejected the integration code (API tracking identifier).', {
      hint: 'Copy the tracking identifier from the API user\'s Security tab ("API Tracking Identifier") and paste it here.',
      field: 'integrationCode'
    })
  if (status === 403 || (status === 500 && NO_PERMISSION.test(text)))
    return new AppError('permission', `Autotask refused this operation for the API user${text ? `: ${text}` : '.'}`, {
      hint: 'Give the API user\'s security level access to this entity (Admin → Security Levels), or use the full "API User (system)" level.'
    })
  if (status === 429)
    return new AppError(
      'rate-limited',
      THREAD_LIMIT.test(text)
        ? 'Autotask thread limit reached (3 parallel requests per endpoint).'
        : 'Autotask API request threshold reached (10,000 requests per hour for the whole database).',
      {
        hint: 'PSA Bridge will retry later; other integrations on the same Autotask database share this budget.'
      }
    )
  if (status === 404) return new AppError('not-found', `Autotask: not found (${ctx.method} ${ctx.url}).`)
  if (status === 405) return new AppError('bad-response', `Autotask does not support ${ctx.method} on ${ctx.url}.`)
  // 500 with an errors list = business rule / validation failure (§6)
  if (status === 500 && messages.length)
    return new AppError('validation', `Autotask refused the request: ${text}`, {
      hint: 'Check the values chosen in PSA Bridge against the Autotask setup (picklists, queues, roles).'
    })
  return undefined
}

/** A 500 that carries an errors list is a business rule: retrying cannot help. */
export function isAutotaskRetryable(ctx: HttpErrorContext): boolean | undefined {
  if (ctx.status === 500 && autotaskErrorMessages(ctx.body).length) return false
  return undefined
}
