import { describe, expect, it, vi } from 'vitest'
import { startDesktop } from '../../../src/main/shell/desktop'
import { setup } from './desktop-rig'

vi.mock('electron', () => ({}))

const settings = (startAtLogin: boolean, notifications = true) => ({
  prefs: { startAtLogin, notifications },
  samplingIntervalMinutes: 60,
  pause: { paused: false, since: null }
})

describe('startDesktop: tray actions', () => {
  it('Pause from the tray stores the pause through the core and the menu turns to Resume', async () => {
    const s = setup()
    const handle = (await startDesktop(s.deps))!
    await handle.refreshTray()
    const item = (id: string) => s.trayMenu().find((i) => i.id === id)!
    item('pause').click!()
    await vi.waitFor(() => expect(item('pause').label).toBe('Resume scheduled work'))
    expect(s.core.dispatch).toHaveBeenCalledWith('setPaused', { paused: true })
    expect(item('status').label).toMatch(/^Paused — /)
    item('pause').click!()
    await vi.waitFor(() => expect(item('pause').label).toBe('Pause scheduled work'))
  })

  it('a problem item opens its screen with its filter; the icon asks for attention', async () => {
    const s = setup()
    s.setStatus({ alerts: { queued: 0, attention: 0, waitingMapping: 3, attentionReason: null } })
    const handle = (await startDesktop(s.deps))!
    await handle.refreshTray()
    const tray = s.fake.electron.Tray.instances[0]!
    // The attention image for this platform (the rig runs as Windows: .ico), from the tray images folder.
    expect(tray.images).toEqual([{ path: expect.stringMatching(/tray[/\\]tray-attention\.ico$/) }])
    s.win().hide()
    s.trayMenu().find((i) => i.id === 'problem-mapping')!.click!()
    expect(s.win().isVisible()).toBe(true)
    expect(s.win().webContents.sent).toContainEqual(['psa-event:navigate', { screen: 'customers', filter: 'unmapped' }])
  })
})

describe('startDesktop: notifications', () => {
  it('clicking a notification opens the screen it is about', async () => {
    const s = setup({ noticeShown: true })
    await startDesktop(s.deps)
    s.emit('syncFinished', { runId: 'r1', result: 'failed' })
    const shown = s.fake.electron.Notification.shown.at(-1)!
    s.win().hide()
    shown.click!()
    expect(s.win().isVisible()).toBe(true)
    expect(s.win().webContents.sent).toContainEqual(['psa-event:navigate', { screen: 'activity', filter: null }])
  })

  it('stay silent while notifications are off in Settings', async () => {
    const s = setup({ noticeShown: true })
    await startDesktop(s.deps)
    s.emit('settingsChanged', settings(false, false))
    s.emit('syncFinished', { runId: 'r1', result: 'failed' })
    expect(s.fake.electron.Notification.shown).toEqual([])
  })
})

describe('startDesktop: start at login', () => {
  it('macOS: the login item opens the app hidden; turning it off clears it', async () => {
    const s = setup({ platform: 'darwin' })
    await startDesktop(s.deps)
    await vi.waitFor(() => expect(s.core.dispatch).toHaveBeenCalledWith('getSettings', {}))
    s.emit('settingsChanged', settings(true))
    s.emit('settingsChanged', settings(true)) // unchanged: not applied again
    s.emit('settingsChanged', settings(false))
    expect(s.fake.electron.app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true, openAsHidden: true }],
      [{ openAtLogin: false, openAsHidden: true }]
    ])
  })

  it('Windows: the login item starts the app with --hidden', async () => {
    const s = setup({ platform: 'win32' })
    await startDesktop(s.deps)
    s.emit('settingsChanged', settings(true))
    expect(s.fake.electron.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] })
  })

  it('a launch with --hidden (or macOS hidden login) keeps the window in the tray', async () => {
    const hidden = setup({ argv: ['psa-bridge', '--hidden'] })
    await startDesktop(hidden.deps)
    hidden.win().emit('ready-to-show')
    expect(hidden.win().isVisible()).toBe(false)

    const mac = setup({ platform: 'darwin' })
    mac.fake.electron.app.loginItem.wasOpenedAsHidden = true
    await startDesktop(mac.deps)
    mac.win().emit('ready-to-show')
    expect(mac.win().isVisible()).toBe(false)

    const normal = setup()
    await startDesktop(normal.deps)
    normal.win().emit('ready-to-show')
    expect(normal.win().isVisible()).toBe(true)
  })
})

describe('startDesktop: folders', () => {
  it('the core opens its data and log folders through the shell guard; anything else is refused', async () => {
    const s = setup()
    await startDesktop(s.deps)
    const host = vi.mocked(s.deps.createCore).mock.calls[0]![1]
    await host.openFolder!('/fake/userData/data/logs')
    expect(s.fake.electron.shell.openPath).toHaveBeenCalledWith('/fake/userData/data/logs')
    for (const hostile of ['/etc', '/fake/userData/data/../../etc', '\\\\evil\\share', 'file:///etc'])
      await expect(host.openFolder!(hostile)).rejects.toMatchObject({ code: 'permission' })
    expect(s.fake.electron.shell.openPath).toHaveBeenCalledTimes(1)
    s.fake.electron.shell.openPath.mockResolvedValueOnce('No application is registered')
    await expect(host.openFolder!('/fake/userData/data')).rejects.toMatchObject({ code: 'unavailable' })
  })
})
