import { z } from 'zod'
import type { SimHandler } from '../common'
import { mulberry32 } from '../common'
import { attempt, seedRoutes } from '../common/control'
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
      const at = now().toISOString()
      if (u.users !== undefined) {
        // Directory Insights logs each change: "user_create — A user account is created." / "user_delete — A user
        // account is deleted." (jumpcloud-directoryinsights.swagger.json, Event Types › Directory - User and Admin
        // Events), so a count change made here is seen in DI as well.
        while (org.users.length < u.users) {
          const user = makeUser(s, org, rng, at)
          org.users.push(user)
          org.events.push(makeEvent(s, org, 'user_create', at, { user: user.username }))
        }
        for (const gone of org.users.slice(u.users))
          org.events.push(makeEvent(s, org, 'user_delete', at, { user: gone.username }))
        org.users.length = u.users
      }
      if (u.devices !== undefined) {
        // "system_create — System is created." / "system_delete — System is deleted." (same spec, Event Types ›
        // Directory - Object Events).
        while (org.systems.length < u.devices) {
          const sys = makeSystem(s, org, rng, at)
          org.systems.push(sys)
          org.events.push(makeEvent(s, org, 'system_create', at, { device: sys.hostname }))
        }
        for (const gone of org.systems.slice(u.devices))
          org.events.push(makeEvent(s, org, 'system_delete', at, { device: gone.hostname }))
        org.systems.length = u.devices
      }
      return { users: org.users.length, devices: org.systems.length }
    }
  }

  const routes: Record<string, SimHandler> = {
    'POST events': (req) => attempt(() => ({ ids: api.addEvents(req.body as never) }), 201),
    'POST usage': (req) => attempt(() => api.setUsage(req.body as never)),
    ...seedRoutes(state, reseed, current, summary)
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
