import { z } from 'zod'
import type { SimHandler, SimReply } from '../common'
import { mulberry32 } from '../common'
import { findOrg, type JumpCloudSimState } from './model'
import { makeEvent, makeSystem, makeUser, seedJumpCloud } from './seed'

// Control routes under /__sim/ (test and demo only; no auth).

const EventInput = z.object({
  orgId: z.string(),
  eventType: z.string().min(1),
  user: z.string().optional(),
  device: z.string().optional(),
  timestamp: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'invalid timestamp')
    .optional()
})
const EventsBody = z.union([EventInput, z.array(EventInput)])
const UsageBody = z.object({
  orgId: z.string(),
  users: z.number().int().nonnegative().optional(),
  devices: z.number().int().nonnegative().optional()
})
const SeedBody = z.object({ seed: z.number().int().optional(), orgs: z.number().int().nonnegative().optional() })

function bad(error: z.ZodError | string): SimReply {
  return { status: 400, body: { error: typeof error === 'string' ? error : z.prettifyError(error) } }
}

export interface JumpCloudControl {
  addEvents(input: z.input<typeof EventsBody>): string[]
  setUsage(input: z.input<typeof UsageBody>): { users: number; devices: number }
}

export function jumpCloudControl(
  state: () => JumpCloudSimState,
  now: () => Date,
  reseed: (seed: number, orgs: number) => void,
  current: () => { seed: number; orgs: number }
): { api: JumpCloudControl; routes: Record<string, SimHandler> } {
  const rng = mulberry32(0x5eed)

  const api: JumpCloudControl = {
    addEvents(input) {
      const list = EventsBody.parse(input)
      const s = state()
      return (Array.isArray(list) ? list : [list]).map((e) => {
        const org = findOrg(s, e.orgId)
        if (!org) throw new Error(`unknown org ${e.orgId}`)
        const ev = makeEvent(s, org, e.eventType, e.timestamp ?? now().toISOString(), e)
        org.events.push(ev)
        return ev.id
      })
    },
    setUsage(input) {
      const u = UsageBody.parse(input)
      const s = state()
      const org = findOrg(s, u.orgId)
      if (!org) throw new Error(`unknown org ${u.orgId}`)
      const created = now().toISOString()
      if (u.users !== undefined) {
        while (org.users.length < u.users) org.users.push(makeUser(s, org, rng, created))
        org.users.length = u.users
      }
      if (u.devices !== undefined) {
        while (org.systems.length < u.devices) org.systems.push(makeSystem(s, org, rng, created))
        org.systems.length = u.devices
      }
      return { users: org.users.length, devices: org.systems.length }
    }
  }

  const attempt = (fn: () => unknown, status = 200): SimReply => {
    try {
      return { status, body: fn() }
    } catch (e) {
      return e instanceof z.ZodError ? bad(e) : bad(e instanceof Error ? e.message : String(e))
    }
  }

  const routes: Record<string, SimHandler> = {
    'POST events': (req) => attempt(() => ({ ids: api.addEvents(req.body as never) }), 201),
    'POST usage': (req) => attempt(() => api.setUsage(req.body as never)),
    'POST seed': (req) => {
      const p = SeedBody.safeParse(req.body ?? {})
      if (!p.success) return bad(p.error)
      const cur = current()
      reseed(p.data.seed ?? cur.seed, p.data.orgs ?? cur.orgs)
      return { status: 200, body: summary(state()) }
    },
    'GET state': () => ({ status: 200, body: state() })
  }
  return { api, routes }
}

/** Small overview: what a demo prints and what tests compare. */
export function summary(s: JumpCloudSimState) {
  return {
    providerId: s.providerId,
    orgs: s.orgs.map((o) => ({
      id: o.id,
      name: o.name,
      users: o.users.length,
      devices: o.systems.length,
      events: o.events.length
    }))
  }
}

export { seedJumpCloud }
