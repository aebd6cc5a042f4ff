import { describe, expect, it } from 'vitest'
import { FIRST_LOOKBACK_MS, LAG_MS, ORG_LIST_MAX_AGE_MS, OVERLAP_MS } from '../../../src/main/ticketing/intake'
import { useTicketing } from './setup'

const start = useTicketing()

describe('Alert intake from JumpCloud Directory Insights', () => {
  it('one request for all orgs, a lagging window, late events caught by the overlap, each event processed once', async () => {
    const h = await start('syncro')
    const di = () => h.s.sims.jumpcloud.exchanges.filter((x) => x.method === 'POST' && x.path.endsWith('/events'))
    const changed: unknown[] = []
    h.s.app.events.on('alertsChanged', (p) => void changed.push(p))

    // Inside the lag (1 min old): not read yet. Older than the first look-back: history, never an alert.
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'recent' }, LAG_MS / 60_000 / 2)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'ancient' }, (FIRST_LOOKBACK_MS + OVERLAP_MS) / 60_000 + 5)
    expect(await h.poll()).toMatchObject({ newAlerts: 0 })
    expect(di()).toHaveLength(1)
    expect(new Set(di()[0]!.orgIds)).toEqual(new Set(h.s.sims.jumpcloud.state.orgs.map((o) => o.id)))
    expect(changed).toEqual([{ ticketsCreated: 0, notesAdded: 0, queued: 0 }])

    h.clock.advance(LAG_MS)
    expect(await h.poll()).toMatchObject({ newAlerts: 1, ticketsCreated: 1 })

    // Indexed late: its time is before the cursor but within the overlap.
    h.inject(h.orgs.b.id, 'user_lockout', { user: 'late' }, LAG_MS / 60_000 + 2)
    expect(await h.poll()).toMatchObject({ newAlerts: 1, ticketsCreated: 1 })
    expect(await h.poll()).toMatchObject({ newAlerts: 0, ticketsCreated: 0 })
    expect(
      h
        .tickets()
        .map((t) => t.subject)
        .sort()
    ).toEqual(['User Lockout: late (' + h.orgs.b.name + ')', 'User Lockout: recent (' + h.orgs.a.name + ')'].sort())
  })

  it('a JumpCloud failure keeps the cursor (nothing is skipped) and still delivers what is queued', async () => {
    const h = await start('autotask')
    h.inject(h.orgs.b.id, 'user_lockout', { user: 'bob' }, 4)
    h.psaFault({ kind: 'status', status: 503, match: { method: 'POST', path: h.createTicketPath }, count: 1 })
    expect(await h.poll()).toMatchObject({ pollError: null, failed: 1, queued: 1 })
    h.clock.advance(10 * 60_000)
    // After the last successful window but more than one overlap before the end of the next one.
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 9)
    h.s.sims.jumpcloud.faults.add({ kind: 'status', status: 401, count: 1 })
    const r = await h.poll()
    expect(r.pollError).toMatch(/\S/)
    expect(r).toMatchObject({ newAlerts: 0, ticketsCreated: 1, queued: 0 })
    expect(await h.poll()).toMatchObject({ pollError: null, newAlerts: 1, ticketsCreated: 1 })
  })
})

describe('Alert intake: organizations created after the last refresh', () => {
  it('re-reads a stale org list so a new client org has its alerts read (and waiting for a mapping)', async () => {
    const h = await start('syncro')
    const lastOrgIds = () =>
      h.s.sims.jumpcloud.exchanges.filter((x) => x.method === 'POST' && x.path.endsWith('/events')).at(-1)!.orgIds
    await h.poll()
    const org = {
      ...h.s.sims.jumpcloud.state.orgs[0]!,
      id: 'aaaaaaaaaaaaaaaaaaaaaaaa',
      name: 'Brand New Client',
      users: [],
      systems: [],
      events: []
    }
    h.s.sims.jumpcloud.state.orgs.push(org)
    h.clock.advance(LAG_MS)
    await h.poll()
    // The cached list is still fresh: the new org is not asked for yet.
    expect(lastOrgIds()).not.toContain(org.id)

    h.clock.advance(ORG_LIST_MAX_AGE_MS)
    h.inject(org.id, 'user_lockout', { user: 'newbie' }, 3)
    expect(await h.poll()).toMatchObject({ newAlerts: 1, waitingMapping: 1 })
    expect(lastOrgIds()).toContain(org.id)
    expect((await h.alerts('waiting-mapping')).alerts.map((a) => a.user)).toEqual(['newbie'])
  })
})
