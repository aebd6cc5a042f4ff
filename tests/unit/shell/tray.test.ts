import { describe, expect, it, vi } from 'vitest'
import { TrayController } from '../../../src/main/shell/tray'
import { trayModel, type TrayModel } from '../../../src/main/shell/tray-model'
import type { Status } from '../../../src/shared/contract/system'
import { createFakeElectron } from './fake-electron'

vi.mock('electron', () => ({}))

type Item = { id?: string; label?: string; enabled?: boolean; type?: string; click?: () => void }

const status: Status = {
  version: '0.1.0',
  dataDir: '/d',
  secretStore: 'memory',
  integrations: [{} as never],
  lastSync: null,
  alerts: { queued: 0, attention: 0, waitingMapping: 0, attentionReason: null },
  pause: { paused: false, since: null },
  nextRun: null
}
const model = (over: Partial<Status> = {}, syncing = false): TrayModel =>
  trayModel({ status: { ...status, ...over }, syncing, windowVisible: true, formatTime: (s) => s })

function setup() {
  const fake = createFakeElectron()
  const tray = new fake.electron.Tray({})
  const onAction = vi.fn()
  const ctl = new TrayController(
    tray as never,
    fake.electron.Menu as never,
    { normal: 'N', attention: 'A' } as never,
    onAction
  )
  const items = () => (tray.menu?.template ?? []) as Item[]
  const item = (id: string) => items().find((i) => i.id === id)!
  return { fake, tray, ctl, onAction, items, item }
}

describe('TrayController', () => {
  it('draws the model: labels, disabled info lines, separators, tooltip', () => {
    const { ctl, items, tray } = setup()
    ctl.render(model())
    expect(items().map((i) => i.label ?? i.type)).toEqual(
      model().items.map((i) => ('separator' in i ? 'separator' : i.label))
    )
    expect(items()[0]).toMatchObject({ label: 'Not synced yet', enabled: false })
    expect(items()[0]!.click).toBeUndefined()
    expect(tray.tooltip).toBe('PSA Bridge — Not synced yet')
  })

  it('is idempotent: the same model does not rebuild the menu', () => {
    const { ctl, fake } = setup()
    ctl.render(model())
    ctl.render(model())
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(1)
    ctl.render(model({}, true))
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(2)
  })

  it('menu items hand their action to the shell', () => {
    const { ctl, item, onAction } = setup()
    ctl.render(model({ alerts: { ...status.alerts, waitingMapping: 2 } }))
    item('sync').click!()
    item('pause').click!()
    item('problem-mapping').click!()
    item('quit').click!()
    expect(onAction.mock.calls.map((c) => c[0])).toEqual([
      { kind: 'syncNow' },
      { kind: 'pause' },
      { kind: 'open', target: { screen: 'customers', filter: 'unmapped' } },
      { kind: 'quit' }
    ])
  })

  it('swaps the icon by name when something needs attention, and back', () => {
    const { ctl, tray } = setup()
    ctl.render(model())
    expect(tray.images).toEqual([])
    ctl.render(model({ alerts: { ...status.alerts, attention: 1 } }))
    ctl.render(model())
    expect(tray.images).toEqual(['A', 'N'])
  })

  it('stops rendering once destroyed', () => {
    const { ctl, tray, fake } = setup()
    ctl.destroy()
    expect(tray.isDestroyed()).toBe(true)
    ctl.render(model())
    expect(fake.electron.Menu.buildFromTemplate).not.toHaveBeenCalled()
    expect(() => ctl.destroy()).not.toThrow()
  })
})
