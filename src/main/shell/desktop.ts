import type * as Electron from 'electron'
import type { Envelope } from '../../shared/errors'
import type { EventName, EventPayload } from '../../shared/contract'
import { forwardEvents, registerIpcHandlers } from './ipc'
import { createAttentionPolicy } from './attention'
import { createNotifier } from './notify'
import { createBundleHandler, registerAppScheme } from './protocol'
import { APP_ENTRY_URL, APP_SCHEME, CSP, DEV_CSP, trustedOrigins } from './security'
import { TrayController } from './tray'
import { trayIconPath } from './tray-icons'
import { formatTrayTime, trayModel, type TrayAction } from './tray-model'
import { notificationRoute } from './routes'
import { createDesktopHost, loginItemApplier } from './desktop-host'
import { startsHidden } from './login-item'
import { eventChannel } from '../../shared/ipc-channels'
import { StatusSchema, type Status } from '../../shared/contract/system'
import { NavigateTargetSchema, UiPrefsSchema, type NavigateTarget } from '../../shared/contract/settings'
import type { AppHost } from '../app/host'
import type { PrefsStore } from '../core/prefs'
import { createMainWindow, installCloseToTray, installSessionPolicy, revealWindow } from './window'

/** The core as the shell sees it (src/main/app/app.ts `App`, structurally). */
export interface ShellCore {
  dispatch(name: unknown, input: unknown): Promise<Envelope<unknown>>
  events: { onAny(cb: (name: EventName, payload: unknown) => void): () => void }
  log: { info(msg: string, meta?: object): void; error(msg: string, meta?: object): void }
  dataDir: string
  close(): Promise<void>
}

/** The electron module, or a fake of the parts we use. */
export type ShellElectron = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'ipcMain'
  | 'Menu'
  | 'Tray'
  | 'nativeImage'
  | 'Notification'
  | 'protocol'
  | 'session'
  | 'shell'
  | 'powerMonitor'
>

/** Background work owned by the core (billing schedule, alert poller); the shell only drives its lifecycle. */
export interface ShellBackground {
  start(): Promise<void>
  resume(): Promise<void>
  syncNow(): Promise<void>
  stop(): void
}

export interface DesktopDeps {
  electron: ShellElectron
  resolveDataDir(opts: { argv: string[]; env: NodeJS.ProcessEnv; electronUserData?: string }): string
  createCore(dataDir: string, host: AppHost): Promise<ShellCore>
  /** UI preferences (electron-store in the data dir); the core falls back to its JSON file without it. */
  prefs?(dataDir: string): PrefsStore
  /** Start at login (default: Electron's login item, or the autostart entry on Linux); injected by tests. */
  loginItem?(enabled: boolean): void
  /** process.platform unless a test says otherwise. */
  platform?: NodeJS.Platform
  argv: string[]
  env: NodeJS.ProcessEnv
  /** Absolute paths of the built preload (index.cjs) and renderer folder. */
  paths: { preload: string; renderer: string }
  /** Vite dev server URL (`ELECTRON_RENDERER_URL`), honoured only when the app is not packaged. */
  devServerUrl?: string
  /** Persisted "close-to-tray notice already shown" flag. */
  closeNotice(dataDir: string): { shown(): boolean; markShown(): void }
  /** What the tray's "Sync now" does; defaults to the background's syncNow, else refreshing the status. */
  syncNow?(core: ShellCore): Promise<void>
  /** Starts with the app, is told about resume from sleep, stops before the core closes. */
  background?(core: ShellCore): ShellBackground
}

export interface DesktopHandle {
  core: ShellCore
  window: Electron.BrowserWindow
  tray: TrayController | null
  refreshTray(): Promise<void>
  /** What the tray's "Sync now" runs; resolves once the sync and the status refresh are done. */
  syncNow(): Promise<void>
}

