import { describe, expect, it } from 'vitest'
import type { AlertTicketRow } from '../../../src/shared/contract/ticketing'
import { BACKOFF_MAX_MS } from '../../../src/main/ticketing/delivery'
import { useTicketing, type Psa } from './setup'

const start = useTicketing()

/** POSTs that created a ticket, as counted by the simulator (a lost reply still counts). */
function ticketPosts(h: Awaited<ReturnType<typeof start>>, psa: Psa): number {
  const stats = (psa === 'syncro' ? h.s.sims.syncro : h.s.sims.autotask).stats().byRoute
  return Object.entries(stats)
    .filter(([k]) => (psa === 'syncro' ? /^POST .*\/tickets$/ : /^POST .*\/Tickets$/).test(k))
    .reduce((n, [, v]) => n + v, 0)
}

describe.each(['syncro', 'autotask'] as const)('Ticketing delivery faults against the %s simulator', (psa) => {
  it('a lost reply on ticket creation (then an app restart) still ends with exactly one ticket', async () => {
    const h = await start(psa)
    h.psaFault({ kind: 'drop-reply', match: { method: 'POST', path: h.createTicketPath }, count: 1 })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    let r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 0, failed: 1, queued: 1 })
    expect(h.tickets()).toHaveLength(1) // the PSA did create it; we never heard back
    let rows = await h.s.call<AlertTicketRow[]>('listAlertTickets', {})
    expect(rows).toEqual([expect.objectContaining({ state: 'creating', ticketId: null })])

    await h.s.restart()
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3)
    h.clock.advance(BACKOFF_MAX_MS)
    r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 1, notesAdded: 1, failed: 0, queued: 0 })
    const tickets = h.tickets()
    expect(tickets).toHaveLength(1)
    expect(tickets[0]!.notes).toHaveLength(1)
    expect(ticketPosts(h, psa)).toBe(1)
    rows = await h.s.call<AlertTicketRow[]>('listAlertTickets', {})
    expect(rows).toEqual([expect.objectContaining({ state: 'open', ticketId: tickets[0]!.id, alerts: 2 })])
  })

  it('a lost reply on a note: the retry finds the note by its marker and adds no second one', async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 5)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1 })
    h.psaFault({
      kind: 'drop-reply',
      match: { method: 'POST', path: psa === 'syncro' ? '/comment$' : '/Notes$' },
      count: 1
    })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3)
    expect(await h.poll()).toMatchObject({ notesAdded: 0, failed: 1, queued: 1 })
    expect(h.tickets()[0]!.notes).toHaveLength(1) // the PSA did add it; we never heard back

    h.clock.advance(BACKOFF_MAX_MS)
    expect(await h.poll()).toMatchObject({ notesAdded: 1, failed: 0, queued: 0 })
    expect(h.tickets()[0]!.notes).toHaveLength(1)
  })

  it('a request that never reached the PSA is created after the marker lookup finds nothing', async () => {
    const h = await start(psa)
    h.psaFault({ kind: 'reset', match: { method: 'POST', path: h.createTicketPath }, count: 1 })
    h.inject(h.orgs.a.id, 'system_fde_key_decrypt', { device: 'MAC-9' }, 4)
    expect(await h.poll()).toMatchObject({ failed: 1 })
    expect(h.tickets()).toHaveLength(0)
    h.clock.advance(BACKOFF_MAX_MS)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1, failed: 0 })
    expect(h.tickets()).toHaveLength(1)
  })

  it('a create that never reached the PSA is retried at the new customer when the org was re-mapped meanwhile', async () => {
    const h = await start(psa)
    h.psaFault({ kind: 'reset', match: { method: 'POST', path: h.createTicketPath }, count: 1 })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    expect(await h.poll()).toMatchObject({ failed: 1 })
    await h.s.call('mapOrg', { source: 'jumpcloud', orgId: h.orgs.a.id, customerId: h.customers.c.id })
    h.clock.advance(BACKOFF_MAX_MS)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1, failed: 0 })
    expect(h.tickets()).toEqual([expect.objectContaining({ customerId: h.customers.c.id })])
  })

  it('a 5xx storm on creation: backoff between attempts, then one ticket per group', async () => {
    const h = await start(psa)
    h.psaFault({ kind: 'status', status: 503, match: { method: 'POST', path: h.createTicketPath }, count: 4 })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    h.inject(h.orgs.b.id, 'user_lockout', { user: 'dave' }, 4)
    expect(await h.poll()).toMatchObject({ failed: 2, queued: 2 })
    const queued = (await h.alerts('queued')).alerts
    expect(queued.map((a) => a.attempts)).toEqual([1, 1])
    expect(
      queued.every(
        (a) => a.lastError?.startsWith('unavailable') && Date.parse(a.nextAttemptAt!) > h.clock.now().getTime()
      )
    ).toBe(true)

    // Not due yet: nothing is sent.
    const before = ticketPosts(h, psa)
    expect(await h.poll()).toMatchObject({ failed: 0, ticketsCreated: 0, queued: 2 })
    expect(ticketPosts(h, psa)).toBe(before)

    for (let i = 0; i < 5 && h.tickets().length < 2; i++) {
      h.clock.advance(BACKOFF_MAX_MS)
      await h.poll()
    }
    const tickets = h.tickets()
    expect(tickets.map((t) => t.customerId).sort()).toEqual([h.customers.a.id, h.customers.b.id].sort())
    expect((await h.alerts()).counts).toMatchObject({ delivered: 2, queued: 0 })
  })

  it('a PSA outage over several polls (with a restart): every alert is delivered after it ends, oldest first', async () => {
    const h = await start(psa)
    h.psaFault({ kind: 'status', status: 502 })
    const users = ['u1', 'u2', 'u1']
    for (const [i, user] of users.entries()) {
      h.inject(h.orgs.a.id, 'user_lockout', { user }, 3)
      const r = await h.poll()
      expect(r.ticketsCreated + r.notesAdded).toBe(0)
      if (i === 1) await h.s.restart()
      h.clock.advance(60_000)
    }
    const waiting = await h.alerts('queued')
    expect(waiting.alerts).toHaveLength(3)
    expect(waiting.oldestQueuedSeconds).toBeGreaterThanOrEqual(5 * 60)

    h.clearPsaFaults()
    h.clock.advance(BACKOFF_MAX_MS)
    const r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 2, notesAdded: 1, queued: 0, failed: 0 })
    const tickets = h.tickets()
    expect(tickets).toHaveLength(2)
    expect(tickets.find((t) => t.subject.includes('u1'))!.notes).toHaveLength(1)
  })
})
