import { z } from 'zod'
import { mulberry32, type SimHandler } from '../common'
import { attempt, seedRoutes } from '../common/control'
import { findCustomer, type SaasAlertsSimState } from './model'
import { makeEvent } from './seed'

// Control routes under /__sim/ (tests and demo only; no auth).

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'invalid timestamp')
const EventInput = z.object({
  customerId: z.string(),
  eventType: z.string().min(1),
  alertStatus: z.enum(['low', 'medium', 'critical']).optional(),
  user: z.string().optional(),
  application: z.string().optional(),
  timestamp: iso.optional()
})
const EventsBody = z.union([EventInput, z.array(EventInput)])
const BillingBody = z.object({
  billingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** customerId → billable users on that date. */
  users: z.record(z.string(), z.number().int().nonnegative())
})

export interface SaasAlertsControl {
  addEvents(input: z.input<typeof EventsBody>): string[]
  setBillableUsers(input: z.input<typeof BillingBody>): void
}

export function saasAlertsControl(
  state: () => SaasAlertsSimState,
  now: () => Date,
  reseed: (seed: number, orgs: number) => void,
  current: () => { seed: number; orgs: number }
): { api: SaasAlertsControl; routes: Record<string, SimHandler> } {
  const rng = mulberry32(0x5a5a)
  const api: SaasAlertsControl = {
    addEvents(input) {
      const list = EventsBody.parse(input)
      const s = state()
      return (Array.isArray(list) ? list : [list]).map((e) => {
        const c = findCustomer(s, e.customerId)
        if (!c) throw new Error(`unknown customer ${e.customerId}`)
        const ev = makeEvent(s, c, { ...e, timestamp: e.timestamp ?? now().toISOString() }, rng)
        s.events.push(ev)
        return ev.eventId
      })
    },
    setBillableUsers(input) {
      const b = BillingBody.parse(input)
      const s = state()
      for (const id of Object.keys(b.users)) if (!findCustomer(s, id)) throw new Error(`unknown customer ${id}`)
      s.billing[b.billingDate] = { ...s.billing[b.billingDate], ...b.users }
    }
  }
  const routes: Record<string, SimHandler> = {
    'POST events': (req) => attempt(() => ({ ids: api.addEvents(req.body as never) }), 201),
    'POST billing': (req) =>
      attempt(() => {
        api.setBillableUsers(req.body as never)
        return { billingDates: Object.keys(state().billing).sort() }
      }),
    ...seedRoutes(state, reseed, current, summary)
  }
  return { api, routes }
}

/** Small overview: what a demo prints and what tests compare. */
export function summary(s: SaasAlertsSimState) {
  return {
    customers: s.customers.map((c) => ({
      customerId: c.customerId,
      name: c.name,
      status: c.status,
      events: s.events.filter((e) => e.customerId === c.customerId).length
    })),
    billingDates: Object.keys(s.billing).sort()
  }
}
