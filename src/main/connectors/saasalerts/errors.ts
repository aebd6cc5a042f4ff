import { AppError } from '../../../shared/errors'
import { remoteMessage, type HttpErrorContext } from '../http'

const KEY_HINT =
  'Copy the key from SaaS Alerts (Settings → API → Show key) and paste it here. ' +
  'SaaS Alerts support must first enable the REST API for your account.'

/** node-saas-alerts (`src/http.ts`) reads these as rate limits even without a 429. */
export const QUOTA_PATTERN = /quota|rate.?limit|throttl/i

function bodyText(body: unknown): string {
  if (body === undefined) return ''
  return typeof body === 'string' ? body : JSON.stringify(body)
}

/** A failure whose text says "quota"/"rate limit": worth waiting and retrying like a 429. */
export function isQuotaError(ctx: HttpErrorContext): boolean {
  return ctx.status !== undefined && ctx.status >= 400 && QUOTA_PATTERN.test(bodyText(ctx.body))
}

/** saasalerts.md "Connection": 401 = bad key, 403 = not allowed (REST API not enabled for the key). */
export function mapSaasAlertsError(ctx: HttpErrorContext): AppError | undefined {
  const cause = { method: ctx.method, url: ctx.url, status: ctx.status }
  const said = remoteMessage(ctx.body)
  if (ctx.status === 401)
    return new AppError('auth', 'SaaS Alerts rejected the API key (HTTP 401).', {
      hint: KEY_HINT,
      field: 'apiKey',
      cause
    })
  if (ctx.status === 403)
    return new AppError('auth', `SaaS Alerts refused this API key (HTTP 403)${said ? `: ${said}` : ''}.`, {
      hint: KEY_HINT,
      field: 'apiKey',
      cause
    })
  if (isQuotaError(ctx))
    return new AppError('rate-limited', `SaaS Alerts says we are over its request quota${said ? `: ${said}` : ''}.`, {
      hint: 'Wait a few minutes and try again; other tools using the same SaaS Alerts key share the quota.',
      cause
    })
  return undefined
}
