import { expect } from 'vitest'
import type { CustomersView } from '../../../src/shared/contract/customers'
import type {
  AlertCycleResult,
  AlertList,
  TicketingSettings,
  TicketingView
} from '../../../src/shared/contract/ticketing'
import type { FaultSpec } from '../../sims/common/types'
import { useSimApp, type SimApp } from '../../helpers/sim-app'

export type Psa = 'syncro' | 'autotask'

/** A generated ticket as the PSA simulator holds it (normalised across Syncro and Autotask). */
export interface SimTicketView {
  id: string
  customerId: string
  subject: string
  body: string
  status: string
  priority: string | null
  issueType: string | null
  technicianId: string | null
  queue: string | null
  dueDate: string | null
  notes: Array<{ title: string; body: string; internal: boolean }>
}

// Our tickets carry the exactly-once marker (bracketed, or bare after a clipped body).
const MARK = 'psa-bridge:'

/**
 * A core on the simulators with ticketing switched on: seeded DI events removed (tests inject their
 * own), orgs 0 and 1 mapped to customers 0 and 1, org 2 left unmapped, and a controllable clock.
 */
export function useTicketing() {
  const start = useSimApp()
  return async (psa: Psa, opts: { env?: NodeJS.ProcessEnv } = {}) => {
    let t = Date.now()
    const clock = { now: () => new Date(t), advance: (ms: number) => void (t += ms) }
    const s = await start({ psa, seed: 5, orgs: 8, now: clock.now, env: opts.env })
    for (const o of s.sims.jumpcloud.state.orgs) o.events = []
    await s.call('refreshData', { from: 'both' })
    const view = await s.call<CustomersView>('getCustomersView')
    const [orgA, orgB, orgC] = view.orgs
    const [custA, custB, custC] = view.customers
    await s.call('mapOrg', { source: 'jumpcloud', orgId: orgA!.id, customerId: custA!.id })
    await s.call('mapOrg', { source: 'jumpcloud', orgId: orgB!.id, customerId: custB!.id })
    const ts = await s.call<TicketingView>('getTicketingSettings')
    expect(ts.choices).not.toBeNull()
    const choices = ts.choices!
    // Autotask refuses a ticket without a queue or a technician (autotask.md §7.7).
    await saveSettings(s, {
      ...ts.settings,
      enabled: true,
      defaults: { ...ts.settings.defaults, queue: psa === 'autotask' ? choices.queues[0]!.value : null }
    })

    const h = {
      s,
      psa,
      clock,
      choices,
      orgs: { a: orgA!, b: orgB!, c: orgC! },
      customers: { a: custA!, b: custB!, c: custC! },
      /** An event `minutesAgo` before the app's now (inside the intake window, which ends 2 min before now). */
      inject(orgId: string, eventType: string, who: { user?: string; device?: string }, minutesAgo = 3): string {
        const [id] = s.sims.jumpcloud.control.addEvents({
          orgId,
          eventType,
          ...who,
          timestamp: new Date(t - minutesAgo * 60_000).toISOString()
        })
        return id!
      },
      poll: (retryNow = false) => s.call<AlertCycleResult>('pollAlertsNow', { retryNow }),
      alerts: (state?: string) => s.call<AlertList>('listAlerts', state ? { state, limit: 500 } : { limit: 500 }),
      tickets: (): SimTicketView[] => psaTickets(s, psa),
      close(ticketId: string): void {
        if (psa === 'syncro')
          s.sims.syncro.account().tickets.find((x) => String(x.id) === ticketId)!.status = 'Resolved'
        else s.sims.autotask.state.tables.Tickets.find((x) => String(x.id) === ticketId)!.status = 5
      },
      psaFault(f: FaultSpec): void {
        ;(psa === 'syncro' ? s.sims.syncro : s.sims.autotask).faults.add(f)
      },
      clearPsaFaults(): void {
        ;(psa === 'syncro' ? s.sims.syncro : s.sims.autotask).faults.clear()
      },
      /** Matches POST of a new ticket (not its notes or queries) on either PSA. */
      createTicketPath: psa === 'syncro' ? '/tickets$' : '/Tickets$',
      async settings(): Promise<TicketingSettings> {
        return (await s.call<TicketingView>('getTicketingSettings')).settings
      },
      save: (next: TicketingSettings) => saveSettings(s, next)
    }
    return h
  }
}

async function saveSettings(s: SimApp, next: TicketingSettings): Promise<TicketingView> {
  return s.call<TicketingView>('saveTicketingSettings', next)
}

/** Tickets PSA Bridge created, read straight from the PSA simulator. */
export function psaTickets(s: Pick<SimApp, 'sims'>, psa: Psa): SimTicketView[] {
  if (psa === 'syncro') {
    return s.sims.syncro
      .account()
      .tickets.filter((t) => t.comments[0]?.body.includes(MARK))
      .map((t) => ({
        id: String(t.id),
        customerId: String(t.customer_id),
        subject: t.subject,
        body: t.comments[0]!.body,
        status: t.status,
        priority: t.priority,
        issueType: t.problem_type,
        technicianId: t.user_id === null ? null : String(t.user_id),
        queue: null,
        dueDate: t.due_date,
        notes: t.comments.slice(1).map((c) => ({ title: c.subject, body: c.body, internal: c.hidden }))
      }))
  }
  const tables = s.sims.autotask.state.tables
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
  return tables.Tickets.filter((t) => String(t.description ?? '').includes(MARK)).map((t) => ({
    id: String(t.id),
    customerId: String(t.companyID),
    subject: String(t.title),
    body: String(t.description),
    status: String(t.status),
    priority: str(t.priority),
    issueType: str(t.issueType),
    technicianId: str(t.assignedResourceID),
    queue: str(t.queueID),
    dueDate: str(t.dueDateTime),
    notes: tables.TicketNotes.filter((n) => n.ticketID === t.id).map((n) => ({
      title: String(n.title),
      body: String(n.description),
      internal: n.publish === 2
    }))
  }))
}
