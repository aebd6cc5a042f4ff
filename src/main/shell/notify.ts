import type { Notification, NotificationConstructorOptions } from 'electron'

type NotificationClass = {
  new (options: NotificationConstructorOptions): Pick<Notification, 'show' | 'on'>
  isSupported(): boolean
}

/**
 * Desktop notifications from the main process (never from the page: its permission requests are
 * denied). Returns a no-op notifier where the platform has no notification service.
 */
export function createNotifier(
  NotificationCtor: NotificationClass,
  onClick?: () => void
): (title: string, body: string, click?: () => void) => boolean {
  return (title, body, click = onClick) => {
    if (!NotificationCtor.isSupported()) return false
    const n = new NotificationCtor({ title, body, silent: false })
    if (click) n.on('click', click)
    n.show()
    return true
  }
}
