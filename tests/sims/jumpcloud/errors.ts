import type { SimReply } from '../common'

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests'
}

// Real JumpCloud error bodies are `{"message": …}` or `{"error": …, "message": …}` (public captures: e.g.
// 401 {"message":"Unauthorized: no organization selected"}), not the spec's `Error {code, message, status}`.
// Both real shapes are sent, alternating, so clients cannot depend on either.
let served = 0

export function jcError(code: number, message: string, headers?: Record<string, string>): SimReply {
  const body = served++ % 2 === 0 ? { message } : { error: STATUS_TEXT[code] ?? 'Error', message }
  return { status: code, body, headers }
}

/** Missing, or not one of the provider's organizations: what JumpCloud really answers (§A.0 + captures). */
export const NO_ORG_SELECTED = 'Unauthorized: no organization selected'
