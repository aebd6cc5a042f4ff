import { describe, expect, it, vi } from 'vitest'
import { TrayController, trayStatusLine, type TrayState } from '../../../src/main/shell/tray'
import { createFakeElectron } from './fake-electron'

vi.mock('electron', () => ({}))

type Item = { id?: string; label?: string; enabled?: boolean; type?: string; click?: () => void }

function setup() {
  const fake = createFakeElectron()
  const tray = new fake.electron.Tray({})
  const actions = { syncNow: vi.fn(), toggleWindow: vi.fn(), quit: vi.fn() }
  const ctl = new TrayController(tray as never, fake.electron.Menu as never, actions)
  const items = () => (tray.menu?.template ?? []) as Item[]
  const item = (id: string) => items().find((i) => i.id === id)!
  return { fake, tray, ctl, actions, items, item }
}

const base: TrayState = { status: 'Last sync 10:00 — ok', windowVisible: true, syncing: false }

describe('TrayController', () => {
  it('renders status, Sync now, Show/Hide and Quit', () => {
    const { ctl, items, tray } = setup()
    ctl.render(base)
    expect(items().map((i) => i.label ?? i.type)).toEqual([
      'Last sync 10:00 — ok',
      'separator',
      'Sync now',
      'Hide',
      'separator',
      'Quit'
    ])
    expect(items()[0]!.enabled).toBe(false)
    expect(tray.tooltip).toContain('Last sync 10:00 — ok')
  })

  it('is idempotent: the same state does not rebuild the menu', () => {
    const { ctl, fake } = setup()
    ctl.render(base)
    ctl.render({ ...base })
    ctl.render({ ...base })
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(1)
    ctl.render({ ...base, windowVisible: false })
    ctl.render({ ...base, windowVisible: false })
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(2)
  })

  it('reflects window visibility and a running sync', () => {
    const { ctl, item } = setup()
    ctl.render({ ...base, windowVisible: false, syncing: true })
    expect(item('toggle').label).toBe('Show')
    expect(item('sync')).toMatchObject({ label: 'Syncing…', enabled: false })
  })

  it('menu items call their actions', () => {
    const { ctl, item, actions } = setup()
    ctl.render(base)
    item('sync').click!()
    item('toggle').click!()
    item('quit').click!()
    expect(actions.syncNow).toHaveBeenCalledTimes(1)
    expect(actions.toggleWindow).toHaveBeenCalledTimes(1)
    expect(actions.quit).toHaveBeenCalledTimes(1)
  })

  it('stops rendering once destroyed', () => {
    const { ctl, tray, fake } = setup()
    ctl.destroy()
    expect(tray.isDestroyed()).toBe(true)
    ctl.render(base)
    expect(fake.electron.Menu.buildFromTemplate).not.toHaveBeenCalled()
    expect(() => ctl.destroy()).not.toThrow()
  })
})

describe('trayStatusLine', () => {
  it('says what state the app is in', () => {
    expect(trayStatusLine({ integrations: [], lastSync: null })).toBe('Not connected yet')
    expect(trayStatusLine({ integrations: [{}], lastSync: null })).toBe('Not synced yet')
    expect(trayStatusLine({ integrations: [{}], lastSync: { at: '2026-03-01T10:00:00Z', result: 'ok' } })).toMatch(
      /^Last sync .+ — ok$/
    )
    expect(trayStatusLine({ integrations: [{}], lastSync: { at: 'garbage', result: 'failed' } })).toBe(
      'Last sync garbage — failed'
    )
    expect(
      trayStatusLine({ integrations: [{}], lastSync: { at: 'x', result: 'e'.repeat(500) } }).length
    ).toBeLessThanOrEqual(120)
  })
})
