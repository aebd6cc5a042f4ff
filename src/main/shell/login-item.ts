import type { App } from 'electron'

/** The argument a login launch carries on Windows and Linux: start in the tray, no window. */
export const HIDDEN_ARG = '--hidden'

type LoginApp = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>

/**
 * Start at login through Electron's login item. macOS opens the app hidden itself (`openAsHidden`); Windows
 * starts the executable with `--hidden`, which the app reads at start-up. Linux has no login item in Electron:
 * there the desktop's autostart entry does it (see autostart.ts).
 */
export function applyLoginItem(app: LoginApp, platform: NodeJS.Platform, enabled: boolean): void {
  if (platform === 'darwin') app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true })
  else app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
}

/** Whether this launch should stay in the tray: started at login (`--hidden`, or macOS's hidden login item). */
export function startsHidden(app: LoginApp, platform: NodeJS.Platform, argv: readonly string[]): boolean {
  if (argv.includes(HIDDEN_ARG)) return true
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAsHidden === true
}
