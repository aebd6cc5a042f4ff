import { AppError } from '../../../shared/errors'
import type { HttpErrorContext } from '../http'

// Turns Syncro's many error shapes (syncro.md §4: shapes A–G, 401 for both bad token and missing
// permission, HTML 404 for an unknown tenant) into AppErrors a busy admin can act on.

export const TOKEN_HINT = 'Create a new token in Syncro → Admin → API Tokens and paste it here.'

/** Which token permission (syncro.md §1 names) a request needs, so a 401 can say what to tick. */
export function permissionFor(method: string, url: string): string {
  const path = pathOf(url)
  const write = method !== 'GET'
  if (/\/schedules\b/.test(path)) return write ? 'Recurring Invoices - Edit' : 'Recurring Invoices - List'
  if (/\/tickets\/\d+\/comment\b/.test(path)) return 'Tickets - Create/Edit/Delete'
  if (/\/tickets\/settings\b/.test(path) || /\/settings\b/.test(path)) return 'Tickets - List/Search'
  if (/\/tickets\/\d+/.test(path)) return write ? 'Tickets - Create/Edit/Delete' : 'Tickets - View Details'
  if (/\/tickets\b/.test(path)) return write ? 'Tickets - Create/Edit/Delete' : 'Tickets - List/Search'
  if (/\/customer_assets\b/.test(path)) return write ? 'Assets - Create' : 'Assets - List/Search'
  if (/\/customers\b/.test(path)) return write ? 'Customers - Create/Edit/Delete' : 'Customers - List/Search'
  return 'the matching permission'
}

export function createSyncroErrorMapper(subdomain: string) {
  const host = `${subdomain}.syncromsp.com`
  return (ctx: HttpErrorContext): AppError | undefined => {
    const path = pathOf(ctx.url)
    const isMe = /\/me$/.test(path)
    if (ctx.code === 'ENOTFOUND' || (ctx.status === 404 && isMe && !isJsonObject(ctx.body))) {
      return new AppError('not-found', `No Syncro account at ${host}. Check the subdomain.`, {
        hint: 'Use the part before .syncromsp.com in the address you log in to, e.g. "acme" for acme.syncromsp.com.',
        field: 'subdomain'
      })
    }
    if (ctx.status === 401) {
      const message = bodyText(ctx.body)
      // syncro.md §1: a valid token without the permission also gets 401, with this body [S1].
      if (!isMe && /not authorized/i.test(message)) {
        const perm = permissionFor(ctx.method, ctx.url)
        return new AppError('permission', `The Syncro API token is not allowed to do this (needs "${perm}").`, {
          hint: `In Syncro → Admin → API Tokens, edit the token and tick "${perm}".`
        })
      }
      return new AppError('auth', 'Syncro rejected the API token.', { hint: TOKEN_HINT, field: 'apiToken' })
    }
    if (ctx.status === 404) return new AppError('not-found', notFoundMessage(path))
    if (ctx.status === 422 || ctx.status === 400) {
      const detail = bodyText(ctx.body)
      return new AppError('validation', `Syncro refused the request${detail ? `: ${detail}` : '.'}`)
    }
    return undefined
  }
}

function notFoundMessage(path: string): string {
  let m = /\/schedules\/(\d+)\/line_items\/(\d+)/.exec(path)
  if (m) return `Line ${m[2]} of Syncro recurring invoice ${m[1]} no longer exists (deleted in Syncro?).`
  m = /\/schedules\/(\d+)/.exec(path)
  if (m) return `Syncro recurring invoice ${m[1]} no longer exists (deleted in Syncro?).`
  m = /\/tickets\/(\d+)/.exec(path)
  if (m) return `Syncro ticket ${m[1]} no longer exists.`
  m = /\/customers\/(\d+)/.exec(path)
  if (m) return `Syncro customer ${m[1]} no longer exists.`
  return 'Syncro could not find what was asked for.'
}

/** Flattens error shapes A–G of syncro.md §4 into one line. */
export function bodyText(body: unknown): string {
  if (typeof body === 'string') return body.length > 200 || body.trimStart().startsWith('<') ? '' : body.trim()
  if (!isJsonObject(body)) return ''
  const parts: string[] = []
  const take = (v: unknown, prefix = ''): void => {
    if (typeof v === 'string' && v) parts.push(prefix + v)
    else if (Array.isArray(v)) v.forEach((x) => take(x, prefix))
    else if (isJsonObject(v)) for (const [k, x] of Object.entries(v)) take(x, `${k} `) // shape F/G hashes
  }
  // A: message[], B/C: error, D/E: errors (string), G: errors {field: []}
  for (const key of ['message', 'error', 'errors'] as const) take(body[key])
  if (parts.length === 0 && !('success' in body) && !('record' in body)) take(body) // shape F: bare hash
  return parts.join('; ')
}

function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function pathOf(url: string): string {
  const noQuery = url.split('?')[0] ?? url
  return noQuery.replace(/\/+$/, '')
}
