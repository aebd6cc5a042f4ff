import { describe, expect, it } from 'vitest'
import type { CustomersView } from '../../../src/shared/contract/customers'
import type { SeverityTicketingView } from '../../../src/shared/contract/severity-ticketing'
import { useTicketing } from './setup'

// Issue 15: JumpCloud and SaaS Alerts both connected, one PSA customer mapped from an org of each. Each source's alerts
// reach that customer in groups of their own — the same user's alerts from the two sources are two tickets, and a
// repeat of each is a note on its own source's ticket, never folded into the other's. (The billing side — one line
// per source for the same customer, neither touching the other — is tests/integration/billing/saasalerts-billing.)

const SA = 'saasalerts'

describe.each(['syncro', 'autotask'] as const)('JumpCloud and SaaS Alerts on one %s customer', (psa) => {
  const start = useTicketing()

  it("each source's alerts go to the shared customer in separate groups", async () => {
    const h = await start(psa)
    const { s } = h
    s.sims.saasalerts.state.events.length = 0
    await s.call('saveSaasAlerts', { apiKey: s.sims.credentials.saasalerts.apiKey })
    await s.call('refreshData', { from: 'both' })
    const view = await s.call<CustomersView>('getCustomersView')
    const saOrg = view.orgs.find((o) => o.source === SA)
    if (!saOrg) throw new Error('SaaS Alerts orgs were not listed after refresh')
    // The customer JumpCloud org A is mapped to, now also mapped from a SaaS Alerts org.
    await s.call('mapOrg', { source: SA, orgId: saOrg.id, customerId: h.customers.a.id })

    const sv = await s.call<SeverityTicketingView>('getSourceTicketing', { source: SA })
    const ch = h.choices
    await s.call('saveSourceTicketing', {
      source: SA,
      settings: {
        ...sv.settings,
        enabled: true,
        severities: {
          critical: { enabled: true, priority: ch.priorities[0]!.value },
          medium: { enabled: true, priority: ch.priorities[0]!.value },
          low: { enabled: true, priority: ch.priorities[0]!.value }
        },
        defaults: {
          ...sv.settings.defaults,
          issueType: ch.issueTypes[0]!.value,
          status: ch.statuses[0]!.value,
          queue: psa === 'autotask' ? ch.queues[0]!.value : null,
          source: psa === 'autotask' ? ch.sources[0]!.value : null
        },
        groupBy: 'user',
        note: { ...sv.settings.note, title: 'Again', visibility: 'internal' }
      }
    })

    // The same person locked out in JumpCloud and failing logins in SaaS Alerts, at the same time.
    const addSa = (minutesAgo: number) =>
      s.sims.saasalerts.control.addEvents([
        {
          customerId: saOrg.id,
          eventType: 'login.failure',
          alertStatus: 'critical',
          user: 'ana',
          timestamp: new Date(h.clock.now().getTime() - minutesAgo * 60_000).toISOString()
        }
      ])
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'ana' }, 4)
    addSa(4)
    const first = await h.poll()
    expect(first.ticketsCreated).toBe(2)
    const mine = () => h.tickets().filter((x) => x.customerId === h.customers.a.id)
    expect(mine()).toHaveLength(2)
    const [jcTicket, saTicket] = [
      mine().find((x) => !x.subject.includes('Authentication Failure'))!,
      mine().find((x) => x.subject.includes('Authentication Failure'))!
    ]
    expect(jcTicket).toBeDefined()
    expect(saTicket).toBeDefined()

    // A repeat of each: one note on each source's own ticket, no new ticket, nothing folded across sources.
    h.clock.advance(10 * 60_000)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'ana' }, 3)
    addSa(3)
    const second = await h.poll()
    expect([second.ticketsCreated, second.notesAdded]).toEqual([0, 2])
    const after = mine()
    expect(after).toHaveLength(2)
    expect(after.find((x) => x.id === jcTicket.id)!.notes).toHaveLength(jcTicket.notes.length + 1)
    expect(after.find((x) => x.id === saTicket.id)!.notes).toHaveLength(saTicket.notes.length + 1)
    // Four alerts in two groups, each group on its own ticket.
    const delivered = (await h.alerts()).alerts.filter((a) => a.ticketId !== null)
    expect(delivered).toHaveLength(4)
    const ticketOf = new Map<string, Set<string>>()
    for (const a of delivered) ticketOf.set(a.groupKey, (ticketOf.get(a.groupKey) ?? new Set()).add(a.ticketId!))
    expect(ticketOf.size).toBe(2)
    expect(new Set([...ticketOf.values()].map((x) => [...x].join()))).toEqual(new Set([jcTicket.id, saTicket.id]))
  }, 60_000)
})
