import { once } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { FakeBrowserWindow } from './fake-electron'

// src/main/index.ts run against a fake electron and a fake core: proves the entry wires the real
// resolveDataDir/createApp/paths into startDesktop (the binary cannot be launched here).
const h = vi.hoisted(() => ({
  createApp: vi.fn(),
  background: {
    start: vi.fn(async () => {}),
    resume: vi.fn(async () => {}),
    syncNow: vi.fn(async () => {}),
    stop: vi.fn()
  },
  desktopBackgroundJobs: vi.fn(),
  stores: [] as Array<{ opts: Record<string, unknown>; data: Map<string, unknown> }>
}))

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron().electron)
vi.mock('electron-store', () => ({
  default: class {
    data = new Map<string, unknown>()
    constructor(opts: Record<string, unknown>) {
      h.stores.push({ opts, data: this.data })
    }
    get(k: string) {
      return this.data.get(k)
    }
    set(k: string, v: unknown) {
      this.data.set(k, v)
    }
  }
}))
vi.mock('../../../src/main/app/app', () => ({
  createApp: h.createApp,
  resolveDataDir: (o: { electronUserData?: string }) => `${o.electronUserData}/psa`
}))

vi.mock('../../../src/main/app/service', () => ({ desktopBackgroundJobs: h.desktopBackgroundJobs }))

describe('src/main/index.ts', () => {
  it('starts the desktop app with the core, the built preload and the bundle', async () => {
    const electron = (await import('electron')) as unknown as ReturnType<
      typeof import('./fake-electron').createFakeElectron
    >['electron']
    h.desktopBackgroundJobs.mockReturnValue(h.background)
    h.createApp.mockResolvedValue({
      dispatch: vi.fn(async () => ({ ok: true, value: { integrations: [], lastSync: null } })),
      events: { onAny: () => () => undefined },
      log: { info: vi.fn(), error: vi.fn() },
      dataDir: '/fake/userData/psa',
      close: vi.fn(async () => undefined)
    })
    const created = once(electron.app, 'browser-window-created')
    await import('../../../src/main/index')
    const [, win] = (await created) as [unknown, FakeBrowserWindow]

    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled()
    expect(h.createApp).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/fake/userData/psa' }))
    expect(win.loadedUrl).toBe('app://bundle/index.html')
    // The billing schedule and the alert poller start with the core (under the data dir's background lease).
    expect(h.desktopBackgroundJobs).toHaveBeenCalledWith(await h.createApp.mock.results[0]!.value)
    expect(h.background.start).toHaveBeenCalledTimes(1)
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/)

    // The close-to-tray notice flag lives in the data dir, and is set after the first close.
    win.show()
    win.userClose()
    expect(h.stores[0]?.opts).toMatchObject({ cwd: '/fake/userData/psa' })
    expect(h.stores[0]?.data.get('closeNoticeShown')).toBe(true)
  })
})
