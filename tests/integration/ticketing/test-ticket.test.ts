import { describe, expect, it } from 'vitest'
import type { AlertTicketRow } from '../../../src/shared/contract/ticketing'
import { useTicketing } from './setup'

const start = useTicketing()

describe.each(['syncro', 'autotask'] as const)('Send test ticket against the %s simulator', (psa) => {
  it('an invalid call (unknown customer, stale setting) is refused and leaves no "creating" row in Activity', async () => {
    const h = await start(psa)
    await expect(h.s.call('sendTestTicket', { customerId: '987654321' })).rejects.toMatchObject({
      envelope: { code: 'validation', field: 'customerId' }
    })
    // A priority the PSA no longer has (saved before the PSA list changed): refused before anything is recorded.
    const s = await h.settings()
    h.s.app.db
      .prepare('UPDATE settings SET value_json = ? WHERE key = ?')
      .run(JSON.stringify({ ...s, defaults: { ...s.defaults, priority: 'Gone Priority' } }), `${psa}.ticketing`)
    await expect(h.s.call('sendTestTicket', { customerId: h.customers.a.id })).rejects.toMatchObject({
      envelope: { code: 'validation' }
    })
    expect(await h.s.call<AlertTicketRow[]>('listAlertTickets', {})).toEqual([])
    expect(h.tickets()).toEqual([])
  })

  it('a test ticket the PSA refuses leaves no row stuck in "creating"', async () => {
    const h = await start(psa)
    h.psaFault({
      kind: 'status',
      status: 422,
      body: { errors: ['refused'] },
      match: { method: 'POST', path: h.createTicketPath }
    })
    await expect(h.s.call('sendTestTicket', { customerId: h.customers.a.id })).rejects.toThrow()
    expect(await h.s.call<AlertTicketRow[]>('listAlertTickets', {})).toEqual([])
  })
})
