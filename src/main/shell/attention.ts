import type { EventName } from '../../shared/contract'

export interface Attention {
  title: string
  body: string
}

/**
 * Which core events deserve a desktop notification. Only what needs a person: a billing push that
 * failed, and alerts that could not be delivered — the latter once when the queue starts to fill,
 * not on every poll while the PSA stays down.
 */
export function createAttentionPolicy(): (name: EventName, payload: unknown) => Attention | null {
  let queued = 0
  return (name, payload) => {
    if (name === 'syncFinished') {
      const result = (payload as { result?: string }).result
      if (result === 'failed')
        return { title: 'Billing push failed', body: 'Nothing was written. Open Activity for the reason.' }
      if (result === 'partial')
        return {
          title: 'Billing push partly failed',
          body: 'Some quantities were not written. Open Activity for the details.'
        }
      return null
    }
    if (name === 'alertsChanged') {
      const now = (payload as { queued?: number }).queued ?? 0
      const started = queued === 0 && now > 0
      queued = now
      if (started)
        return {
          title: 'Alerts are waiting to be delivered',
          body: `${now} alert(s) could not be sent to the PSA yet; PSA Bridge keeps retrying.`
        }
    }
    return null
  }
}