/**
 * The desktop app's whole lifecycle, with Electron passed in: privileged scheme (before ready),
 * single-instance lock, core, IPC, window, tray, clean quit. Resolves to null in a second instance
 * (which quits after waking the first one).
 */
/** Events after which the tray's status is read again. */
const TRAY_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  'syncFinished',
  'integrationsChanged',
  'settingsChanged',
  'alertsChanged'
])

export function startDesktop(deps: DesktopDeps): Promise<DesktopHandle | null> {
  const { app, protocol } = deps.electron
  registerAppScheme(protocol)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return Promise.resolve(null)
  }
  let handle: DesktopHandle | null = null
  app.on('second-instance', () => revealWindow(handle?.window ?? null))
  app.on('activate', () => revealWindow(handle?.window ?? null)) // macOS dock click
  return app.whenReady().then(async () => {
    handle = await boot(deps)
    return handle
  })
}

async function boot(deps: DesktopDeps): Promise<DesktopHandle> {
  const { app, BrowserWindow, ipcMain, Menu, Tray, nativeImage, Notification, protocol, session, shell } = deps.electron
  const dataDir = deps.resolveDataDir({ argv: deps.argv, env: deps.env, electronUserData: app.getPath('userData') })
  const host = createDesktopHost({ shell, dataDir, prefs: deps.prefs?.(dataDir), log: (m, meta) => log(m, meta) })
  const core = await deps.createCore(dataDir, host)
  const devUrl = app.isPackaged ? undefined : deps.devServerUrl
  const log = (msg: string, meta?: object) => core.log.info(msg, meta)
  const hidden = startsHidden(app, deps.platform ?? process.platform, deps.argv)

  protocol.handle(APP_SCHEME, createBundleHandler(deps.paths.renderer))
  installSessionPolicy(session.defaultSession, devUrl ? DEV_CSP : CSP)
  const removeIpc = registerIpcHandlers(ipcMain, core, trustedOrigins(devUrl))

  // process.resourcesPath exists only inside Electron (tests run the shell on plain Node with a fake electron).
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath ?? ''
  const iconPlace = { packaged: app.isPackaged, resourcesPath, appPath: app.getAppPath() }
  const icon = nativeImage.createFromPath(trayIconPath('normal', deps.platform ?? process.platform, iconPlace))
  const win = createMainWindow({
    BrowserWindow,
    preloadPath: deps.paths.preload,
    entryUrl: devUrl ?? APP_ENTRY_URL,
    openExternal: (url) => shell.openExternal(url),
    icon,
    log,
    startHidden: hidden
  })
  const stopEvents = forwardEvents(core, () => (win.isDestroyed() ? null : win.webContents))
  const notify = createNotifier(Notification, () => revealWindow(win))

  let quitting = false
  let tray: TrayController | null = null
  const platform = deps.platform ?? process.platform
  const navigate = (target: NavigateTarget) => {
    revealWindow(win)
    if (!win.isDestroyed()) win.webContents.send(eventChannel('navigate'), NavigateTargetSchema.parse(target))
  }
  const state = { status: null as Status | null, syncing: false, notifications: true, startAtLogin: false }
  const render = () =>
    tray?.render(
      trayModel({
        status: state.status,
        syncing: state.syncing,
        windowVisible: !win.isDestroyed() && win.isVisible(),
        formatTime: formatTrayTime
      })
    )
  const refreshTray = async () => {
    try {
      const reply = await core.dispatch('getStatus', {})
      const parsed = reply.ok ? StatusSchema.safeParse(reply.value) : null
      state.status = parsed?.success ? parsed.data : null
    } catch (e) {
      state.status = null
      core.log.error('tray status failed', { error: e instanceof Error ? e.message : String(e) })
    }
    render()
  }
  const background = deps.background?.(core)
  const syncNow = deps.syncNow ?? (background ? () => background.syncNow() : () => refreshTray())
  // One sync at a time: a second "Sync now" while one runs joins it instead of starting another.
  let inflight: Promise<void> | null = null
  const runSync = (): Promise<void> => {
    inflight ??= (async () => {
      state.syncing = true
      render()
      try {
        await syncNow(core)
      } catch (e) {
        core.log.error('sync from tray failed', { error: e instanceof Error ? e.message : String(e) })
      } finally {
        state.syncing = false
        inflight = null
      }
      await refreshTray()
    })()
    return inflight
  }
  const setPaused = async (paused: boolean) => {
    const r = await core.dispatch('setPaused', { paused })
    if (!r.ok) core.log.error('pause from tray failed', { error: r.error.message })
    await refreshTray()
  }
  const onAction = (a: TrayAction) => {
    if (a.kind === 'syncNow') void runSync()
    else if (a.kind === 'pause' || a.kind === 'resume') void setPaused(a.kind === 'pause')
    else if (a.kind === 'open') navigate(a.target)
    else if (a.kind === 'toggleWindow') void (win.isVisible() ? win.hide() : revealWindow(win))
    else app.quit()
  }
  const icons = {
    normal: icon,
    attention: nativeImage.createFromPath(trayIconPath('attention', platform, iconPlace))
  }
  try {
    tray = new TrayController(new Tray(icon), Menu, icons, onAction)
  } catch (e) {
    // No tray (e.g. a Linux desktop without StatusNotifier): closing the window must then quit.
    core.log.error('tray unavailable', { error: e instanceof Error ? e.message : String(e) })
  }
  win.on('show', render)
  win.on('hide', render)
  const setLoginItem = deps.loginItem ?? loginItemApplier({ app, platform, env: deps.env, execPath: process.execPath })
  const applySettings = (p: { prefs: { notifications: boolean; startAtLogin: boolean } }) => {
    state.notifications = p.prefs.notifications
    if (p.prefs.startAtLogin !== state.startAtLogin) {
      state.startAtLogin = p.prefs.startAtLogin
      try {
        setLoginItem(p.prefs.startAtLogin)
      } catch (e) {
        core.log.error('login item failed', { error: e instanceof Error ? e.message : String(e) })
      }
    }
  }
  const attention = createAttentionPolicy()
  const stopTrayEvents = core.events.onAny((name, payload) => {
    if (name === 'settingsChanged') applySettings(payload as EventPayload<'settingsChanged'>)
    if (TRAY_EVENTS.has(name)) void refreshTray()
    const a = attention(name, payload)
    const target = notificationRoute(name, payload)
    if (a && state.notifications) notify(a.title, a.body, () => (target ? navigate(target) : revealWindow(win)))
  })
  void core.dispatch('getSettings', {}).then((r) => {
    // The login item was set when the preference was saved: at start-up only remember both.
    const prefs = r.ok ? UiPrefsSchema.safeParse((r.value as { prefs?: unknown }).prefs) : null
    if (prefs?.success) Object.assign(state, prefs.data)
  })
  if (tray) {
    const notice = deps.closeNotice(dataDir)
    installCloseToTray(win, {
      isQuitting: () => quitting,
      noticeShown: () => notice.shown(),
      markNoticeShown: () => notice.markShown(),
      notify: (title, body) => void notify(title, body)
    })
  }
  void refreshTray()
  if (background) {
    void background.start()
    // A laptop asleep at the scheduled time runs the missed push once when it wakes.
    deps.electron.powerMonitor.on('resume', () => void background.resume())
  }

  app.on('before-quit', () => {
    quitting = true
  })
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    // Hold the quit until the core has finished (database closed, jobs stopped).
    event.preventDefault()
    background?.stop()
    stopTrayEvents()
    stopEvents()
    removeIpc()
    tray?.destroy()
    core
      .close()
      .catch((e: unknown) => core.log.error('close failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
  return { core, window: win, tray, refreshTray, syncNow: runSync }
}
