import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow } from 'electron'
import { CSP } from '../../../src/main/shell/security'
import {
  createMainWindow,
  hardenWebContents,
  installCloseToTray,
  installSessionPolicy,
  revealWindow
} from '../../../src/main/shell/window'
import { createFakeElectron, FakeBrowserWindow, FakeWebContents } from './fake-electron'

// The shell modules import electron for types only; mocking it proves nothing reaches the real one.
vi.mock('electron', () => ({}))

function makeWindow(entryUrl = 'app://bundle/index.html') {
  const fake = createFakeElectron()
  const openExternal = vi.fn(() => Promise.resolve())
  const win = createMainWindow({
    BrowserWindow: fake.electron.BrowserWindow as unknown as typeof BrowserWindow,
    preloadPath: '/app/out/preload/index.cjs',
    entryUrl,
    openExternal
  }) as unknown as FakeBrowserWindow
  return { win, openExternal, fake }
}

describe('main window', () => {
  it('gets only the secure webPreferences and loads the entry URL', () => {
    const { win } = makeWindow()
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
    expect(win.loadedUrl).toBe('app://bundle/index.html')
    expect(win.isVisible()).toBe(false)
    win.emit('ready-to-show')
    expect(win.isVisible()).toBe(true)
  })

  it('prevents navigation away from the bundle', () => {
    const { win } = makeWindow()
    for (const url of [
      'https://evil.example/',
      'app://bundle/other.html',
      'file:///etc/passwd',
      'javascript:alert(1)'
    ]) {
      expect(
        win.webContents.fire('will-navigate', { url, isSameDocument: false, isMainFrame: true }).defaultPrevented
      ).toBe(true)
    }
    expect(
      win.webContents.fire('will-navigate', { url: 'app://bundle/index.html#/x', isSameDocument: true })
        .defaultPrevented
    ).toBe(false)
    expect(win.webContents.fire('will-attach-webview').defaultPrevented).toBe(true)
  })
})

describe('window.open', () => {
  const hostile = [
    'http://x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '  https://x',
    'https://x\n',
    'app://bundle/index.html',
    'ms-settings:',
    'https://user:pw@ok.example/',
    '::::',
    ''
  ]

  it('always denies; hands only plain https URLs to the browser', async () => {
    const wc = new FakeWebContents()
    const openExternal = vi.fn(() => Promise.resolve())
    hardenWebContents(wc as never, openExternal)
    for (const url of hostile) expect(wc.openHandler!({ url })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
    expect(wc.openHandler!({ url: 'https://ok.example/path' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://ok.example/path')
  })

  it('survives openExternal failing', async () => {
    const wc = new FakeWebContents()
    const failed = Promise.reject(new Error('no browser'))
    const log = vi.fn()
    hardenWebContents(wc as never, () => failed, log)
    expect(wc.openHandler!({ url: 'https://ok.example/' })).toEqual({ action: 'deny' })
    await failed.catch(() => undefined)
    await Promise.resolve()
    expect(log).toHaveBeenCalledWith('openExternal failed', { error: 'no browser' })
  })
})

describe('session policy', () => {
  it('sets the CSP response header, replacing any the server sent', () => {
    const fake = createFakeElectron()
    installSessionPolicy(fake.electron.session.defaultSession as never, CSP)
    const headers = fake.applyHeaders({
      'content-type': ['text/html'],
      'content-security-policy': ["default-src *; script-src * 'unsafe-eval'"]
    })
    expect(headers['Content-Security-Policy']).toEqual([CSP])
    expect(headers['content-type']).toEqual(['text/html'])
    const cspKeys = Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')
    expect(cspKeys).toEqual(['Content-Security-Policy'])
    expect(fake.applyHeaders({})['Content-Security-Policy']).toEqual([CSP])
  })

  it('denies every permission request and check', async () => {
    const fake = createFakeElectron()
    installSessionPolicy(fake.electron.session.defaultSession as never, CSP)
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(await fake.askPermission(p)).toBe(false)
      expect(fake.checkPermission(p)).toBe(false)
    }
  })
})

describe('close to tray', () => {
  it('hides instead of closing, shows the notice once, closes for real when quitting', () => {
    const win = new FakeBrowserWindow({})
    win.show()
    let quitting = false
    let shown = false
    const notify = vi.fn()
    installCloseToTray(win as never, {
      isQuitting: () => quitting,
      noticeShown: () => shown,
      markNoticeShown: () => (shown = true),
      notify
    })
    expect(win.userClose().defaultPrevented).toBe(true)
    expect(win.isVisible()).toBe(false)
    win.show()
    expect(win.userClose().defaultPrevented).toBe(true)
    expect(notify).toHaveBeenCalledTimes(1)
    quitting = true
    expect(win.userClose().defaultPrevented).toBe(false)
    expect(win.isDestroyed()).toBe(true)
  })

  it('does not repeat a notice already shown in an earlier run', () => {
    const win = new FakeBrowserWindow({})
    const notify = vi.fn()
    installCloseToTray(win as never, {
      isQuitting: () => false,
      noticeShown: () => true,
      markNoticeShown: vi.fn(),
      notify
    })
    win.userClose()
    expect(notify).not.toHaveBeenCalled()
  })
})

describe('revealWindow', () => {
  it('restores, shows and focuses; ignores a missing or destroyed window', () => {
    const win = new FakeBrowserWindow({})
    win.minimized = true
    revealWindow(win as never)
    expect([win.minimized, win.isVisible(), win.focused]).toEqual([false, true, true])
    const dead = new FakeBrowserWindow({})
    dead.destroyed = true
    revealWindow(dead as never)
    expect(dead.isVisible()).toBe(false)
    expect(() => revealWindow(null)).not.toThrow()
  })
})
