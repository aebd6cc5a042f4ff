import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from '../../../src/main/app/app'
import { cli } from '../../helpers/cli'
import { parseSince } from '../../../src/main/cli/audit-commands'
import { createMemoryStore } from '../../../src/main/secrets'
import type { AuditRow } from '../../../src/shared/contract/audit'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()

describe('psa-bridge audit', () => {
  it('records CLI changes with the CLI door and lists them with --json, --kind and --since', async () => {
    const dir = tmp()
    expect((await cli(['--data-dir', dir, 'call', 'saveBillingSettings', '--input', '{"allowZero":true}'])).code).toBe(
      0
    )
    const r = await cli(['--data-dir', dir, 'audit', '--json', '--kind', 'settings', '--since', '1h'])
    expect(r.code).toBe(0)
    const rows = (JSON.parse(r.out) as { rows: AuditRow[] }).rows
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      door: 'cli',
      kind: 'settings',
      method: 'saveBillingSettings',
      changes: [{ field: 'allowZero', old: false, new: true }]
    })
    expect(JSON.parse((await cli(['--data-dir', dir, 'audit', '--json', '--kind', 'credentials'])).out).rows).toEqual(
      []
    )
    const future = await cli(['--data-dir', dir, 'audit', '--json', '--since', '2999-01-01'])
    expect(JSON.parse(future.out).rows).toEqual([])
    const human = await cli(['--data-dir', dir, 'audit'])
    expect(human.out).toContain('allowZero: false → true')

    const file = join(dir, 'audit.csv')
    expect((await cli(['--data-dir', dir, 'audit', '--csv', file])).code).toBe(0)
    const csv = readFileSync(file, 'utf8')
    expect(csv).toContain('"CLI","Settings","saveBillingSettings","billing settings","allowZero","false","true"')
  })

  it('refuses an unreadable --since and an unknown --kind with exit code 2', async () => {
    const dir = tmp()
    const bad = await cli(['--data-dir', dir, 'audit', '--since', 'last tuesday'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--since/)
    expect((await cli(['--data-dir', dir, 'audit', '--kind', 'nonsense'])).code).toBe(2)
  })

  it('reads --since as a date, an ISO time or hours/days back', () => {
    const now = new Date('2026-03-10T12:00:00Z')
    expect(parseSince('2026-03-01', now)).toBe('2026-03-01T00:00:00.000Z')
    expect(parseSince('2026-03-01T08:00:00+01:00', now)).toBe('2026-03-01T07:00:00.000Z')
    expect(parseSince('24h', now)).toBe('2026-03-09T12:00:00.000Z')
    expect(parseSince('7d', now)).toBe('2026-03-03T12:00:00.000Z')
    expect(parseSince('soon', now)).toBeNull()
  })

  it('a refused call changed nothing and leaves no row', async () => {
    const app = await createApp({ dataDir: tmp(), secrets: createMemoryStore() })
    try {
      // No alert group exists: the handler refuses, so nothing changed and nothing is recorded.
      const refused = await app.dispatch('acknowledgeGroup', { groupKey: 'g1' }, 'window')
      expect(refused.ok).toBe(false)
      const list = await app.dispatch('listAudit', {})
      expect(list).toEqual({ ok: true, value: { rows: [], total: 0 } })
    } finally {
      await app.close()
    }
  })
})
