import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app/app'
import type { AlertCycleResult } from '../../../src/shared/contract/ticketing'
import { simEnv } from '../../helpers/sim-app'
import { useTicketing } from './setup'

const start = useTicketing()
const extra: App[] = []
afterEach(async () => {
  for (const a of extra.splice(0)) await a.close()
})

describe.each(['syncro', 'autotask'] as const)('Alert cycles of two processes on one data dir (%s)', (psa) => {
  it('the desktop app and the CLI polling at the same moment create each ticket once', async () => {
    const h = await start(psa)
    // A second core on the same data dir, as `psa-bridge sync` opens next to the running desktop app.
    const cli = await createApp({ dataDir: h.s.dataDir, secrets: h.s.secrets, env: simEnv(h.s.sims), now: h.clock.now })
    extra.push(cli)
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    h.inject(h.orgs.b.id, 'system_fde_key_decrypt', { device: 'MAC-1' }, 4)

    const [desk, other] = await Promise.all([h.poll(), cli.dispatch('pollAlertsNow', {})])
    expect(other.ok).toBe(true)
    const results = [desk, (other as { value: AlertCycleResult }).value]
    expect(
      h
        .tickets()
        .map((t) => t.customerId)
        .sort()
    ).toEqual([h.customers.a.id, h.customers.b.id].sort())
    expect(results.reduce((n, r) => n + r.ticketsCreated, 0)).toBe(2)
    // The one that found the other busy says so instead of pretending nothing was due.
    const skipped = results.find((r) => r.ticketsCreated === 0)
    expect(skipped).toMatchObject({ ran: false, message: expect.stringMatching(/another .*process/i) })

    // The lease is released: the next cycle of either process runs.
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 3)
    expect(await h.poll()).toMatchObject({ ran: true, notesAdded: 1 })
    expect(h.tickets()).toHaveLength(2)
  })
})
