import { once } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { methodNames } from '../../../src/shared/contract'
import { startDesktop } from '../../../src/main/shell/desktop'
import { CSP, DEV_CSP } from '../../../src/main/shell/security'
import { deferred, setup } from './desktop-rig'

vi.mock('electron', () => ({}))

describe('startDesktop: single instance', () => {
  it('a second instance quits without starting the core or opening a window', async () => {
    const s = setup({ lock: false })
    expect(await startDesktop(s.deps)).toBeNull()
    expect(s.fake.electron.app.quit).toHaveBeenCalled()
    expect(s.deps.createCore).not.toHaveBeenCalled()
    expect(s.fake.electron.BrowserWindow.instances).toHaveLength(0)
  })

  it('the first instance brings its window to the front when another one starts', async () => {
    const s = setup()
    await startDesktop(s.deps)
    const w = s.win()
    w.hide()
    w.minimized = true
    s.fake.electron.app.emit('second-instance', {}, ['electron', '.'], '/')
    expect([w.isVisible(), w.minimized, w.focused]).toEqual([true, false, true])
  })
})

describe('startDesktop: boot', () => {
  it('registers the scheme before ready, then core → protocol → IPC → window → tray', async () => {
    const s = setup()
    const { app, protocol } = s.fake.electron
    const ready = deferred()
    app.whenReady.mockReturnValueOnce(ready.promise)
    const started = startDesktop(s.deps)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(s.deps.createCore).not.toHaveBeenCalled()
    ready.resolve()
    const handle = await started
    expect(s.deps.resolveDataDir).toHaveBeenCalledWith({
      argv: ['electron', '.'],
      env: {},
      electronUserData: '/fake/userData'
    })
    expect(s.deps.createCore).toHaveBeenCalledWith('/fake/userData/data', expect.objectContaining({ door: 'window' }))
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect([...s.fake.ipcHandlers.keys()].sort()).toEqual(methodNames.map((n) => `psa:${n}`).sort())
    expect(s.win().loadedUrl).toBe('app://bundle/index.html')
    expect(s.win().options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true
    })
    expect(s.fake.applyHeaders({})['Content-Security-Policy']).toEqual([CSP])
    expect(handle?.tray).not.toBeNull()
  })

  it('uses the dev server (and its CSP) only when not packaged', async () => {
    const dev = setup({ isPackaged: false, devServerUrl: 'http://localhost:5173' })
    await startDesktop(dev.deps)
    expect(dev.win().loadedUrl).toBe('http://localhost:5173')
    expect(dev.fake.applyHeaders({})['Content-Security-Policy']).toEqual([DEV_CSP])

    const packaged = setup({ isPackaged: true, devServerUrl: 'http://localhost:5173' })
    await startDesktop(packaged.deps)
    expect(packaged.win().loadedUrl).toBe('app://bundle/index.html')
    const call = packaged.fake.ipcHandlers.get('psa:getStatus')!
    const reply = await call({ senderFrame: { url: 'http://localhost:5173/', parent: null } }, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'permission' } })
  })

  it('forwards core events to the window', async () => {
    const s = setup()
    await startDesktop(s.deps)
    const e = { actionId: 'r', action: 'billingSync', step: 'Writing quantities to the PSA', done: 1, total: 3 }
    s.emit('progress', e)
    expect(s.win().webContents.sent).toContainEqual(['psa-event:progress', e])
  })
})

