// A small behavioural fake of the parts of `electron` the shell uses (the binary is not installed
// here). Each call of createFakeElectron() returns fresh, independent state (parallel-safe).
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export class FakeEvent {
  defaultPrevented = false
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra)
  }
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  sent: Array<[string, unknown]> = []
  destroyed = false
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.openHandler = h
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Emits like Electron: returns the event so the test can see whether it was prevented. */
  fire(name: string, extra: Record<string, unknown> = {}): FakeEvent {
    const e = new FakeEvent(extra)
    this.emit(name, e)
    return e
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  visible = false
  minimized = false
  focused = false
  destroyed = false
  constructor(readonly options: Record<string, unknown>) {
    super()
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show(): void {
    this.visible = true
    this.emit('show')
  }
  hide(): void {
    this.visible = false
    this.emit('hide')
  }
  isVisible(): boolean {
    return this.visible
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  focus(): void {
    this.focused = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** A user clicking the window's close button. */
  userClose(): FakeEvent {
    const e = new FakeEvent()
    this.emit('close', e)
    if (!e.defaultPrevented) this.destroyed = true
    return e
  }
}

export function createFakeElectron(opts: { lock?: boolean; isPackaged?: boolean } = {}) {
  class BrowserWindow extends FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = []
    constructor(options: Record<string, unknown>) {
      super(options)
      BrowserWindow.instances.push(this)
      electron.app.emit('browser-window-created', new FakeEvent(), this) // as Electron does
    }
  }
  class Tray {
    static instances: Tray[] = []
    menu: { template: Array<Record<string, unknown>> } | null = null
    tooltip = ''
    images: unknown[] = []
    destroyed = false
    constructor(readonly image: unknown) {
      Tray.instances.push(this)
    }
    setContextMenu(m: { template: Array<Record<string, unknown>> }) {
      this.menu = m
    }
    setToolTip(t: string) {
      this.tooltip = t
    }
    setImage(i: unknown) {
      this.images.push(i)
    }
    destroy() {
      this.destroyed = true
    }
    isDestroyed() {
      return this.destroyed
    }
  }
  class Notification {
    static shown: Array<{ title: string; body: string; click: (() => void) | null }> = []
    static isSupported = () => true
    private click: (() => void) | null = null
    constructor(readonly options: { title: string; body: string }) {}
    on(event: string, cb: () => void) {
      if (event === 'click') this.click = cb
      return this
    }
    show() {
      Notification.shown.push({ title: this.options.title, body: this.options.body, click: this.click })
    }
  }

  class FakeApp extends EventEmitter {
    isPackaged = opts.isPackaged ?? true
    quitRequested = 0
    exited = false
    requestSingleInstanceLock = vi.fn(() => opts.lock ?? true)
    whenReady = vi.fn(() => Promise.resolve())
    getPath = vi.fn((name: string) => `/fake/${name}`)
    getAppPath = vi.fn(() => '/fake/app')
    setAppUserModelId = vi.fn()
    loginItem = { openAtLogin: false, wasOpenedAsHidden: false }
    setLoginItemSettings = vi.fn((s: { openAtLogin?: boolean }) => void (this.loginItem.openAtLogin = !!s.openAtLogin))
    getLoginItemSettings = vi.fn(() => ({ ...this.loginItem }))
    exit = vi.fn(() => {
      this.exited = true
    })
    /** Like Electron: before-quit, then will-quit (which may be prevented to delay the exit). */
    quit = vi.fn(() => {
      this.quitRequested++
      this.emit('before-quit', new FakeEvent())
      const e = new FakeEvent()
      this.emit('will-quit', e)
      if (!e.defaultPrevented) this.exited = true
    })
  }

  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  let headersListener:
    ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | null = null
  let permissionHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null
  let permissionCheck: ((...args: unknown[]) => boolean) | null = null

  const electron = {
    app: new FakeApp(),
    BrowserWindow,
    Tray,
    Notification,
    powerMonitor: new EventEmitter(),
    Menu: { buildFromTemplate: vi.fn((template: Array<Record<string, unknown>>) => ({ template })) },
    nativeImage: {
      createFromDataURL: vi.fn((url: string) => ({ dataUrl: url })),
      createFromPath: vi.fn((path: string) => ({ path }))
    },
    ipcMain: {
      handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        handlers.set(channel, fn)
      }),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel))
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn()
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn((l: typeof headersListener) => void (headersListener = l)) },
        setPermissionRequestHandler: vi.fn((h: typeof permissionHandler) => void (permissionHandler = h)),
        setPermissionCheckHandler: vi.fn((h: typeof permissionCheck) => void (permissionCheck = h))
      }
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn((_p: string) => Promise.resolve('')) },
    dialog: { showErrorBox: vi.fn() }
  }
  return {
    electron,
    ipcHandlers: handlers,
    /** Runs the registered onHeadersReceived listener like Chromium would. */
    applyHeaders(responseHeaders: Record<string, string[]>): Record<string, string[]> {
      if (!headersListener) throw new Error('no onHeadersReceived listener')
      let out: Record<string, string[]> | undefined
      headersListener(
        { responseHeaders },
        (r) => (out = (r as { responseHeaders: Record<string, string[]> }).responseHeaders)
      )
      return out!
    },
    askPermission(permission: string): Promise<boolean> {
      if (!permissionHandler) throw new Error('no permission handler')
      return new Promise((resolve) => permissionHandler!({}, permission, resolve))
    },
    checkPermission(permission: string): boolean | null {
      return permissionCheck ? permissionCheck({}, permission, 'app://bundle', {}) : null
    }
  }
}
export type FakeElectron = ReturnType<typeof createFakeElectron>
