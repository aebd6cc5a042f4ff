import { describe, expect, it } from 'vitest'
import { createAttentionPolicy } from '../../../src/main/shell/attention'

describe('desktop notifications policy', () => {
  it('notifies a failed or partial billing push, not a good one', () => {
    const p = createAttentionPolicy()
    expect(p('syncFinished', { runId: 'r', result: 'ok' })).toBeNull()
    expect(p('syncFinished', { runId: 'r', result: 'failed' })).toMatchObject({ title: 'Billing push failed' })
    expect(p('syncFinished', { runId: 'r', result: 'partial' })).toMatchObject({ title: 'Billing push partly failed' })
  })

  it('notifies undelivered alerts once when the queue starts to fill, again only after it emptied', () => {
    const p = createAttentionPolicy()
    const cycle = (queued: number) => p('alertsChanged', { ticketsCreated: 0, notesAdded: 0, queued })
    expect(cycle(0)).toBeNull()
    expect(cycle(2)).toMatchObject({ body: expect.stringContaining('2 alert(s)') })
    expect(cycle(5)).toBeNull()
    expect(cycle(0)).toBeNull()
    expect(cycle(1)).not.toBeNull()
    expect(p('integrationsChanged', { kind: 'syncro' })).toBeNull()
  })
})