describe('startDesktop: tray', () => {
  it('shows the status from getStatus; Sync now runs the injected sync, Show/Hide toggles', async () => {
    const s = setup()
    const sync = deferred()
    s.deps.syncNow = vi.fn(() => sync.promise)
    const handle = (await startDesktop(s.deps))!
    await handle.refreshTray()
    const label = (id: string) => s.trayMenu().find((i) => i.id === id)?.label
    expect(label('status')).toBe('Not synced yet')

    s.trayMenu().find((i) => i.id === 'sync')!.click!()
    expect(s.deps.syncNow).toHaveBeenCalledWith(s.core)
    expect(label('sync')).toBe('Syncing…')
    const joined = handle.syncNow() // a second request joins the running sync
    sync.resolve()
    await joined
    expect(s.deps.syncNow).toHaveBeenCalledTimes(1)
    expect(label('sync')).toBe('Sync now')

    s.win().show()
    expect(label('toggle')).toBe('Hide')
    s.trayMenu().find((i) => i.id === 'toggle')!.click!()
    expect(s.win().isVisible()).toBe(false)
    expect(label('toggle')).toBe('Show')
  })

  it('closing the window hides it to the tray and notifies once', async () => {
    const s = setup()
    await startDesktop(s.deps)
    s.win().show()
    expect(s.win().userClose().defaultPrevented).toBe(true)
    s.win().show()
    s.win().userClose()
    expect(s.fake.electron.Notification.shown).toHaveLength(1)
    expect(s.deps.closeNotice).toHaveBeenCalledWith('/fake/userData/data')
  })

  it('without a tray, closing the window is not intercepted (the app would be unreachable)', async () => {
    const s = setup()
    s.fake.electron.Tray = class {
      constructor() {
        throw new Error('no StatusNotifier host')
      }
    } as never
    const handle = await startDesktop(s.deps)
    expect(handle?.tray).toBeNull()
    expect(s.win().userClose().defaultPrevented).toBe(false)
  })
})

describe('startDesktop: quit', () => {
  it('holds the quit until core.close() finishes, then releases everything', async () => {
    const s = setup()
    await startDesktop(s.deps)
    const { app } = s.fake.electron
    app.quit()
    expect(s.core.close).toHaveBeenCalledTimes(1)
    expect(app.exited).toBe(false)
    expect(s.fake.ipcHandlers.size).toBe(0)
    expect(s.fake.electron.Tray.instances[0]!.isDestroyed()).toBe(true)
    expect(s.listenerCount()).toBe(0)
    // Quitting: the window's close is no longer turned into a hide.
    expect(s.win().userClose().defaultPrevented).toBe(false)

    const requitted = once(app, 'will-quit')
    s.finishClose()
    await requitted
    expect(app.exited).toBe(true)
    expect(s.core.close).toHaveBeenCalledTimes(1)
  })
})

describe('startDesktop: background work', () => {
  function withBackground() {
    const s = setup()
    const bg = {
      start: vi.fn(async () => {}),
      resume: vi.fn(async () => {}),
      syncNow: vi.fn(async () => {}),
      stop: vi.fn()
    }
    s.deps.background = vi.fn(() => bg)
    return { s, bg }
  }

  it('starts with the core, catches up on resume, and is what "Sync now" runs', async () => {
    const { s, bg } = withBackground()
    const handle = await startDesktop(s.deps)
    expect(s.deps.background).toHaveBeenCalledWith(s.core)
    expect(bg.start).toHaveBeenCalledTimes(1)
    s.fake.electron.powerMonitor.emit('resume')
    expect(bg.resume).toHaveBeenCalledTimes(1)
    await handle!.syncNow()
    expect(bg.syncNow).toHaveBeenCalledTimes(1)
  })

  it('stops before the core closes on quit', async () => {
    const { s, bg } = withBackground()
    await startDesktop(s.deps)
    s.fake.electron.app.quit()
    expect(bg.stop).toHaveBeenCalledTimes(1)
    expect(bg.stop.mock.invocationCallOrder[0]!).toBeLessThan(s.core.close.mock.invocationCallOrder[0]!)
  })
})

describe('startDesktop: notifications', () => {
  it('shows a desktop notification when a billing push fails', async () => {
    const s = setup({ noticeShown: true })
    await startDesktop(s.deps)
    const before = s.fake.electron.Notification.shown.length
    s.emit('syncFinished', { runId: 'r1', result: 'failed' })
    expect(s.fake.electron.Notification.shown.slice(before)).toEqual([
      { title: 'Billing push failed', body: expect.any(String), click: expect.any(Function) }
    ])
  })
})
