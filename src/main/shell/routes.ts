import type { EventName } from '../../shared/contract'
import type { NavigateTarget } from '../../shared/contract/settings'

/**
 * Where a click on a notification leads: the screen (and filter) where the person can act on it. Pure, so the
 * routing is tested without Electron; null when the notification has nowhere better to go than the window.
 */
const ALERT_QUEUE: NavigateTarget = { screen: 'activity', filter: 'alerts' }

export function notificationRoute(name: EventName, payload: unknown): NavigateTarget | null {
  if (name === 'syncFinished') return { screen: 'activity', filter: null }
  // Alerts that could not be delivered: the alert queue on Activity, with their age and reason.
  if (name === 'alertsChanged') return (payload as { queued?: number } | null)?.queued ? ALERT_QUEUE : null
  return null
}
