import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { targetKey, type PsaConnector } from '../../src/main/connectors/types'
import { PSA_KINDS } from '../../src/shared/registry'
import { isAppError } from '../../src/shared/errors'
import { PSA_SIM_HARNESSES } from './psa-harness'

// What every PSA connector must do the same way, whatever its API: run once per registered PSA against
// its simulator. PSA-specific behaviour stays in that PSA's own connector tests.

describe.each(PSA_KINDS)('%s connector (shared PSA suite)', (kind) => {
  let connector: PsaConnector
  let close: () => Promise<void>
  let now: () => Date
  beforeEach(async () => {
    ;({ connector, close, now } = await PSA_SIM_HARNESSES[kind].start())
  })
  afterEach(async () => close())

  /** A customer with a billing target whose quantity can be changed, and that target. */
  async function billableTarget() {
    for (const c of await connector.listCustomers()) {
      const containers = await connector.listBillingTargets(c.id)
      const container = containers.find((x) => x.items.length > 0)
      if (container) return { customer: c, container, item: container.items[0]! }
    }
    throw new Error('the seed has no customer with a billing target; change the seed')
  }

  it('is the connector of its kind and verify() names the account', async () => {
    expect(connector.kind).toBe(kind)
    expect((await connector.verify()).displayName.trim()).not.toBe('')
  })

  it('lists customers with unique string ids and names, and a created customer joins the list', async () => {
    const before = await connector.listCustomers()
    expect(before.length).toBeGreaterThan(0)
    expect(new Set(before.map((c) => c.id)).size).toBe(before.length)
    for (const c of before) expect(typeof c.id === 'string' && c.name.trim() !== '').toBe(true)
    const created = await connector.createCustomer({ name: 'Shared Suite Holdings' })
    expect(created.name).toBe('Shared Suite Holdings')
    expect((await connector.listCustomers()).map((c) => c.id)).toContain(created.id)
  })

  it('reads a target quantity as listed, writes a new one and reads it back (batch read agrees)', async () => {
    const { container, item } = await billableTarget()
    const target = { containerId: container.id, itemId: item.id }
    // The billing day on the simulator's clock: the period whose quantity is read and written.
    const billingDay = now().toISOString().slice(0, 10)
    const read = await connector.getQuantity(target, { billingDay })
    expect(read.quantity).toBe(item.quantity)
    const to = item.quantity + 3
    await connector.setQuantity(target, { from: item.quantity, to, billingDay })
    expect((await connector.getQuantity(target, { billingDay })).quantity).toBe(to)
    if (connector.getQuantities) {
      const batch = await connector.getQuantities([target], { billingDay })
      const hit = batch.get(targetKey(target))
      expect(hit instanceof Error ? hit : hit?.quantity).toBe(to)
    }
  })

  it('an unknown target is a not-found error, never a zero', async () => {
    const { container } = await billableTarget()
    const err = await connector.getQuantity({ containerId: container.id, itemId: '987654321' }).catch((e) => e)
    expect(isAppError(err) && err.code).toBe('not-found')
  })

  it('creates a ticket found again by its marker, adds a note found by its marker, reads its open state', async () => {
    const { customer } = await billableTarget()
    const meta = await connector.getTicketMetadata()
    expect(meta.statuses.length).toBeGreaterThan(0)
    expect(meta.closedStatuses.length).toBeGreaterThan(0)
    const marker = `[psa-bridge:shared-${kind}]`
    const ref = await connector.createTicket({
      customerId: customer.id,
      subject: 'Shared suite alert',
      body: 'Raised by the shared connector suite.',
      // A PSA that needs a queue or a technician gets the first one it lists.
      queue: meta.queues[0]?.value,
      technicianId: meta.queues.length === 0 ? undefined : meta.technicians[0]?.value,
      marker
    })
    expect((await connector.findTicketByMarker(customer.id, marker))?.id).toBe(ref.id)
    expect(await connector.findTicketByMarker(customer.id, '[psa-bridge:no-such-marker]')).toBeNull()
    const noteMarker = `[psa-bridge:note-${kind}]`
    await connector.addTicketNote(ref.id, { title: 'Repeat', body: `Again ${noteMarker}`, internal: true })
    expect(await connector.hasNoteWithMarker(ref.id, noteMarker)).toBe(true)
    expect(await connector.hasNoteWithMarker(ref.id, '[psa-bridge:other-note]')).toBe(false)
    expect(await connector.getTicket(ref.id)).toMatchObject({ id: ref.id, open: true })
  })
})
