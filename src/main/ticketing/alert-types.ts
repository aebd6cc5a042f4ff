import type { SourceEvent } from '../connectors/types'
import type { AlertType } from '../../shared/contract/ticketing'

// The four alert types and the Directory Insights event types behind them (jumpcloud.md §A.3).

export interface AlertTypeDef {
  id: AlertType
  label: string
  eventTypes: string[]
  /** What the alert is about: its affected device or its affected user (the grouping subject). */
  subject: 'device' | 'user'
}

export const ALERT_TYPES: readonly AlertTypeDef[] = [
  {
    id: 'fde-key-decrypted',
    label: 'Disk Encryption Key Decrypted',
    eventTypes: ['system_fde_key_decrypt'],
    subject: 'device'
  },
  {
    id: 'admin-granted',
    label: 'User Admin Access Granted',
    eventTypes: ['user_admin_granted', 'user_group_admin_grant'],
    subject: 'user'
  },
  { id: 'user-lockout', label: 'User Lockout', eventTypes: ['user_lockout'], subject: 'user' },
  { id: 'password-expired', label: 'User Password Expired', eventTypes: ['user_password_expired'], subject: 'user' }
]

export const ALL_EVENT_TYPES = ALERT_TYPES.flatMap((t) => t.eventTypes)

export function alertTypeDef(id: AlertType): AlertTypeDef {
  const def = ALERT_TYPES.find((t) => t.id === id)
  if (!def) throw new Error(`unknown alert type ${id}`)
  return def
}

export function alertTypeOfEvent(eventType: string): AlertTypeDef | undefined {
  const t = eventType.toLowerCase()
  return ALERT_TYPES.find((d) => d.eventTypes.includes(t))
}

/**
 * The grouping key: org + alert type + the affected user or device. Built from ids/names of the event,
 * never from the rendered subject, so a timestamp or a template change cannot split a group.
 * A per-device alert whose event names no device groups by itself: folding every such event into one
 * "unknown device" group would put different devices' disk-key alerts on one ticket.
 */
export function groupKeyOf(
  def: AlertTypeDef,
  e: Pick<SourceEvent, 'orgId' | 'user' | 'device' | 'deviceId'> & { id?: string }
): string {
  const device = e.device ?? e.deviceId
  const primary = def.subject === 'device' ? (device ?? (e.id ? `event:${e.id}` : undefined)) : (e.user ?? device)
  return [e.orgId, def.id, (primary ?? '-').trim().toLowerCase()].join('|')
}
