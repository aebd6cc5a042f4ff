import type { SimReply } from '../common'

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests'
}

/** V1/V2 `Error {code, message, status}` body (jumpcloud.md §A.4, spec `definitions.Error`). */
export function jcError(code: number, message: string, headers?: Record<string, string>): SimReply {
  return { status: code, body: { code, message, status: STATUS_TEXT[code] ?? 'Error' }, headers }
}
