import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { emptyAccount, RESTRICTED_TOKEN, SIM_TOKEN } from '../../sims/syncro'
import { customerWithSchedule, useSyncroSim } from './setup'

const { start, current } = useSyncroSim()

describe('Syncro connector against the simulator', () => {
  it('verify() reads /me and names the account and user', async () => {
    const { connect, account } = await start()
    const owner = account.users[0]!.full_name
    await expect(connect().verify()).resolves.toEqual({ displayName: `${account.subdomain}.syncromsp.com (${owner})` })
  })

  it('lists every customer across pages, honouring per_page, with business-then-person names', async () => {
    const fixtureAccount = emptyAccount('bigmsp')
    fixtureAccount.tokens.push({ token: SIM_TOKEN, user_id: 1, permissions: 'all' })
    for (let i = 0; i < 1234; i++) {
      const person = i % 100 === 7
      fixtureAccount.customers.push({
        id: 5000 + i,
        business_name: person ? null : `Client ${i} LLC`,
        firstname: person ? 'Pat' : null,
        lastname: person ? `Person${i}` : null,
        email: null,
        disabled: i === 3,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z'
      })
    }
    const { connect } = await start({ fixture: { accounts: { bigmsp: fixtureAccount } } })
    const c = connect()
    const active = await c.listCustomers()
    expect(active).toHaveLength(1233) // the disabled one is left out by default
    expect(current().stats().byRoute['GET /:subdomain/api/v1/customers']).toBe(13) // ceil(1233 / 100)
    const all = await c.listCustomers({ includeInactive: true })
    expect(all).toHaveLength(1234)
    expect(new Set(all.map((x) => x.id)).size).toBe(1234)
    expect(all.find((x) => x.id === '5003')).toMatchObject({ active: false, name: 'Client 3 LLC' })
    expect(all.find((x) => x.id === '5007')).toMatchObject({ active: true, name: 'Pat Person7' })
  })

  it('creates a customer with business_name and returns it mapped', async () => {
    const { connect, account } = await start()
    const before = account.customers.length
    const created = await connect().createCustomer({ name: '  Brand New Dental, PLLC ' })
    expect(created).toMatchObject({ name: 'Brand New Dental, PLLC', active: true })
    expect(account.customers).toHaveLength(before + 1)
    expect(account.customers.at(-1)).toMatchObject({ id: Number(created.id), business_name: 'Brand New Dental, PLLC' })
  })

  it('lists schedules of a customer with exact decimal quantities and money converted from cents', async () => {
    const { connect, account } = await start()
    const s = customerWithSchedule(current())
    s.lines[0]!.quantity = '9.99'
    s.lines[0]!.retail_cents = 1234
    s.lines[0]!.cost_cents = 1
    const targets = await connect().listBillingTargets(String(s.customer_id))
    const expected = account.schedules.filter((x) => x.customer_id === s.customer_id)
    expect(targets.map((t) => t.id)).toEqual(expected.map((x) => String(x.id)))
    const mine = targets.find((t) => t.id === String(s.id))!
    expect(mine.items).toHaveLength(s.lines.length)
    expect(mine.items[0]).toEqual({
      id: String(s.lines[0]!.id),
      name: s.lines[0]!.name,
      quantity: 9.99,
      unitCost: 0.01,
      unitPrice: 12.34
    })
  })

  it('setQuantity sends quantity only; getQuantity re-reads the schedule', async () => {
    const { connect } = await start()
    const s = customerWithSchedule(current())
    const line = s.lines[0]!
    const nameBefore = line.name
    const priceBefore = line.retail_cents
    const c = connect()
    const target = { containerId: String(s.id), itemId: String(line.id) }
    await c.setQuantity(target, { from: Number(line.quantity), to: 42, billingDay: '2026-02-01' })
    expect(line.quantity).toBe('42.0')
    expect(line.name).toBe(nameBefore)
    expect(line.retail_cents).toBe(priceBefore)
    await expect(c.getQuantity(target)).resolves.toMatchObject({ quantity: 42 })
    const puts = current().replies.filter((r) => r.method === 'PUT')
    expect(puts).toHaveLength(1)
  })

  it('a deleted line or schedule is a clean not-found naming it', async () => {
    const { connect, account } = await start()
    const s = customerWithSchedule(current())
    const c = connect()
    const lineId = s.lines[0]!.id
    s.lines.shift()
    const lineTarget = { containerId: String(s.id), itemId: String(lineId) }
    const change = { from: 1, to: 2, billingDay: '2026-02-01' }
    await expect(c.setQuantity(lineTarget, change)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(String(lineId))
    })
    await expect(c.getQuantity(lineTarget)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(String(lineId))
    })
    account.schedules = account.schedules.filter((x) => x.id !== s.id)
    await expect(c.getQuantity(lineTarget)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(`invoice ${s.id}`)
    })
  })

  it('refuses a negative quantity before any request', async () => {
    const { connect } = await start()
    const s = customerWithSchedule(current())
    await expect(
      connect().setQuantity(
        { containerId: String(s.id), itemId: String(s.lines[0]!.id) },
        { from: 1, to: -3, billingDay: '2026-02-01' }
      )
    ).rejects.toMatchObject({ code: 'validation' })
    expect(current().stats().writes).toBe(0)
  })

  it('reads ticket metadata from /settings and /tickets/settings', async () => {
    const { connect, account } = await start()
    const m = await connect().getTicketMetadata()
    expect(m.statuses.map((x) => x.value)).toEqual(account.settings.ticket_status_list)
    expect(m.priorities.map((x) => x.value)).toEqual(account.settings.priorities.filter((p) => p !== ''))
    expect(m.issueTypes.map((x) => x.value)).toEqual(account.settings.problem_types)
    expect(m.technicians).toEqual(account.users.map((u) => ({ value: String(u.id), label: u.full_name })))
    expect(m.closedStatuses).toEqual(['Resolved', 'Invoiced'])
  })

  it('creates a ticket with every field, adds hidden and public notes, reads its state', async () => {
    const { connect, account } = await start()
    const customer = account.customers[0]!
    const tech = account.users[1]!
    const c = connect()
    const ref = await c.createTicket({
      customerId: String(customer.id),
      subject: 'Brute force against jdoe',
      body: 'Five failed logins in a minute.',
      status: 'New',
      priority: '1 High',
      issueType: 'Security',
      technicianId: String(tech.id),
      dueDate: new Date('2026-03-01T12:00:00Z'),
      marker: '[psa-bridge:evt-123]'
    })
    const t = account.tickets.find((x) => String(x.id) === ref.id)!
    expect(t).toMatchObject({
      subject: 'Brute force against jdoe',
      status: 'New',
      priority: '1 High',
      problem_type: 'Security',
      user_id: tech.id,
      customer_id: customer.id
    })
    expect(t.due_date).toBe('2026-03-01T12:00:00.000Z')
    expect(t.comments[0]!.body).toContain('Five failed logins in a minute.')
    expect(t.comments[0]!.body).toContain('[psa-bridge:evt-123]')
    expect(ref.number).toBe(String(t.number))
    expect(ref.url).toBe(
      `${current()
        .baseUrl()
        .replace(/\/api\/v1$/, '')}/tickets/${t.id}`
    )

    const hidden = await c.addTicketNote(ref.id, { title: 'Update', body: 'Still happening', internal: true })
    const shown = await c.addTicketNote(ref.id, { title: 'Resolved by tech', body: 'Password reset', internal: false })
    expect(t.comments.map((x) => [String(x.id), x.hidden])).toEqual([
      [String(t.comments[0]!.id), true],
      [hidden.id, true],
      [shown.id, false]
    ])

    await expect(c.getTicket(ref.id)).resolves.toEqual({ id: ref.id, status: 'New', open: true })
    t.status = 'Resolved'
    await expect(c.getTicket(ref.id)).resolves.toEqual({ id: ref.id, status: 'Resolved', open: false })
    t.status = 'Invoiced'
    await expect(c.getTicket(ref.id)).resolves.toMatchObject({ open: false })
    account.tickets = account.tickets.filter((x) => x !== t)
    await expect(c.getTicket(ref.id)).resolves.toBeNull()
  })

  it('a lost createTicket reply is recovered by findTicketByMarker; the sim does not dedupe', async () => {
    const { connect, account } = await start()
    const customer = account.customers[1]!
    const other = account.customers[2]!
    const c = connect()
    const marker = '[psa-bridge:evt-lost-1]'
    current().faults.add({ kind: 'drop-reply', count: 1, match: { method: 'POST', path: '/tickets$' } })
    const input = {
      customerId: String(customer.id),
      subject: 'Suspicious MFA reset',
      body: 'MFA reset by admin',
      marker
    }
    await expect(c.createTicket(input)).rejects.toBeInstanceOf(AppError)
    expect(account.tickets).toHaveLength(1) // applied although the reply was lost

    const found = await c.findTicketByMarker(String(customer.id), marker)
    expect(found?.id).toBe(String(account.tickets[0]!.id))
    await expect(c.findTicketByMarker(String(other.id), marker)).resolves.toBeNull()
    await expect(c.findTicketByMarker(String(customer.id), '[psa-bridge:evt-other]')).resolves.toBeNull()

    // The sim must not hide duplicate bugs: a second POST creates a second ticket.
    await c.createTicket(input)
    expect(account.tickets).toHaveLength(2)
  })

  it('findTicketByMarker rejects a fuzzy hit that does not carry the exact marker', async () => {
    const { connect, account } = await start()
    const customer = account.customers[0]!
    const c = connect()
    await c.createTicket({
      customerId: String(customer.id),
      subject: 'x',
      body: 'see [psa-bridge:evt-10]',
      marker: '[psa-bridge:evt-10]'
    })
    // The search is case-insensitive (a fuzzy hit); markers are exact.
    await expect(c.findTicketByMarker(String(customer.id), '[PSA-BRIDGE:EVT-10]')).resolves.toBeNull()
    await expect(c.findTicketByMarker(String(customer.id), '[psa-bridge:evt-10]')).resolves.not.toBeNull()
  })

  it('lists the assets of one customer across pages', async () => {
    const { connect, account } = await start()
    const customer = account.customers[0]!
    for (let i = 0; i < 60; i++) {
      account.assets.push({
        id: 90_000 + i,
        customer_id: customer.id,
        name: `WS-${i}`,
        asset_type: 'Managed Mac Device',
        asset_serial: i % 2 ? `C02X${i}` : null,
        created_at: '',
        updated_at: ''
      })
    }
    const assets = await connect().listAssets(String(customer.id))
    const expected = account.assets.filter((a) => a.customer_id === customer.id)
    expect(assets).toHaveLength(expected.length)
    expect(assets.find((a) => a.id === '90001')).toEqual({
      id: '90001',
      customerId: String(customer.id),
      name: 'WS-1',
      serial: 'C02X1',
      type: 'Managed Mac Device'
    })
    expect(assets.find((a) => a.id === '90000')?.serial).toBeUndefined()
  })

  it('probePermissions: full token allows reads and ticket creation, creates nothing', async () => {
    const { connect, account } = await start()
    const report = await connect().probePermissions()
    const byOp = Object.fromEntries(report.map((r) => [r.operation, r.allowed]))
    expect(byOp).toEqual({
      listCustomers: true,
      createCustomer: 'unknown',
      listBillingTargets: true,
      setQuantity: 'unknown',
      readTicketMetadata: true,
      createTicket: true,
      addTicketNote: 'unknown',
      listAssets: true
    })
    expect(account.tickets).toHaveLength(0)
  })

  it('probePermissions: a restricted token is reported per operation, with the permission to tick', async () => {
    const { connect } = await start()
    const report = await connect({ apiToken: RESTRICTED_TOKEN }).probePermissions()
    const get = (op: string) => report.find((r) => r.operation === op)!
    expect(get('listCustomers').allowed).toBe(true)
    expect(get('listBillingTargets')).toMatchObject({
      allowed: false,
      detail: expect.stringContaining('Recurring Invoices - List')
    })
    expect(get('createTicket')).toMatchObject({
      allowed: false,
      detail: expect.stringContaining('Tickets - Create/Edit/Delete')
    })
    expect(get('listAssets').allowed).toBe(false)
  })

  it('a restricted token gets a permission error (not auth) on use', async () => {
    const { connect } = await start()
    const s = customerWithSchedule(current())
    await expect(
      connect({ apiToken: RESTRICTED_TOKEN }).listBillingTargets(String(s.customer_id))
    ).rejects.toMatchObject({
      code: 'permission',
      hint: expect.stringContaining('API Tokens')
    })
  })
})
