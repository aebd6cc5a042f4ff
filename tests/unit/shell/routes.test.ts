import { describe, expect, it } from 'vitest'
import { notificationRoute } from '../../../src/main/shell/routes'
import { createAttentionPolicy } from '../../../src/main/shell/attention'

describe('notification → screen routing', () => {
  it('a failed or partial billing push opens Activity', () => {
    expect(notificationRoute('syncFinished', { runId: 'r', result: 'failed' })).toEqual({
      screen: 'activity',
      filter: null
    })
  })

  it('alerts waiting to be delivered open the alert queue on Activity', () => {
    expect(notificationRoute('alertsChanged', { ticketsCreated: 0, notesAdded: 0, queued: 4 })).toEqual({
      screen: 'activity',
      filter: 'alerts'
    })
  })

  it('every notification the attention policy raises has a route', () => {
    const policy = createAttentionPolicy()
    const raised: Array<[Parameters<typeof notificationRoute>[0], unknown]> = [
      ['syncFinished', { runId: 'r', result: 'failed' }],
      ['syncFinished', { runId: 'r', result: 'partial' }],
      ['alertsChanged', { ticketsCreated: 0, notesAdded: 0, queued: 2 }]
    ]
    for (const [name, payload] of raised) {
      expect(policy(name, payload), name).not.toBeNull()
      expect(notificationRoute(name, payload), name).not.toBeNull()
    }
  })

  it('events that raise no notification have no route', () => {
    expect(notificationRoute('integrationsChanged', { kind: 'x' })).toBeNull()
    expect(notificationRoute('alertsChanged', { ticketsCreated: 1, notesAdded: 0, queued: 0 })).toBeNull()
  })
})
