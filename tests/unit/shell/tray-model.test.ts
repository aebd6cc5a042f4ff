import { describe, expect, it } from 'vitest'
import type { Status } from '../../../src/shared/contract/system'
import { formatTrayTime, trayModel, type TrayInput, type TrayItem } from '../../../src/main/shell/tray-model'

const ok: Status = {
  version: '0.1.0',
  dataDir: '/d',
  secretStore: 'memory',
  integrations: [{ kind: 'syncro', displayName: 'Syncro', secretSaved: true, enabled: true } as never],
  lastSync: { at: '2026-03-01T17:00:00Z', result: '3 written, 9 unchanged' },
  alerts: { queued: 0, attention: 0, waitingMapping: 0, attentionReason: null },
  pause: { paused: false, since: null },
  nextRun: '2026-03-02T17:00:00Z'
}

const input = (over: Partial<TrayInput> = {}, status: Partial<Status> = {}): TrayInput => ({
  status: { ...ok, ...status },
  syncing: false,
  windowVisible: true,
  formatTime: (iso) => `<${iso.slice(5, 16)}>`,
  ...over
})

const labels = (items: TrayItem[]) => items.map((i) => ('separator' in i ? '---' : i.label))
const byId = (items: TrayItem[], id: string) =>
  items.find((i) => !('separator' in i) && i.id === id) as Exclude<TrayItem, { separator: true }>

describe('tray menu model', () => {
  it('idle: status line, next run, no problems, Sync now, Pause, Hide, Quit; the normal icon', () => {
    const m = trayModel(input())
    expect(m.mode).toBe('idle')
    expect(m.icon).toBe('normal')
    expect(labels(m.items)).toEqual([
      'Last sync <03-01T17:00> — 3 written, 9 unchanged',
      'Next push <03-02T17:00>',
      'No problems',
      '---',
      'Sync now',
      'Pause scheduled work',
      '---',
      'Hide',
      'Quit'
    ])
    expect(byId(m.items, 'status').enabled).toBe(false)
    expect(byId(m.items, 'pause').action).toEqual({ kind: 'pause' })
    expect(m.tooltip).toBe('PSA Bridge — Last sync <03-01T17:00> — 3 written, 9 unchanged')
  })

  it('syncing: Sync now is disabled and says so; the status line says Syncing…', () => {
    const m = trayModel(input({ syncing: true, windowVisible: false }))
    expect(m.mode).toBe('syncing')
    expect(byId(m.items, 'status').label).toBe('Syncing…')
    expect(byId(m.items, 'sync')).toMatchObject({ label: 'Syncing…', enabled: false })
    expect(byId(m.items, 'toggle').label).toBe('Show')
  })

  it('paused: says paused, the next slot is skipped, Resume replaces Pause, Sync now still works', () => {
    const m = trayModel(input({}, { pause: { paused: true, since: '2026-03-01T18:00:00Z' } }))
    expect(m.mode).toBe('paused')
    expect(byId(m.items, 'status').label).toMatch(/^Paused — Last sync/)
    expect(byId(m.items, 'next-run').label).toBe('Next push <03-02T17:00> (skipped while paused)')
    expect(byId(m.items, 'pause')).toMatchObject({ label: 'Resume scheduled work', action: { kind: 'resume' } })
    expect(byId(m.items, 'sync')).toMatchObject({ enabled: true, action: { kind: 'syncNow' } })
    expect(m.tooltip).toBe('PSA Bridge — paused')
  })

  it('needs attention: counts problems, each opens the screen that fixes it, and the icon changes', () => {
    const m = trayModel(
      input(
        {},
        {
          alerts: { queued: 0, attention: 1, waitingMapping: 3, attentionReason: 'no issue type' },
          lastSync: { at: '2026-03-01T17:00:00Z', result: 'failed: 0 written, 0 unchanged, 2 failed' }
        }
      )
    )
    expect(m.mode).toBe('attention')
    expect(m.icon).toBe('attention')
    expect(byId(m.items, 'problems').label).toBe('3 problems')
    expect(byId(m.items, 'problem-mapping')).toMatchObject({
      label: '3 alerts waiting for a mapping…',
      enabled: true,
      action: { kind: 'open', target: { screen: 'customers', filter: 'unmapped' } }
    })
    expect(byId(m.items, 'problem-attention')).toMatchObject({
      label: '1 alert needs a setting changed…',
      action: { kind: 'open', target: { screen: 'ticketing', filter: null } }
    })
    expect(byId(m.items, 'problem-sync').action).toEqual({ kind: 'open', target: { screen: 'activity', filter: null } })
    expect(m.tooltip).toMatch(/\(3 problems\)$/)
  })

  it('paused with problems: the mode says paused, the icon still asks for attention', () => {
    const m = trayModel(
      input({}, { pause: { paused: true, since: null }, alerts: { ...ok.alerts, waitingMapping: 1 } })
    )
    expect([m.mode, m.icon]).toEqual(['paused', 'attention'])
    expect(byId(m.items, 'problem-mapping').label).toBe('1 alert waiting for a mapping…')
  })

  it('before the first status, or when it failed: unavailable, and Pause cannot be used blind', () => {
    const m = trayModel(input({ status: null }))
    expect(byId(m.items, 'status').label).toBe('Status unavailable')
    expect(byId(m.items, 'next-run').label).toBe('No scheduled push')
    expect(byId(m.items, 'pause').enabled).toBe(false)
    expect(trayModel(input({}, { integrations: [] })).items[0]).toMatchObject({ label: 'Not connected yet' })
    expect(trayModel(input({}, { lastSync: null })).items[0]).toMatchObject({ label: 'Not synced yet' })
    expect(trayModel(input({}, { nextRun: null })).items[1]).toMatchObject({ label: 'No scheduled push' })
  })

  it('keeps the status line and tooltip short, and shows a time that does not parse as stored', () => {
    const m = trayModel(input({}, { lastSync: { at: 'x', result: 'e'.repeat(500) } }))
    expect(byId(m.items, 'status').label.length).toBeLessThanOrEqual(120)
    expect(m.tooltip.length).toBeLessThanOrEqual(127)
    expect(formatTrayTime('garbage')).toBe('garbage')
    expect(formatTrayTime('2026-03-01T10:00:00Z')).not.toBe('2026-03-01T10:00:00Z')
  })
})
