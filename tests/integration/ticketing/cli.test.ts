import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import type { AlertList } from '../../../src/shared/contract/ticketing'
import { kindLabel, SOURCE_KINDS } from '../../../src/shared/registry'
import { simEnv } from '../../helpers/sim-app'
import { useTicketing } from './setup'

const start = useTicketing()

describe('psa-bridge alerts / sync with automated ticketing on', () => {
  it('sync delivers alerts; alerts --json lists sent and queued alerts with their ticket ids', async () => {
    const h = await start('syncro')
    const c = h.s.sims.credentials
    // The CLI opens its own core on the same data dir, with secrets from the environment.
    const env = simEnv(h.s.sims, {
      PSA_BRIDGE_SECRET_STORE: 'env',
      PSA_BRIDGE_SYNCRO_API_TOKEN: c.syncro.apiToken,
      PSA_BRIDGE_JUMPCLOUD_API_KEY: c.jumpcloud.apiKey
    })
    const cli = async (...args: string[]) => {
      const out: string[] = []
      const err: string[] = []
      const code = await runCli(['--data-dir', h.s.dataDir, ...args], {
        out: (t) => void out.push(t),
        err: (t) => void err.push(t),
        env
      })
      return { code, out: out.join('\n'), err: err.join('\n') }
    }

    h.inject(h.orgs.a.id, 'user_lockout', { user: 'alice' }, 4)
    const sync = await cli('sync')
    expect(sync.err).toBe('')
    expect(sync.out).toContain('Alerts: 1 new alert(s), 1 ticket(s) created')
    const [ticket] = h.tickets()
    expect(ticket).toBeDefined()

    h.psaFault({ kind: 'status', status: 503, match: { method: 'POST', path: h.createTicketPath } })
    h.inject(h.orgs.a.id, 'user_lockout', { user: 'bob' }, 3)
    await cli('sync')
    const r = await cli('alerts', '--json')
    expect(r.code).toBe(0)
    const list = JSON.parse(r.out) as AlertList
    expect(list.alerts.map((a) => [a.user, a.state, a.ticketId])).toEqual([
      ['bob', 'queued', null],
      ['alice', 'delivered', ticket!.id]
    ])
    expect(list.alerts[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^unavailable/) })
    expect(list.counts).toMatchObject({ queued: 1, delivered: 1 })

    const human = await cli('alerts', '--state', 'delivered')
    expect(list.alerts[1]!.ticketNumber).toMatch(/\d/)
    expect(human.out).toContain(`ticket ${list.alerts[1]!.ticketNumber}`)
    expect(human.out).not.toContain('bob')
    expect((await cli('alerts', '--state', 'bogus')).code).toBe(2)

    // Every row carries its org's source; --source (a registered kind) filters rows and counts alike.
    const source = h.orgs.a.source
    expect(list.alerts.map((a) => [a.source, a.orgId])).toEqual([
      [source, h.orgs.a.id],
      [source, h.orgs.a.id]
    ])
    expect(human.out).toContain(`(${kindLabel(source)})`)
    const mine = JSON.parse((await cli('alerts', '--json', '--source', source)).out) as AlertList
    expect(mine.alerts.map((a) => a.eventId)).toEqual(list.alerts.map((a) => a.eventId))
    for (const other of SOURCE_KINDS.filter((k) => k !== source)) {
      const none = JSON.parse((await cli('alerts', '--json', '--source', other)).out) as AlertList
      expect(none.alerts).toEqual([])
      expect(none.counts).toMatchObject({ queued: 0, delivered: 0 })
    }
    const bad = await cli('alerts', '--source', 'nosuchsource')
    expect(bad.code).toBe(2)
    expect(bad.err).toContain(SOURCE_KINDS.join(', '))
    const mapped = JSON.parse((await cli('mappings', '--json', '--source', source)).out) as Array<{ source: string }>
    expect(mapped.map((m) => m.source)).toEqual([source, source]) // orgs a and b are mapped
    for (const other of SOURCE_KINDS.filter((k) => k !== source))
      expect(JSON.parse((await cli('mappings', '--json', '--source', other)).out)).toEqual([])
  })
})
