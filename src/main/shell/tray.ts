import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'
import type { TrayAction, TrayIconName, TrayModel } from './tray-model'

/**
 * The tray icon and its context menu, drawn from a TrayModel (tray-model.ts decides everything). `render` is
 * idempotent: the menu is rebuilt only when the model changes, so it can be called from every event without
 * flicker. Show/Hide is a menu item because tray clicks are unreliable on Linux.
 */
export class TrayController {
  private lastKey: string | null = null
  private lastIcon: TrayIconName = 'normal'

  constructor(
    private readonly tray: Pick<Tray, 'setContextMenu' | 'setToolTip' | 'setImage' | 'destroy' | 'isDestroyed'>,
    private readonly menu: Pick<typeof Menu, 'buildFromTemplate'>,
    private readonly icons: Record<TrayIconName, NativeImage | string>,
    private readonly onAction: (action: TrayAction) => void
  ) {}

  render(model: TrayModel): void {
    const key = JSON.stringify(model)
    if (key === this.lastKey || this.tray.isDestroyed()) return
    this.lastKey = key
    const template: MenuItemConstructorOptions[] = model.items.map((item) => {
      if ('separator' in item) return { type: 'separator' }
      const action = item.action
      return {
        id: item.id,
        label: item.label,
        enabled: item.enabled,
        ...(action ? { click: () => this.onAction(action) } : {})
      }
    })
    if (model.icon !== this.lastIcon) {
      this.lastIcon = model.icon
      this.tray.setImage(this.icons[model.icon])
    }
    this.tray.setToolTip(model.tooltip)
    this.tray.setContextMenu(this.menu.buildFromTemplate(template))
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy()
  }
}
