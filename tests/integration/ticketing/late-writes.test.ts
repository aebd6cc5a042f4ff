import { describe, expect, it, vi } from 'vitest'
import { useTicketing, type Psa } from './setup'

const start = useTicketing()
type H = Awaited<ReturnType<typeof start>>

// A request the client gave up on (timeout) may still be applied by the PSA afterwards: a marker lookup made
// before it lands finds nothing, and re-sending then would duplicate the note or ticket (faults proof suite).
const TIMEOUT_MS = 300
const LATE_MS = 1_200

const notePath = (psa: Psa) => (psa === 'syncro' ? '/comment$' : '/Notes$')

/** POSTs that reached the simulator on routes matching `path`, counted on arrival (before a delay holds them). */
function arrived(h: H, path: string): number {
  const stats = (h.psa === 'syncro' ? h.s.sims.syncro : h.s.sims.autotask).stats().byRoute
  return Object.entries(stats)
    .filter(([k]) => new RegExp(`^POST .*${path}`).test(k))
    .reduce((n, [, v]) => n + v, 0)
}

describe.each(['syncro', 'autotask'] as const)('Writes that land after a timeout on %s', (psa) => {
  it('a note that timed out is not sent again by a retry-now before it could land', async () => {
    const h = await start(psa, { env: { PSA_BRIDGE_HTTP_TIMEOUT_MS: String(TIMEOUT_MS) } })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 6)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1 })
    const before = arrived(h, notePath(psa))
    h.psaFault({ kind: 'delay', delayMs: LATE_MS, match: { method: 'POST', path: notePath(psa) }, count: 1 })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    expect(await h.poll()).toMatchObject({ notesAdded: 0, failed: 1, queued: 1 })
    // Retry now, while the timed-out note is still on its way: nothing may be sent twice.
    expect(await h.poll(true)).toMatchObject({ notesAdded: 0, queued: 1 })
    // Every note POST that reached the PSA has been applied.
    await vi.waitFor(() => expect(h.tickets()[0]!.notes).toHaveLength(arrived(h, notePath(psa)) - before))
    expect(await h.poll(true)).toMatchObject({ notesAdded: 1, failed: 0, queued: 0 })
    expect(h.tickets()[0]!.notes).toHaveLength(1)
    expect((await h.alerts()).counts).toMatchObject({ delivered: 2, queued: 0 })
  })

  it('a ticket create that timed out is not sent again by a retry-now before it could land', async () => {
    const h = await start(psa, { env: { PSA_BRIDGE_HTTP_TIMEOUT_MS: String(TIMEOUT_MS) } })
    h.psaFault({ kind: 'delay', delayMs: LATE_MS, match: { method: 'POST', path: h.createTicketPath }, count: 1 })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 0, failed: 1, queued: 1 })
    expect(await h.poll(true)).toMatchObject({ ticketsCreated: 0, queued: 1 })
    await vi.waitFor(() => expect(h.tickets()).toHaveLength(arrived(h, h.createTicketPath)))
    expect(await h.poll(true)).toMatchObject({ ticketsCreated: 1, failed: 0, queued: 0 })
    expect(h.tickets()).toHaveLength(1)
  })
})
