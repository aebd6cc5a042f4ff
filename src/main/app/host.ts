import type { HostKind } from '../../shared/contract/settings'
import type { PrefsStore } from '../core/prefs'

/**
 * What the door that opened the app can do beyond the core: the desktop app opens folders and owns the
 * login item; the browser bridge and the CLI cannot (a browser page has no business opening local folders).
 */
export interface AppHost {
  door: HostKind
  /** UI preferences: electron-store in the desktop app; a JSON file in the data folder otherwise. */
  prefs?: PrefsStore
  /** Opens a folder in the file manager. The shell checks the path again before it opens anything. */
  openFolder?(path: string): Promise<void>
  /** The desktop app applies start-at-login itself (Electron's login item) when the setting changes. */
  canStartAtLogin?: boolean
}
