import { describe, expect, it, vi } from 'vitest'
import { BACKOFF_MAX_MS } from '../../../src/main/ticketing/delivery'
import { LEASE_TTL_MS } from '../../../src/main/core/lease'
import { useTicketing, type Psa } from './setup'

const start = useTicketing()
type H = Awaited<ReturnType<typeof start>>

const notePath = (psa: Psa) => (psa === 'syncro' ? '/comment$' : '/Notes$')

/** Requests the PSA simulator served since `from`, by method and a path pattern. */
function served(h: H, from: number, method: string, path: RegExp): number {
  const log = h.psa === 'syncro' ? h.s.sims.syncro.requests : h.s.sims.autotask.requests
  return log.slice(from).filter((r) => r.method === method && path.test(r.path)).length
}
/** Note POSTs that reached the simulator, counted on arrival (before any delay fault holds them). */
function notesArrived(h: H): number {
  const stats = (h.psa === 'syncro' ? h.s.sims.syncro : h.s.sims.autotask).stats().byRoute
  return Object.entries(stats)
    .filter(([k]) => new RegExp(`^POST .*${notePath(h.psa)}`).test(k))
    .reduce((n, [, v]) => n + v, 0)
}
const logSize = (h: H) => (h.psa === 'syncro' ? h.s.sims.syncro.requests : h.s.sims.autotask.requests).length

describe.each(['syncro', 'autotask'] as const)('Alert batching against the %s simulator', (psa) => {
  it('N repeats in one cycle become one note naming all N events, with one read of the ticket', async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 6)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1 })
    h.clock.advance(60_000)
    const N = 5
    const ids = Array.from({ length: N }, (_, i) =>
      h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4 - i * 0.25)
    )
    const from = logSize(h)
    const r = await h.poll()
    expect(r).toMatchObject({ newAlerts: N, ticketsCreated: 0, notesAdded: 1, failed: 0, queued: 0 })
    const [t] = h.tickets()
    expect(t!.notes).toHaveLength(1)
    const note = t!.notes[0]!
    expect(note.title).toBe(`Repeated alert: User Lockout (×${N})`)
    expect(note.body).toContain(`${N} repeats of this alert since the last check, oldest first`)
    const alerts = (await h.alerts()).alerts.filter((a) => ids.includes(a.eventId))
    expect(alerts).toHaveLength(N)
    for (const a of alerts) {
      expect(a).toMatchObject({ state: 'delivered', delivery: 'note', ticketId: t!.id })
      expect(note.body).toContain(a.occurredAt)
    }
    const times = alerts.map((a) => note.body.indexOf(a.occurredAt))
    expect([...times].sort((x, y) => x - y)).toEqual(
      [...alerts].sort((x, y) => x.occurredAt.localeCompare(y.occurredAt)).map((a) => note.body.indexOf(a.occurredAt))
    )
    expect(served(h, from, 'POST', new RegExp(notePath(psa)))).toBe(1)
    // The ticket's state is read once for the group, not once per repeat.
    expect(served(h, from, 'GET', psa === 'syncro' ? /\/tickets\/\d+$/ : /\/Tickets\/\d+$/)).toBe(1)
  })

  it('a new group with repeats in its first cycle: one ticket plus one note of the repeats, no ticket read', async () => {
    const h = await start(psa)
    for (let i = 0; i < 4; i++) h.inject(h.orgs.b.id, 'system_fde_key_decrypt', { device: 'MAC-1' }, 5 - i * 0.5)
    const from = logSize(h)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1, notesAdded: 1 })
    expect(h.tickets().map((t) => t.notes.length)).toEqual([1])
    expect(h.tickets()[0]!.notes[0]!.title).toContain('(×3)')
    expect(served(h, from, 'GET', psa === 'syncro' ? /\/tickets\/\d+$/ : /\/Tickets\/\d+$/)).toBeLessThanOrEqual(
      psa === 'autotask' ? 1 : 0 // Autotask reads the new ticket once for its number
    )
  })

  it('a lost reply on a batched note: the retry finds its marker and adds nothing twice', async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 6)
    await h.poll()
    h.psaFault({ kind: 'drop-reply', match: { method: 'POST', path: notePath(psa) }, count: 1 })
    for (const m of [4, 3.5, 3]) h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, m)
    expect(await h.poll()).toMatchObject({ notesAdded: 0, failed: 1, queued: 3 })
    expect(h.tickets()[0]!.notes).toHaveLength(1) // the PSA did add it; we never heard back
    h.clock.advance(BACKOFF_MAX_MS)
    expect(await h.poll()).toMatchObject({ notesAdded: 1, failed: 0, queued: 0 })
    expect(h.tickets()[0]!.notes).toHaveLength(1)
    expect((await h.alerts()).counts).toMatchObject({ delivered: 4, queued: 0 })
  })

  it('a crash between the note POST and its record (no failure recorded) still ends with one note', async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 6)
    await h.poll()
    // The note request is held at the PSA long enough for the process to "die" while it is in flight.
    h.psaFault({ kind: 'delay', delayMs: 300, match: { method: 'POST', path: notePath(psa) }, count: 1 })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3)
    const before = notesArrived(h)
    const cycle = h.poll()
    await vi.waitFor(() => expect(notesArrived(h)).toBe(before + 1))
    await h.s.app.close() // killed: nothing after the POST reaches the database
    await expect(cycle).rejects.toThrow()
    await vi.waitFor(() => expect(h.tickets()[0]!.notes).toHaveLength(1)) // the PSA did add it
    await h.s.restart()
    h.clock.advance(LEASE_TTL_MS + 1) // the dead process's lease expires
    const r = await h.poll()
    expect(r).toMatchObject({ notesAdded: 1, failed: 0, queued: 0 })
    expect(h.tickets()[0]!.notes).toHaveLength(1)
    expect((await h.alerts()).counts).toMatchObject({ delivered: 3, queued: 0 })
  })
})
