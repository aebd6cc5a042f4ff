import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron'
import { safeExternalUrl } from './security'

/** The only webPreferences the main window ever gets. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false
  }
}

/**
 * Session-wide policy: the CSP header on every http(s) response (the dev server; app:// responses
 * carry it from the protocol handler) and every permission request (camera, notifications from the
 * page, clipboard, geolocation…) denied — the UI needs none of them.
 */
export function installSessionPolicy(
  session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  csp: string
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {}
    for (const [key, value] of Object.entries(details.responseHeaders ?? {})) {
      if (key.toLowerCase() !== 'content-security-policy') headers[key] = value
    }
    headers['Content-Security-Policy'] = [csp]
    callback({ responseHeaders: headers })
  })
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * The page may not navigate away from the bundle, open windows, or embed webviews. A window.open /
 * target=_blank to a plain https URL goes to the user's browser instead; anything else is dropped.
 */
export function hardenWebContents(
  wc: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
  log?: (msg: string, meta?: object) => void
): void {
  wc.on('will-navigate', (event) => {
    // Never fires for same-document (hash/history) navigations; kept explicit in case that changes.
    if (event.isSameDocument) return
    event.preventDefault()
    log?.('navigation blocked', { url: String(event.url).slice(0, 200) })
  })
  wc.on('will-attach-webview', (event) => event.preventDefault())
  wc.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url)
    if (external) {
      openExternal(external).catch((e: unknown) =>
        log?.('openExternal failed', { error: e instanceof Error ? e.message : String(e) })
      )
    } else {
      log?.('window.open blocked', { url: String(url).slice(0, 200) })
    }
    return { action: 'deny' }
  })
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  preloadPath: string
  /** app://bundle/index.html, or the dev server URL. */
  entryUrl: string
  openExternal: (url: string) => Promise<void>
  icon?: BrowserWindowConstructorOptions['icon']
  log?: (msg: string, meta?: object) => void
  /** Started at login: stay in the tray until the person opens the window. */
  startHidden?: boolean
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'PSA Bridge',
    icon: deps.icon,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(deps.preloadPath)
  })
  hardenWebContents(win.webContents, deps.openExternal, deps.log)
  if (!deps.startHidden) win.once('ready-to-show', () => win.show())
  win
    .loadURL(deps.entryUrl)
    .catch((e: unknown) => deps.log?.('window failed to load', { error: e instanceof Error ? e.message : String(e) }))
  return win
}

/** Brings the window to the front, e.g. when a second instance is launched. */
export function revealWindow(
  win: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> | null
): void {
  if (!win || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

export interface CloseToTrayDeps {
  isQuitting: () => boolean
  /** Whether the "still running in the tray" notice was already shown once (persisted). */
  noticeShown: () => boolean
  markNoticeShown: () => void
  notify: (title: string, body: string) => void
}

/** Closing the window hides it; the app keeps syncing from the tray. The notice is shown once. */
export function installCloseToTray(win: Pick<BrowserWindow, 'on' | 'hide'>, deps: CloseToTrayDeps): void {
  win.on('close', (event) => {
    if (deps.isQuitting()) return
    event.preventDefault()
    win.hide()
    if (!deps.noticeShown()) {
      deps.markNoticeShown()
      deps.notify(
        'PSA Bridge is still running',
        'Billing and alert sync continue in the background. Use the tray icon (or start PSA Bridge again) to reopen it, and “Quit” there to stop.'
      )
    }
  })
}
