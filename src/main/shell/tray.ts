import type { Menu, MenuItemConstructorOptions, Tray } from 'electron'

export interface TrayState {
  /** One line, e.g. "Last sync 14:02 — ok". */
  status: string
  windowVisible: boolean
  syncing: boolean
}

export interface TrayActions {
  syncNow(): void
  toggleWindow(): void
  quit(): void
}

/**
 * The tray icon and its context menu. `render` is idempotent: the menu is rebuilt only when the
 * state changes, so it can be called from every event without flicker. Show/Hide is a menu item
 * because tray clicks are unreliable on Linux (StatusNotifier hosts often swallow them).
 */
export class TrayController {
  private lastKey: string | null = null

  constructor(
    private readonly tray: Pick<Tray, 'setContextMenu' | 'setToolTip' | 'destroy' | 'isDestroyed'>,
    private readonly menu: Pick<typeof Menu, 'buildFromTemplate'>,
    private readonly actions: TrayActions
  ) {}

  render(state: TrayState): void {
    const key = JSON.stringify([state.status, state.windowVisible, state.syncing])
    if (key === this.lastKey || this.tray.isDestroyed()) return
    this.lastKey = key
    const template: MenuItemConstructorOptions[] = [
      { id: 'status', label: state.status, enabled: false },
      { type: 'separator' },
      {
        id: 'sync',
        label: state.syncing ? 'Syncing…' : 'Sync now',
        enabled: !state.syncing,
        click: () => this.actions.syncNow()
      },
      { id: 'toggle', label: state.windowVisible ? 'Hide' : 'Show', click: () => this.actions.toggleWindow() },
      { type: 'separator' },
      { id: 'quit', label: 'Quit', click: () => this.actions.quit() }
    ]
    this.tray.setToolTip(`PSA Bridge — ${state.status}`)
    this.tray.setContextMenu(this.menu.buildFromTemplate(template))
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy()
  }
}

/** The tray's status line from the core's getStatus reply. */
export function trayStatusLine(status: {
  integrations: unknown[]
  lastSync: { at: string; result: string } | null
  alerts?: { attention: number }
}): string {
  if (status.integrations.length === 0) return 'Not connected yet'
  // Alerts that cannot be delivered until a setting changes come first: nothing else will fix them.
  if (status.alerts?.attention) return `${status.alerts.attention} alert(s) need attention — see Activity`
  if (!status.lastSync) return 'Not synced yet'
  const at = new Date(status.lastSync.at)
  const when = Number.isNaN(at.getTime())
    ? status.lastSync.at
    : at.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })
  return `Last sync ${when} — ${status.lastSync.result}`.slice(0, 120)
}
