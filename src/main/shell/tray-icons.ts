import { join } from 'node:path'

// The tray's icon per state and platform: the one place that knows the file names scripts/icons.mjs writes to
// resources/tray (packaged: <resources>/tray, see electron-builder.json extraResources).

export const TRAY_ICON_STATES = ['normal', 'attention'] as const
export type TrayIconState = (typeof TRAY_ICON_STATES)[number]

/**
 * macOS: black *Template images the menu bar tints for light/dark; Windows: .ico (several sizes in one file);
 * Linux: PNG. Electron picks the @2x PNG beside a file by itself on high-density screens.
 */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform): string {
  const attention = state === 'attention'
  if (platform === 'darwin') return attention ? 'trayAttentionTemplate.png' : 'trayTemplate.png'
  if (platform === 'win32') return attention ? 'tray-attention.ico' : 'tray.ico'
  return attention ? 'tray-attention.png' : 'tray.png'
}

/** Where the tray images are: beside the app's resources when packaged, the repo's resources/ otherwise. */
export function trayIconDir(o: { packaged: boolean; resourcesPath: string; appPath: string }): string {
  return o.packaged ? join(o.resourcesPath, 'tray') : join(o.appPath, 'resources', 'tray')
}

export function trayIconPath(
  state: TrayIconState,
  platform: NodeJS.Platform,
  where: { packaged: boolean; resourcesPath: string; appPath: string }
): string {
  return join(trayIconDir(where), trayIconFile(state, platform))
}
