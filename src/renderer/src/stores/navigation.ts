import type { NavigateTarget } from '../../../shared/contract/settings'
import { api } from '../api/client'
import { useCustomers } from './customers'
import { useNav } from './nav'

/** Opens a screen with its filter, as the tray or a clicked notification asked. */
export function openTarget(t: NavigateTarget): void {
  useNav.getState().go(t.screen)
  if (t.screen === 'customers' && t.filter === 'unmapped') useCustomers.getState().setStatus('unmapped')
}

export function watchNavigation(): () => void {
  return api.on('navigate', openTarget)
}
