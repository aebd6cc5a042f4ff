import { homedir } from 'node:os'
import { join } from 'node:path'
import type { App, Shell } from 'electron'
import { AppError } from '../../shared/errors'
import type { AppHost } from '../app/host'
import type { PrefsStore } from '../core/prefs'
import { logDirOf } from '../core/log'
import { linuxAutostart } from './autostart'
import { applyLoginItem } from './login-item'
import { safeFolderPath } from './security'

/** What the desktop app adds to the core: folders opened through the guard, and the login item. */
export function createDesktopHost(o: {
  shell: Pick<Shell, 'openPath'>
  dataDir: string
  prefs?: PrefsStore
  log(msg: string, meta?: object): void
}): AppHost {
  const allowed = [o.dataDir, logDirOf(o.dataDir)]
  return {
    door: 'window',
    prefs: o.prefs,
    canStartAtLogin: true,
    async openFolder(path) {
      const safe = safeFolderPath(path, allowed)
      if (!safe) {
        o.log('folder refused', { path: String(path).slice(0, 200) })
        throw new AppError('permission', 'PSA Bridge opens only its own data and log folders.')
      }
      // openPath resolves with an error message ('' on success) instead of rejecting.
      const failure = await o.shell.openPath(safe)
      if (failure) throw new AppError('unavailable', `The folder could not be opened: ${failure}`)
    }
  }
}

/** Start at login on this platform: Electron's login item, or the freedesktop autostart entry on Linux. */
export function loginItemApplier(o: {
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  execPath: string
}): (enabled: boolean) => void {
  if (o.platform !== 'linux') return (enabled) => applyLoginItem(o.app, o.platform, enabled)
  const xdg = o.env.XDG_CONFIG_HOME?.trim()
  const configHome = xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.config')
  // An AppImage runs from a temporary mount: its own path is in APPIMAGE.
  const execPath = o.env.APPIMAGE?.trim() || o.execPath
  return (enabled) => void linuxAutostart({ configHome, execPath, enabled })
}
