import type { SimReply } from '../common'

/**
 * Error replies. saasalerts.md documents the statuses (401 bad key, 403 not allowed) but no body;
 * node-saas-alerts reads the body as text. A `{message}` JSON body is the simulator's UNCONFIRMED pick.
 */
export function saError(status: number, message: string, headers?: Record<string, string>): SimReply {
  return { status, body: { message }, headers }
}
