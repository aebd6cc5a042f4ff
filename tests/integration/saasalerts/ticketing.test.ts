import { describe, expect, it } from 'vitest'
import { saveOrgs, putMapping } from '../../../src/main/customers/store'
import type { SeverityTicketing, SeverityTicketingView } from '../../../src/shared/contract/severity-ticketing'
import type { AlertCycleResult, TicketingView } from '../../../src/shared/contract/ticketing'
import { useSimApp, type SimApp } from '../../helpers/sim-app'

// SaaS Alerts events become PSA tickets by severity: the mapped priority, the event type's issue-type
// override, repeats as notes with the note defaults, an unmapped org to the catch-all customer, the org's
// contract on its tickets; switching it on is refused until the required defaults are set.

const SA = 'saasalerts'

type Ticket = {
  subject: string
  customerId: string
  priority: string | null
  issueType: string | null
  notes: Array<{ title: string; internal: boolean }>
}

/** The PSA simulator's tickets, in one shape for both PSAs. */
function psaTickets(s: SimApp, psa: 'syncro' | 'autotask'): Ticket[] {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
  if (psa === 'syncro')
    return s.sims.syncro.account().tickets.map((t) => ({
      subject: t.subject,
      customerId: String(t.customer_id),
      priority: t.priority,
      issueType: t.problem_type,
      notes: t.comments.slice(1).map((c) => ({ title: c.subject, internal: c.hidden }))
    }))
  const tables = s.sims.autotask.state.tables
  return tables.Tickets.map((t) => ({
    subject: String(t.title),
    customerId: String(t.companyID),
    priority: str(t.priority),
    issueType: str(t.issueType),
    notes: tables.TicketNotes.filter((n) => n.ticketID === t.id).map((n) => ({
      title: String(n.title),
      internal: n.publish === 2
    }))
  }))
}

describe.each(['syncro', 'autotask'] as const)('SaaS Alerts ticketing on %s', (psa) => {
  const start = useSimApp()

  it('tickets each severity with its priority and override, notes repeats, routes unmapped to the catch-all', async () => {
    let t = Date.now()
    const s = await start({ psa, seed: 4, orgs: 6, now: () => new Date(t) })
    s.sims.saasalerts.state.events.length = 0
    await s.call('saveSaasAlerts', { apiKey: s.sims.credentials.saasalerts.apiKey })
    await s.call('refreshData', { from: 'both' })
    const tv = await s.call<TicketingView>('getTicketingSettings')
    const ch = tv.choices!
    const customers = (await s.call<{ customers: Array<{ id: string }> }>('getCustomersView')).customers
    const [custA, , custCatch] = customers
    const [orgA, orgB] = s.sims.saasalerts.state.customers
    // Mapping SaaS Alerts orgs: the org list of this source, one org mapped, one left for the catch-all.
    const at = new Date(t).toISOString()
    saveOrgs(
      s.app.db,
      SA,
      [orgA!, orgB!].map((c) => ({ id: c.customerId, name: c.name })),
      at
    )
    putMapping(s.app.db, {
      psa,
      source: SA,
      orgId: orgA!.customerId,
      customerId: custA!.id,
      origin: 'manual',
      actor: 'test',
      now: at
    })
    await s.call('setCatchAllCustomer', { customerId: custCatch!.id })

    const [p1, p2, p3] = ch.priorities.map((p) => p.value)
    const [it1, it2] = ch.issueTypes.map((p) => p.value)
    const view = await s.call<SeverityTicketingView>('getSourceTicketing', { source: SA })
    expect(view.missing).toContain('Priority for Critical alerts')
    const settings: SeverityTicketing = {
      ...view.settings,
      enabled: true,
      severities: {
        critical: { enabled: true, priority: p1! },
        medium: { enabled: true, priority: p2 ?? p1! },
        low: { enabled: true, priority: p3 ?? p1! }
      },
      defaults: {
        ...view.settings.defaults,
        issueType: it1!,
        status: ch.statuses[0]!.value,
        queue: psa === 'autotask' ? ch.queues[0]!.value : null,
        source: psa === 'autotask' ? ch.sources[0]!.value : null
      },
      eventTypeOverrides: [{ eventType: 'mfa.disable', issueType: it2 ?? it1!, subIssueType: null }],
      note: { ...view.settings.note, title: 'Again: {alertType}', visibility: 'internal' }
    }
    // The toggle refuses while something required is missing, and says what.
    const refused = await s.app.dispatch('saveSourceTicketing', {
      source: SA,
      settings: { ...settings, note: { ...settings.note, visibility: null } }
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('Note visibility')
    expect((await s.call<SeverityTicketingView>('saveSourceTicketing', { source: SA, settings })).missing).toEqual([])

    const ago = (min: number) => new Date(t - min * 60_000).toISOString()
    s.sims.saasalerts.control.addEvents([
      { customerId: orgA!.customerId, eventType: 'admin.new.admin', user: 'ana@a.example.com', timestamp: ago(5) },
      { customerId: orgA!.customerId, eventType: 'mfa.disable', user: 'ben@a.example.com', timestamp: ago(5) },
      {
        customerId: orgA!.customerId,
        eventType: 'login.failure',
        alertStatus: 'low',
        user: 'jo@a.example.com',
        timestamp: ago(5)
      },
      { customerId: orgB!.customerId, eventType: 'file.sharing.external', user: 'kai@b.example.com', timestamp: ago(5) }
    ])
    const r1 = await s.call<AlertCycleResult>('pollAlertsNow', {})
    expect(r1.ticketsCreated).toBe(4)
    const tickets = psaTickets(s, psa)
    const bySubject = (part: string) => tickets.find((x) => x.subject.includes(part))!
    expect(bySubject('New Admin Added')).toMatchObject({ customerId: custA!.id, priority: p1, issueType: it1 })
    expect(bySubject('MFA Disabled')).toMatchObject({ priority: p1, issueType: it2 ?? it1 })
    expect(bySubject('Authentication Failure')).toMatchObject({ priority: p3 ?? p1 })
    expect(bySubject('File Shared')).toMatchObject({ customerId: custCatch!.id, priority: p2 ?? p1 })

    // A repeat of one group (org + severity + event type + user) is a note with the note defaults.
    t += 10 * 60_000
    s.sims.saasalerts.control.addEvents([
      { customerId: orgA!.customerId, eventType: 'admin.new.admin', user: 'ana@a.example.com', timestamp: ago(4) }
    ])
    const r2 = await s.call<AlertCycleResult>('pollAlertsNow', {})
    expect([r2.ticketsCreated, r2.notesAdded]).toEqual([0, 1])
    const note = psaTickets(s, psa)
      .find((x) => x.subject.includes('New Admin Added'))!
      .notes.at(-1)!
    expect(note.title).toContain('Again: Critical: IAM Event - New Admin Added')
    expect(note.internal).toBe(true)

    // A test ticket follows the same rules: the severity's priority and the event type's override.
    const test = await s.call<{ subject: string }>('sendTestTicket', {
      customerId: custA!.id,
      source: SA,
      severity: 'low',
      eventType: 'MFA.Disable'
    })
    expect(test.subject).toMatch(/^\[TEST\] Low: Test alert from PSA Bridge/)
    expect(psaTickets(s, psa).find((x) => x.subject === test.subject)).toMatchObject({
      customerId: custA!.id,
      priority: p3 ?? p1,
      issueType: it2 ?? it1
    })
    const wrong = await s.app.dispatch('sendTestTicket', { customerId: custA!.id, source: 'jumpcloud' })
    expect(wrong.ok).toBe(false)
  })
})
