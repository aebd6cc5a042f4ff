import { describe, expect, it } from 'vitest'
import type { AlertTicketRow } from '../../../src/shared/contract/ticketing'
import { useTicketing } from './setup'

const start = useTicketing()

describe.each(['syncro', 'autotask'] as const)('Ticketing against the %s simulator', (psa) => {
  it('opens one ticket per group and turns repeats into notes, even with a timestamp in the subject', async () => {
    const h = await start(psa)
    await h.save({ ...(await h.settings()), subjectTemplate: '{alertType}: {user} at {time}' })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    let r = await h.poll()
    expect(r).toMatchObject({ ran: true, newAlerts: 1, ticketsCreated: 1, notesAdded: 0, failed: 0 })
    expect(h.tickets()).toHaveLength(1)
    const [first] = h.tickets()
    expect(first).toMatchObject({ customerId: h.customers.a.id })
    expect(first!.subject).toContain('User Lockout: alice at ')

    // Two repeats for alice (one of them in another case), one lockout for bob, one admin grant for alice.
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3.5)
    h.inject(h.orgs.a.id, 'USER_LOCKOUT', { user: 'Alice' }, 3)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'bob' }, 3)
    h.inject(h.orgs.a.id, 'user_admin_granted', { user: 'alice' }, 3)
    r = await h.poll()
    // Both repeats of alice's lockout found in one cycle become ONE note listing them.
    expect(r).toMatchObject({ newAlerts: 4, ticketsCreated: 2, notesAdded: 1 })
    const tickets = h.tickets()
    expect(tickets).toHaveLength(3)
    expect(tickets.find((t) => t.id === first!.id)!.notes).toHaveLength(1)
    expect(tickets.find((t) => t.id === first!.id)!.notes[0]).toMatchObject({
      internal: true,
      title: 'Repeated alert: User Lockout (×2)'
    })
    expect(tickets.filter((t) => t.id !== first!.id).map((t) => t.notes.length)).toEqual([0, 0])

    // Overlapping windows re-read the same events: nothing new happens.
    h.clock.advance(60_000)
    r = await h.poll()
    expect(r).toMatchObject({ newAlerts: 0, ticketsCreated: 0, notesAdded: 0 })
    expect(h.tickets().flatMap((t) => t.notes)).toHaveLength(1)
    const list = await h.alerts()
    expect(list.counts).toMatchObject({ delivered: 5, queued: 0 })
    expect(list.alerts.every((a) => a.ticketId !== null)).toBe(true)
  })

  it('opens a new ticket when the group ticket was closed in the PSA', async () => {
    const h = await start(psa)
    h.inject(h.orgs.b.id, 'system_fde_key_decrypt', { device: 'LAPTOP-7' }, 4)
    await h.poll()
    const [first] = h.tickets()
    expect(first).toMatchObject({ customerId: h.customers.b.id })
    h.close(first!.id)
    h.inject(h.orgs.b.id, 'system_fde_key_decrypt', { device: 'LAPTOP-7' }, 3)
    const r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 1, notesAdded: 0 })
    const tickets = h.tickets()
    expect(tickets).toHaveLength(2)
    expect(tickets.every((t) => t.notes.length === 0)).toBe(true)
    const rows = await h.s.call<AlertTicketRow[]>('listAlertTickets', {})
    expect(rows.map((x) => x.state)).toEqual(['open', 'closed'])
  })

  it('keeps alerts of an unmapped org waiting, then sends them to the catch-all customer; every ticket is in Activity', async () => {
    const h = await start(psa)
    h.inject(h.orgs.c.id, 'user_password_expired', { user: 'carol' }, 4)
    let r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 0, waitingMapping: 1 })
    expect(h.tickets()).toHaveLength(0)
    expect((await h.alerts('waiting-mapping')).alerts.map((a) => a.user)).toEqual(['carol'])

    await h.s.call('setCatchAllCustomer', { customerId: h.customers.c.id })
    r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 1, waitingMapping: 0 })
    expect(h.tickets()).toEqual([expect.objectContaining({ customerId: h.customers.c.id })])
    const rows = await h.s.call<AlertTicketRow[]>('listAlertTickets', {})
    expect(rows).toEqual([
      expect.objectContaining({
        ticketId: h.tickets()[0]!.id,
        customerId: h.customers.c.id,
        customerName: h.customers.c.name,
        state: 'open',
        alerts: 1
      })
    ])
    const activity = h.s.app.db
      .prepare(`SELECT detail_json FROM activity WHERE action = 'ticket.created'`)
      .all() as Array<{ detail_json: string }>
    expect(activity.map((a) => JSON.parse(a.detail_json).ticketId)).toEqual([h.tickets()[0]!.id])
  })

  it('creates nothing while the master toggle is off', async () => {
    const h = await start(psa)
    await h.save({ ...(await h.settings()), enabled: false })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    const r = await h.poll()
    expect(r).toMatchObject({ ran: false, ticketsCreated: 0 })
    expect(h.tickets()).toHaveLength(0)
    expect(h.s.sims.jumpcloud.exchanges.filter((x) => x.path.includes('/events'))).toHaveLength(0)
  })

  it('records alerts of a type that is switched off without a ticket', async () => {
    const h = await start(psa)
    const s = await h.settings()
    await h.save({ ...s, types: { ...s.types, 'user-lockout': { ...s.types['user-lockout'], enabled: false } } })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    h.inject(h.orgs.a.id, 'user_password_expired', { user: 'alice' }, 4)
    await h.poll()
    expect(h.tickets()).toHaveLength(1)
    expect((await h.alerts()).counts).toMatchObject({ disabled: 1, delivered: 1 })
  })

  it('puts per-alert overrides into the created ticket and defaults elsewhere; rejects a value not in the PSA list', async () => {
    const h = await start(psa)
    const c = h.choices
    const open = c.statuses.filter((x) => !c.closedStatuses.includes(x.value))
    expect(open.length).toBeGreaterThan(1)
    expect(c.priorities.length).toBeGreaterThan(1)
    expect(c.issueTypes.length).toBeGreaterThan(1)
    expect(c.technicians.length).toBeGreaterThan(0)
    const s = await h.settings()
    const override = {
      priority: c.priorities[1]!.value,
      issueType: c.issueTypes[1]!.value,
      status: open[1]!.value,
      daysDue: 3,
      technicianId: c.technicians[0]!.value,
      queue: psa === 'autotask' ? c.queues.at(-1)!.value : null
    }
    await h.save({
      ...s,
      defaults: { ...s.defaults, priority: c.priorities[0]!.value },
      types: {
        ...s.types,
        'fde-key-decrypted': { enabled: true, overrides: { ...s.types['fde-key-decrypted'].overrides, ...override } }
      }
    })
    h.inject(h.orgs.a.id, 'system_fde_key_decrypt', { device: 'LAPTOP-1' }, 4)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    await h.poll()
    const fde = h.tickets().find((t) => t.subject.startsWith('Disk Encryption Key Decrypted'))!
    const lockout = h.tickets().find((t) => t.subject.startsWith('User Lockout'))!
    expect(fde).toMatchObject({
      priority: override.priority,
      issueType: override.issueType,
      status: override.status,
      technicianId: override.technicianId
    })
    expect(fde.subject).toContain('LAPTOP-1')
    expect(Date.parse(fde.dueDate!) - h.clock.now().getTime()).toBeCloseTo(3 * 86_400_000, -5)
    if (psa === 'autotask') expect(fde.queue).toBe(override.queue)
    expect(lockout).toMatchObject({ priority: c.priorities[0]!.value, technicianId: null, dueDate: null })

    await expect(
      h.save({
        ...s,
        types: {
          ...s.types,
          'user-lockout': {
            enabled: true,
            overrides: { ...s.types['user-lockout'].overrides, priority: 'No Such Priority' }
          }
        }
      })
    ).rejects.toMatchObject({ envelope: { code: 'validation', field: 'user-lockout.priority' } })
  })

  it('snoozed and acknowledged groups record repeats without notes; a test ticket is marked and linked', async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 6)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'bob' }, 6)
    await h.poll()
    const groups = (await h.alerts()).alerts.map((a) => a.groupKey)
    const [alice, bob] = [groups.find((g) => g.endsWith('|alice'))!, groups.find((g) => g.endsWith('|bob'))!]
    await h.s.call('snoozeGroup', {
      groupKey: alice,
      until: new Date(h.clock.now().getTime() + 3_600_000).toISOString()
    })
    await h.s.call('acknowledgeGroup', { groupKey: bob })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'bob' }, 4)
    const r = await h.poll()
    expect(r).toMatchObject({ newAlerts: 2, suppressed: 2, notesAdded: 0, ticketsCreated: 0 })
    expect(h.tickets().flatMap((t) => t.notes)).toHaveLength(0)
    // Un-snoozing brings the notes back for later repeats.
    await h.s.call('snoozeGroup', { groupKey: alice, until: null })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3)
    expect(await h.poll()).toMatchObject({ notesAdded: 1 })

    const test = await h.s.call<{ ticketId: string; subject: string; ticketUrl: string | null }>('sendTestTicket', {
      customerId: h.customers.b.id
    })
    expect(test.subject.startsWith('[TEST] ')).toBe(true)
    expect(h.tickets().find((t) => t.id === test.ticketId)).toMatchObject({ customerId: h.customers.b.id })
    if (psa === 'syncro') expect(test.ticketUrl).toContain(`/tickets/${test.ticketId}`)
    const rows = await h.s.call<AlertTicketRow[]>('listAlertTickets', {})
    expect(rows.filter((x) => x.isTest).map((x) => x.ticketId)).toEqual([test.ticketId])
  })

  it("after an org is re-mapped to another customer, repeats open a ticket there instead of noting the old customer's ticket", async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    await h.poll()
    const [first] = h.tickets()
    expect(first).toMatchObject({ customerId: h.customers.a.id })

    // The admin fixes a wrong mapping: org A belongs to customer C. A's ticket must not receive C's alerts.
    await h.s.call('mapOrg', { source: 'jumpcloud', orgId: h.orgs.a.id, customerId: h.customers.c.id })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1, notesAdded: 0, failed: 0 })
    const tickets = h.tickets()
    expect(tickets.find((t) => t.id === first!.id)!.notes).toEqual([])
    expect(tickets.filter((t) => t.id !== first!.id)).toEqual([
      expect.objectContaining({ customerId: h.customers.c.id })
    ])

    // Mapping removed (no catch-all): the alert waits rather than landing on a former customer's ticket.
    await h.s.call('unmapOrg', { source: 'jumpcloud', orgId: h.orgs.a.id })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 2.5)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 0, notesAdded: 0, waitingMapping: 1 })
    expect(h.tickets().flatMap((t) => t.notes)).toEqual([])
  })

  it('opens a new ticket when adding a note is refused for permissions', async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    await h.poll()
    if (psa === 'syncro')
      h.psaFault({
        kind: 'status',
        status: 401,
        body: { error: 'Not authorized. Please ask account admin to update your group permissions.' },
        match: { method: 'POST', path: '/comment$' }
      })
    else h.s.sims.autotask.state.apiUsers[0]!.denyWrite.push('TicketNotes')
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3)
    const r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 1, notesAdded: 0, failed: 0 })
    expect(h.tickets()).toHaveLength(2)
    expect((await h.alerts()).counts).toMatchObject({ delivered: 2, queued: 0 })
  })
})
