import { z } from 'zod'
import type { SimHandler, SimReply } from './types'

// Shared pieces of the simulators' /__sim/ control routes (tests and the demo only; no auth).

/** A 400 with a readable reason, for a control call the test wrote wrong. */
export function badRequest(error: z.ZodError | string): SimReply {
  return { status: 400, body: { error: typeof error === 'string' ? error : z.prettifyError(error) } }
}

/** Runs a control action: its result as the body, or a 400 with the reason it threw. */
export function attempt(fn: () => unknown, status = 200): SimReply {
  try {
    return { status, body: fn() }
  } catch (e) {
    return e instanceof z.ZodError ? badRequest(e) : badRequest(e instanceof Error ? e.message : String(e))
  }
}

const SeedBody = z.object({ seed: z.number().int().optional(), orgs: z.number().int().nonnegative().optional() })

/** `POST seed` (reseed with another seed or org count, keeping what is not given) and `GET state`. */
export function seedRoutes<S>(
  state: () => S,
  reseed: (seed: number, orgs: number) => void,
  current: () => { seed: number; orgs: number },
  summary: (s: S) => unknown
): Record<'POST seed' | 'GET state', SimHandler> {
  return {
    'POST seed': (req) => {
      const p = SeedBody.safeParse(req.body ?? {})
      if (!p.success) return badRequest(p.error)
      const cur = current()
      reseed(p.data.seed ?? cur.seed, p.data.orgs ?? cur.orgs)
      return { status: 200, body: summary(state()) }
    },
    'GET state': () => ({ status: 200, body: state() })
  }
}
