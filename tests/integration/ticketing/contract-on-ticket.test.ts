import { afterEach, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from '../autotask/setup'
import { useSyncroSim } from '../syncro/setup'

// "Add agreement/contract to tickets": the org's PSA contract travels on the create request.

const base = { subject: 'Critical: MFA disabled', body: 'b', marker: 'psa-bridge:contract-test' }

describe('a contract on a new ticket', () => {
  let at: Harness | undefined
  afterEach(async () => {
    await at?.sim.close()
    at = undefined
  })

  it('Autotask: sets contractID, and the server refuses another company’s contract', async () => {
    at = await startHarness()
    const contracts = at.sim.state.tables.Contracts
    const own = contracts[0]!
    const other = contracts.find((c) => c.companyID !== own.companyID)!
    const metadata = await at.connector.getTicketMetadata()
    const fields = { status: metadata.statuses[0]!.value, priority: metadata.priorities[0]!.value }
    const queue = metadata.queues[0]!.value
    const ref = await at.connector.createTicket({
      ...base,
      ...fields,
      queue,
      customerId: String(own.companyID),
      contractId: String(own.id)
    })
    const row = at.sim.state.tables.Tickets.find((t) => String(t.id) === ref.id)!
    expect(row.contractID).toBe(own.id)
    await expect(
      at.connector.createTicket({
        ...base,
        ...fields,
        queue,
        marker: 'psa-bridge:other',
        customerId: String(own.companyID),
        contractId: String(other.id)
      })
    ).rejects.toThrow(/contractID/)
    const none = await at.connector.createTicket({
      ...base,
      ...fields,
      queue,
      marker: 'psa-bridge:none',
      customerId: String(own.companyID)
    })
    expect(at.sim.state.tables.Tickets.find((t) => String(t.id) === none.id)!.contractID).toBeNull()
  })

  const syncro = useSyncroSim()
  it('Syncro: sends contract_id and the ticket record carries it', async () => {
    const { account, connect } = await syncro.start()
    const c = connect()
    const customer = account.customers[0]!
    const ref = await c.createTicket({ ...base, customerId: String(customer.id), contractId: '4242' })
    expect(account.tickets.find((t) => String(t.id) === ref.id)!.contract_id).toBe(4242)
    await expect(c.createTicket({ ...base, customerId: String(customer.id), contractId: 'x1' })).rejects.toThrow(
      /contract id/
    )
  })
})
