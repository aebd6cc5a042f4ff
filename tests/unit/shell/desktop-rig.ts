// The desktop shell's test rig: a fake electron and a fake core (shared by the desktop test files).
import { vi } from 'vitest'
import type { EventName } from '../../../src/shared/contract'
import type { Envelope } from '../../../src/shared/errors'
import type { Status } from '../../../src/shared/contract/system'
import { IntegrationKindSchema, IntegrationRoleSchema } from '../../../src/shared/registry'
import type { DesktopDeps, ShellCore, ShellElectron } from '../../../src/main/shell/desktop'
import { createFakeElectron, FakeBrowserWindow } from './fake-electron'

export function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

export const STATUS: Status = {
  version: '0.1.0',
  dataDir: '/d',
  secretStore: 'memory',
  integrations: [
    {
      kind: IntegrationKindSchema.options[0]!,
      role: IntegrationRoleSchema.options[0]!,
      displayName: 'PSA',
      settings: {},
      secretSaved: true,
      createdAt: '2026-03-01T00:00:00Z',
      verifiedAt: null
    }
  ],
  lastSync: null,
  alerts: { queued: 0, attention: 0, waitingMapping: 0, attentionReason: null },
  pause: { paused: false, since: null },
  nextRun: null
}

export function fakeCore() {
  const listeners = new Set<(name: EventName, payload: unknown) => void>()
  let finishClose: () => void = () => undefined
  let status: Status = STATUS
  const prefs = { startAtLogin: false, notifications: true }
  const core = {
    dispatch: vi.fn(async (name: unknown, input?: unknown): Promise<Envelope<unknown>> => {
      if (name === 'getStatus') return { ok: true, value: status }
      if (name === 'getSettings') return { ok: true, value: { prefs } }
      if (name === 'setPaused') {
        const paused = (input as { paused: boolean }).paused
        status = { ...status, pause: { paused, since: paused ? '2026-03-01T10:00:00Z' : null } }
        return { ok: true, value: status.pause }
      }
      return { ok: true, value: null }
    }),
    events: {
      onAny: (cb: (name: EventName, payload: unknown) => void) => {
        listeners.add(cb)
        return () => void listeners.delete(cb)
      }
    },
    log: { info: vi.fn(), error: vi.fn() },
    dataDir: '/d',
    close: vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)))
  } satisfies ShellCore
  return {
    core,
    emit: (name: EventName, payload: unknown) => listeners.forEach((l) => l(name, payload)),
    listenerCount: () => listeners.size,
    setStatus: (over: Partial<Status>) => void (status = { ...status, ...over }),
    prefs,
    finishClose: () => finishClose()
  }
}

export function setup(
  opts: {
    lock?: boolean
    isPackaged?: boolean
    devServerUrl?: string
    noticeShown?: boolean
    platform?: NodeJS.Platform
    argv?: string[]
  } = {}
) {
  const fake = createFakeElectron({ lock: opts.lock, isPackaged: opts.isPackaged })
  const c = fakeCore()
  const notice = { shown: opts.noticeShown ?? false }
  const deps: DesktopDeps = {
    electron: fake.electron as unknown as ShellElectron,
    resolveDataDir: vi.fn((o: { electronUserData?: string }) => `${o.electronUserData}/data`),
    createCore: vi.fn(async () => c.core),
    argv: opts.argv ?? ['electron', '.'],
    env: {},
    // Not Linux by default: there start-at-login writes an autostart file in the real home folder.
    platform: opts.platform ?? 'win32',
    paths: { preload: '/app/out/preload/index.cjs', renderer: '/app/out/renderer' },
    devServerUrl: opts.devServerUrl,
    closeNotice: vi.fn(() => ({ shown: () => notice.shown, markShown: () => void (notice.shown = true) }))
  }
  const win = () => fake.electron.BrowserWindow.instances[0] as FakeBrowserWindow
  const trayMenu = () =>
    (fake.electron.Tray.instances[0]?.menu?.template ?? []) as Array<{
      id?: string
      label?: string
      click?: () => void
    }>
  return { fake, deps, win, trayMenu, ...c }
}
