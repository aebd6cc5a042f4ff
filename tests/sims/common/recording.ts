import { Router } from './router'
import type { SimReply, SimRequest } from './types'

/** What a recorded exchange holds once its reply is known. */
interface Recorded {
  status?: number
  reply?: unknown
}

/**
 * A router whose replies are recorded against their requests: `record(req, ex)` keeps the exchange (from the
 * sim's `before` hook), `finish(req, reply)` fills its status and body — also for replies `before` sends itself.
 */
export function recordingRouter<E extends Recorded>(exchanges: E[]) {
  const open = new WeakMap<SimRequest, E>()
  const finish = (req: SimRequest, reply: SimReply): SimReply => {
    const ex = open.get(req)
    if (ex) Object.assign(ex, { status: reply.status, reply: reply.body })
    return reply
  }
  const router = new Router()
  const recording = {
    add(method: string, pattern: string, handler: (req: SimRequest) => SimReply | Promise<SimReply>) {
      router.add(method, pattern, async (req) => finish(req, await handler(req)))
      return recording
    }
  } as unknown as Router
  const record = (req: SimRequest, ex: E): void => {
    exchanges.push(ex)
    open.set(req, ex)
  }
  return { router, recording, record, finish }
}
