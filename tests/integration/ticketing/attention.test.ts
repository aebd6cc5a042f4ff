import { describe, expect, it } from 'vitest'
import type { Status } from '../../../src/shared/contract/system'
import type { TicketingSettings } from '../../../src/shared/contract/ticketing'
import { BACKOFF_MAX_MS } from '../../../src/main/ticketing/delivery'
import { useTicketing, type Psa } from './setup'

const start = useTicketing()
type H = Awaited<ReturnType<typeof start>>

/** Settings as an older version (or a hand-edited store) left them: written without the screen's checks. */
function storeRaw(h: H, s: TicketingSettings): void {
  h.s.app.db.prepare('UPDATE settings SET value_json = ? WHERE key = ?').run(JSON.stringify(s), `${h.psa}.ticketing`)
}

function createPosts(h: H, psa: Psa): number {
  const stats = (psa === 'syncro' ? h.s.sims.syncro : h.s.sims.autotask).stats().byRoute
  return Object.entries(stats)
    .filter(([k]) => new RegExp(`^POST .*${h.createTicketPath}`).test(k))
    .reduce((n, [, v]) => n + v, 0)
}

describe('Autotask ticketing requirements', () => {
  it('refuses to switch ticketing on without a queue or a technician, and says what is missing', async () => {
    const h = await start('autotask')
    const s = await h.settings()
    const bare = { ...s, defaults: { ...s.defaults, queue: null, technicianId: null } }
    await expect(h.save(bare)).rejects.toMatchObject({
      envelope: { code: 'validation', message: expect.stringMatching(/queue or a technician/) }
    })
    // Switched off, the same settings can be saved (work in progress) and the screen lists the problem.
    const view = await h.save({ ...bare, enabled: false })
    expect(view.problems).toEqual([
      expect.objectContaining({ field: 'queue', message: expect.stringMatching(/queue or technician/) })
    ])
    // A per-type technician is enough for that type; the other types still need a default.
    const tech = h.choices.technicians[0]!.value
    const perType = {
      ...bare,
      types: {
        ...bare.types,
        'user-lockout': {
          ...bare.types['user-lockout'],
          overrides: { ...bare.types['user-lockout'].overrides, technicianId: tech }
        }
      }
    }
    await expect(h.save(perType)).rejects.toMatchObject({ envelope: { code: 'validation' } })
    await expect(h.save({ ...bare, defaults: { ...bare.defaults, technicianId: tech } })).resolves.toMatchObject({
      problems: []
    })
  })
})

describe.each(['syncro', 'autotask'] as const)('Alerts that need a setting changed (%s)', (psa) => {
  it('an alert that fails validation is parked as needing attention with what to change, not retried; a fix delivers it', async () => {
    const h = await start(psa)
    const good = await h.settings()
    storeRaw(h, { ...good, defaults: { ...good.defaults, priority: '99 Bogus' } })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    const r = await h.poll()
    expect(r).toMatchObject({ ticketsCreated: 0, failed: 0, queued: 0, attention: 1 })
    expect(r.attentionReason).toMatch(/Priority "99 Bogus" is not in the PSA's list/)
    expect(r.message).toMatch(/1 need attention/)
    const [a] = (await h.alerts('attention')).alerts
    expect(a).toMatchObject({ state: 'attention', lastError: expect.stringMatching(/pick a current value/) })
    const status = await h.s.call<Status>('getStatus')
    expect(status.alerts).toMatchObject({ attention: 1, attentionReason: expect.stringMatching(/99 Bogus/) })

    // Not retried by itself, however long it waits.
    const posts = createPosts(h, psa)
    h.clock.advance(BACKOFF_MAX_MS * 4)
    expect(await h.poll()).toMatchObject({ attention: 1, failed: 0, ticketsCreated: 0 })
    expect(createPosts(h, psa)).toBe(posts)

    // Saving a valid setting is the change it waited for.
    await h.save(good)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1, attention: 0 })
    expect((await h.s.call<Status>('getStatus')).alerts).toMatchObject({ attention: 0, attentionReason: null })
  })

  it('switching ticketing back on starts from now: what happened while it was off becomes no ticket', async () => {
    const h = await start(psa)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1 })
    const s = await h.settings()
    await h.save({ ...s, enabled: false })
    h.clock.advance(10 * 60_000)
    h.inject(h.orgs.b.id, 'user_lockout', { user: 'bob' }, 5) // while off
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4) // while off, a repeat
    const v = await h.save({ ...s, enabled: true })
    expect(v.settings.enabled).toBe(true)
    expect(await h.poll()).toMatchObject({ newAlerts: 0, ticketsCreated: 0, notesAdded: 0 })
    // Something that happens after switching on is delivered as usual.
    h.clock.advance(4 * 60_000)
    h.inject(h.orgs.b.id, 'user_lockout', { user: 'bob' }, 2.5) // 1.5 min after switching on
    const r = await h.poll()
    expect(r).toMatchObject({ newAlerts: 1, ticketsCreated: 1 })
    expect(
      h
        .tickets()
        .map((t) => t.customerId)
        .sort()
    ).toEqual([h.customers.a.id, h.customers.b.id].sort())
    expect(h.tickets().flatMap((t) => t.notes)).toEqual([])
  })
})

describe.each(['syncro', 'autotask'] as const)('config import of ticket settings (%s)', (psa) => {
  it('refuses a priority the PSA does not have, naming the path, and changes nothing', async () => {
    const h = await start(psa)
    const before = await h.s.call<{ ticketing: TicketingSettings }>('exportConfig')
    const bogus = {
      ...before,
      ticketing: { ...before.ticketing, defaults: { ...before.ticketing.defaults, priority: '99 Bogus' } }
    }
    await expect(h.s.call('importConfig', { config: bogus })).rejects.toMatchObject({
      envelope: {
        code: 'validation',
        field: 'ticketing.defaults.priority',
        message: expect.stringContaining('99 Bogus')
      }
    })
    expect((await h.settings()).defaults.priority).toBe(before.ticketing.defaults.priority)
    if (psa === 'autotask') {
      const noQueue = {
        ...before,
        ticketing: { ...before.ticketing, defaults: { ...before.ticketing.defaults, queue: null } }
      }
      await expect(h.s.call('importConfig', { config: noQueue })).rejects.toMatchObject({
        envelope: { code: 'validation', message: expect.stringMatching(/queue or a technician/) }
      })
    }
  })
})
