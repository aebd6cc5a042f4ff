import type { SourceEvent } from '../types'
import type { DiEvent } from './schemas'

/** DI event → SourceEvent. §A.3: the affected user is the `resource`, the device is `system`. */
export function toSourceEvent(e: DiEvent, fallbackOrgId: string): SourceEvent {
  const pick = (...xs: Array<string | null | undefined>): string | undefined =>
    xs.find((x) => typeof x === 'string' && x !== '') ?? undefined
  const systems = [e.system, e.auth_context?.system, e.resource?.type === 'system' ? e.resource : undefined]
  return {
    id: e.id,
    orgId: pick(e.organization) ?? fallbackOrgId,
    eventType: e.event_type,
    timestamp: new Date(e.timestamp).toISOString(),
    user: pick(e.resource?.username, e.resource?.email, e.username),
    // Systems events carry `system`; SSO events put the device under `auth_context.system`; where a
    // `system_fde_key_decrypt` event names its device is undocumented, so every known place is read.
    device: pick(...systems.flatMap((s) => [s?.hostname, s?.displayName])),
    deviceId: pick(...systems.map((s) => s?.id)),
    initiatedBy: pick(e.initiated_by?.username, e.initiated_by?.email),
    message: pick(e.message),
    raw: e
  }
}

/** Oldest first; the id breaks ties so the order is stable across chunks. */
export function compareEvents(a: SourceEvent, b: SourceEvent): number {
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
