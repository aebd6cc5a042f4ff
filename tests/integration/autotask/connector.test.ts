import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { discoverAutotaskZone, validateZoneUrl } from '../../../src/main/connectors/autotask'
import type { AppError } from '../../../src/shared/errors'
import { SERVICE_DEVICE, SERVICE_USER, unitsAt } from '../../sims/autotask'
import { FULL_USER, NOW, RESTRICTED_USER, startHarness, type Harness } from './setup'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.sim.close()
})

const companies = () => h.sim.state.tables.Companies
function activeRecurring() {
  const t = h.sim.state.tables
  return t.Contracts.filter((c) => c.contractType === 7 && c.status === 1)
}

describe('zone discovery', () => {
  it('returns the zone from the lookup and checks its URL against the overridden origin', async () => {
    const zone = await discoverAutotaskZone({ username: FULL_USER.username, zoneLookupUrl: h.sim.zoneLookupUrl })
    expect(zone).toEqual({ zoneName: 'Simulated Zone', url: h.sim.zoneUrl, webUrl: `${h.sim.url}/` })
  })

  it('turns an unknown user into a clear auth error naming the user', async () => {
    const err = await discoverAutotaskZone({
      username: 'nobody@example.com',
      zoneLookupUrl: h.sim.zoneLookupUrl
    }).catch((e: AppError) => e)
    expect(err).toMatchObject({ code: 'auth', field: 'username' })
    expect((err as AppError).message).toContain('Autotask does not know the API user "nobody@example.com"')
  })

  it('accepts only https *.autotask.net zone URLs, or the override origin', () => {
    expect(validateZoneUrl('https://webservices2.autotask.net/ATServicesRest')).toBe(
      'https://webservices2.autotask.net/ATServicesRest/'
    )
    expect(() => validateZoneUrl('http://webservices2.autotask.net/ATServicesRest/')).toThrow(/https autotask\.net/)
    expect(() => validateZoneUrl('https://webservices2.autotask.net.evil.com/')).toThrow(
      /not an https autotask\.net host/
    )
    expect(() => validateZoneUrl('https://evil.example/autotask.net/')).toThrow()
    expect(() => validateZoneUrl('not a url')).toThrow(/invalid API URL/)
    expect(validateZoneUrl('http://127.0.0.1:1234/ATServicesRest/', 'http://127.0.0.1:1234/atservicesrest/')).toBe(
      'http://127.0.0.1:1234/ATServicesRest/'
    )
    expect(() =>
      validateZoneUrl('http://127.0.0.1:9999/ATServicesRest/', 'http://127.0.0.1:1234/atservicesrest/')
    ).toThrow(/not the overridden lookup host/)
    expect(() =>
      validateZoneUrl('https://webservices2.autotask.net/ATServicesRest/', 'http://127.0.0.1:1234/')
    ).toThrow()
  })
})

describe('verify and permissions', () => {
  it('verify proves the credentials with one call and names the own company', async () => {
    h.sim.requests.length = 0
    const id = await h.connector.verify()
    expect(id.displayName).toBe('Autotask zone Simulated Zone (Bridgewater MSP (Own Company))')
    expect(h.sim.requests).toHaveLength(1)
    expect(h.sim.requests[0]?.path).toBe('/ATServicesRest/V1.0/Companies/0')
  })

  it('maps each bad credential to its own auth message', async () => {
    const cases = [
      [{ secret: 'wrong' }, 'secret', /secret/],
      [{ integrationCode: 'WRONGCODE' }, 'integrationCode', /integration code/],
      [{ username: 'ghost@msp.example' }, 'username', /does not know the API user "ghost@msp.example"/]
    ] as const
    for (const [over, field, text] of cases) {
      const err = (await h
        .make(over)
        .verify()
        .catch((e: unknown) => e)) as AppError
      expect(err.code, field).toBe('auth')
      expect(err.field).toBe(field)
      expect(err.message).toMatch(text)
      expect(JSON.stringify(err)).not.toContain(FULL_USER.secret)
    }
  })

  it('probePermissions reports reads the restricted user lacks and leaves writes unknown', async () => {
    const full = await h.connector.probePermissions()
    expect(
      full
        .filter((p) => p.allowed === true)
        .map((p) => p.operation)
        .sort()
    ).toEqual(['listAssets', 'listBillingTargets', 'listCustomers', 'readTicketMetadata'])
    const restricted = await h
      .make({
        username: RESTRICTED_USER.username,
        secret: RESTRICTED_USER.secret,
        integrationCode: RESTRICTED_USER.integrationCode
      })
      .probePermissions()
    const byOp = Object.fromEntries(restricted.map((p) => [p.operation, p.allowed]))
    expect(byOp).toMatchObject({
      listCustomers: true,
      listBillingTargets: false,
      readTicketMetadata: true,
      listAssets: true,
      createTicket: 'unknown',
      setQuantity: 'unknown'
    })
  })

  it('a write refused by the security level is a permission error', async () => {
    const restricted = h.make({
      username: RESTRICTED_USER.username,
      secret: RESTRICTED_USER.secret,
      integrationCode: RESTRICTED_USER.integrationCode
    })
    await expect(restricted.createCustomer({ name: 'Brand New Client LLC' })).rejects.toMatchObject({
      code: 'permission'
    })
  })
})

describe('customers', () => {
  it('lists active customers only by default, prospects and inactive on request, never company 0', async () => {
    const expected = companies()
      .filter((c) => c.id !== 0 && c.companyType === 1 && c.isActive)
      .map((c) => String(c.id))
    const list = await h.connector.listCustomers()
    expect(list.map((c) => c.id).sort()).toEqual(expected.sort())
    expect(list.every((c) => c.active && c.type === 'Customer')).toBe(true)

    const wide = await h.connector.listCustomers({ includeProspects: true, includeInactive: true })
    const wideExpected = companies().filter((c) => c.id !== 0 && (c.companyType === 1 || c.companyType === 3))
    expect(wide).toHaveLength(wideExpected.length)
    expect(wide.some((c) => c.type === 'Prospect')).toBe(true)
    expect(wide.some((c) => !c.active)).toBe(true)
    expect(wide.some((c) => c.id === '0')).toBe(false)
  })

  it('follows every page of a large company list', async () => {
    await h.sim.close()
    h = await startHarness({ size: 1234 })
    const expected = companies().filter((c) => c.id !== 0 && c.companyType === 1 && c.isActive).length
    expect(expected).toBeGreaterThan(1000)
    const list = await h.connector.listCustomers()
    expect(list).toHaveLength(expected)
    expect(new Set(list.map((c) => c.id)).size).toBe(expected)
    const pages = h.sim.requests.filter((r) => /Companies\/query/i.test(r.path))
    expect(pages.length).toBe(Math.ceil(expected / 500))
    expect(pages.slice(1).every((r) => r.method === 'POST' && r.path.endsWith('/query/next'))).toBe(true)
  })

  it('creates a customer company (type 1) and refuses a same-name twin', async () => {
    const made = await h.connector.createCustomer({ name: 'Zephyr Test Holdings' })
    const row = companies().find((c) => String(c.id) === made.id)
    expect(row).toMatchObject({ companyName: 'Zephyr Test Holdings', companyType: 1, isActive: true })
    await expect(h.connector.createCustomer({ name: 'zephyr test holdings' })).rejects.toMatchObject({
      code: 'conflict'
    })
    expect(companies().filter((c) => String(c.companyName).toLowerCase() === 'zephyr test holdings')).toHaveLength(1)
  })
})

describe('billing', () => {
  it('lists only active recurring contracts with their services and current units', async () => {
    const t = h.sim.state.tables
    const withContract = activeRecurring()[0]
    expect(withContract).toBeDefined()
    const containers = await h.connector.listBillingTargets(String(withContract?.companyID))
    expect(containers.map((c) => c.id)).toEqual(
      activeRecurring()
        .filter((c) => c.companyID === withContract?.companyID)
        .map((c) => String(c.id))
    )
    const item = containers[0]?.items.find((i) => i.name === SERVICE_USER)
    const cs = t.ContractServices.find((s) => String(s.id) === item?.id)
    expect(item?.quantity).toBe(unitsAt(h.sim.state, cs?.id as number, NOW))
    expect(item?.unitPrice).toBe(12)

    const inactiveOnly = t.Companies.find(
      (co) => t.Contracts.some((c) => c.companyID === co.id) && !activeRecurring().some((c) => c.companyID === co.id)
    )
    expect(inactiveOnly).toBeDefined()
    expect(await h.connector.listBillingTargets(String(inactiveOnly?.id))).toEqual([])
  })

  it('setQuantity posts the signed delta effective from the billing period start, so the whole period carries it', async () => {
    const contract = activeRecurring()[0]
    const [container] = await h.connector.listBillingTargets(String(contract?.companyID))
    const item = container?.items.find((i) => i.name === SERVICE_USER)
    if (!container || !item) throw new Error('seed has no billing item')
    const target = { containerId: container.id, itemId: item.id }
    const billingDay = '2026-03-10'
    const before = await h.connector.getQuantity(target)
    expect(before.quantity).toBe(item.quantity)

    await h.connector.setQuantity(target, { from: item.quantity, to: item.quantity + 5, unitCost: 8.5, billingDay })
    const adj = h.sim.state.tables.ContractServiceAdjustments.at(-1)
    expect(adj).toMatchObject({
      contractServiceID: Number(item.id),
      unitChange: 5,
      effectiveDate: '2026-03-01T00:00:00.000Z', // the sim's contracts start on the 1st: monthly periods
      adjustedUnitCost: 8.5
    })
    const csId = Number(item.id)
    expect(unitsAt(h.sim.state, csId, new Date('2026-02-28T23:00:00Z'))).toBe(item.quantity)
    expect(unitsAt(h.sim.state, csId, new Date('2026-03-01T00:00:00Z'))).toBe(item.quantity + 5)
    expect(unitsAt(h.sim.state, csId, NOW)).toBe(item.quantity + 5)
    expect(unitsAt(h.sim.state, csId, new Date('2026-05-20T00:00:00Z'))).toBe(item.quantity + 5)
    expect(await h.connector.getQuantity(target)).toMatchObject({ quantity: item.quantity + 5, unitCost: 8.5 })
  })

  it('refuses to adjust when Autotask no longer shows the expected units, and is a no-op when already at target', async () => {
    const contract = activeRecurring()[1]
    const [container] = await h.connector.listBillingTargets(String(contract?.companyID))
    const item = container?.items[0]
    if (!container || !item) throw new Error('seed has no billing item')
    const target = { containerId: container.id, itemId: item.id }
    const count = () => h.sim.state.tables.ContractServiceAdjustments.length
    await expect(
      h.connector.setQuantity(target, { from: item.quantity + 1, to: item.quantity + 3, billingDay: '2026-03-15' })
    ).rejects.toMatchObject({ code: 'conflict' })
    expect(count()).toBe(0)
    await h.connector.setQuantity(target, { from: item.quantity + 1, to: item.quantity, billingDay: '2026-03-15' })
    expect(count()).toBe(0)
    await expect(h.connector.getQuantity({ containerId: '999', itemId: item.id })).rejects.toMatchObject({
      code: 'not-found'
    })
  })

  it('a lost adjustment reply followed by a retry does not double the change', async () => {
    const contract = activeRecurring()[2]
    const [container] = await h.connector.listBillingTargets(String(contract?.companyID))
    const item = container?.items.find((i) => i.name === SERVICE_USER) ?? container?.items[0]
    if (!container || !item) throw new Error('seed has no billing item')
    const target = { containerId: container.id, itemId: item.id }
    const change = { from: item.quantity, to: item.quantity + 2, billingDay: '2026-03-15' }
    h.sim.faults.add({ kind: 'drop-reply', count: 1, match: { method: 'POST', path: 'ServiceAdjustments' } })
    await expect(h.connector.setQuantity(target, change)).rejects.toMatchObject({ code: 'unavailable' })
    await h.connector.setQuantity(target, change)
    expect(h.sim.state.tables.ContractServiceAdjustments).toHaveLength(1)
    expect(unitsAt(h.sim.state, Number(item.id), NOW)).toBe(item.quantity + 2)
  })
})

describe('tickets', () => {
  it('reads picklists, sub-issue parents, technicians with roles and the closed status', async () => {
    const meta = await h.connector.getTicketMetadata()
    expect(meta.statuses.map((s) => s.label)).toEqual(['New', 'Complete', 'Waiting Customer', 'In Progress'])
    expect(meta.priorities.map((p) => p.label)).not.toContain('Retired Priority')
    expect(meta.queues).toContainEqual({ value: '29683486', label: 'Monitoring Alert' })
    expect(meta.subIssueTypes).toContainEqual({ value: '101', label: 'MFA', parent: '10' })
    expect(meta.sources.length).toBeGreaterThan(0)
    expect(meta.technicians.map((t) => t.label).sort()).toEqual(['Dana Whitfield', 'Marco Ruiz', 'Priya Natarajan'])
    expect(meta.closedStatuses).toEqual(['5'])
  })

  it('creates a ticket with resource + role, adds a note, finds it by marker and reads its state', async () => {
    const meta = await h.connector.getTicketMetadata()
    const customer = (await h.connector.listCustomers())[0]
    if (!customer) throw new Error('no customer')
    const tech = meta.technicians[1]
    const marker = '[psa-bridge:evt-42]'
    const ref = await h.connector.createTicket({
      customerId: customer.id,
      subject: 'Suspicious login for jdoe',
      body: 'JumpCloud reported a suspicious login.',
      priority: '4',
      queue: '29683486',
      issueType: '10',
      subIssueType: '100',
      source: '4',
      technicianId: tech?.value,
      marker
    })
    expect(ref.number).toMatch(/^T20260315\.\d{4}$/)
    expect(ref.url).toContain(`ticketId=${ref.id}`)
    const row = h.sim.state.tables.Tickets.find((t) => String(t.id) === ref.id)
    const role = h.sim.state.tables.ResourceServiceDeskRoles.find((r) => String(r.resourceID) === tech?.value)
    expect(row).toMatchObject({
      companyID: Number(customer.id),
      status: 1,
      priority: 4,
      assignedResourceID: Number(tech?.value),
      assignedResourceRoleID: role?.roleID
    })
    expect(String(row?.description)).toContain(marker)

    const note = await h.connector.addTicketNote(ref.id, {
      title: 'Update',
      body: 'User confirmed travel.',
      internal: true
    })
    expect(h.sim.state.tables.TicketNotes.find((n) => String(n.id) === note.id)).toMatchObject({
      ticketID: Number(ref.id),
      publish: 2
    })

    expect(await h.connector.findTicketByMarker(customer.id, marker.toUpperCase())).toEqual({
      id: ref.id,
      number: ref.number
    })
    expect(await h.connector.findTicketByMarker(customer.id, '[psa-bridge:other]')).toBeNull()
    expect(await h.connector.getTicket(ref.id)).toEqual({ id: ref.id, status: '1', open: true })
    if (row) row.status = 5
    expect(await h.connector.getTicket(ref.id)).toEqual({ id: ref.id, status: '5', open: false })
    expect(await h.connector.getTicket('99999999')).toBeNull()
  })

  it('a ticket in a tenant\'s own "Complete …" status is closed for getTicket too, as the metadata says', async () => {
    // Tenants add completion statuses of their own (numbers are per tenant, autotask.md §7.10).
    h.sim.state.ticketPicklists.status!.push({
      value: '13',
      label: 'Complete - Billed',
      isDefaultValue: false,
      sortOrder: 9,
      parentValue: '',
      isActive: true,
      isSystem: false
    })
    const meta = await h.connector.getTicketMetadata()
    expect(meta.closedStatuses).toEqual(['5', '13'])
    const customer = (await h.connector.listCustomers())[0]!
    const ref = await h.connector.createTicket({
      customerId: customer.id,
      subject: 'Lockout',
      body: 'b',
      queue: '29683486',
      marker: '[psa-bridge:x]'
    })
    h.sim.state.tables.Tickets.find((t) => String(t.id) === ref.id)!.status = 13
    // A fresh connector (as after an app restart) must not need the metadata call first.
    expect(await h.make().getTicket(ref.id)).toEqual({ id: ref.id, status: '13', open: false })
  })

  it('clips over-long text to the lengths Autotask reports, keeping the marker', async () => {
    const customer = (await h.connector.listCustomers())[0]
    const marker = '[psa-bridge:long-1]'
    const ref = await h.connector.createTicket({
      customerId: customer?.id ?? '1',
      subject: 'S'.repeat(400),
      body: 'x'.repeat(9000),
      queue: '29683482',
      marker
    })
    const row = h.sim.state.tables.Tickets.find((t) => String(t.id) === ref.id)
    expect(String(row?.title)).toHaveLength(255)
    expect(String(row?.description)).toHaveLength(8000)
    expect(String(row?.description).endsWith(marker)).toBe(true)
    await h.connector.addTicketNote(ref.id, { title: 'T'.repeat(300), body: 'note', internal: false })
    expect(String(h.sim.state.tables.TicketNotes.at(-1)?.title)).toHaveLength(250)
    expect(await h.connector.findTicketByMarker(customer?.id ?? '1', marker)).toMatchObject({ id: ref.id })
  })

  it('needs a queue or a technician, and a technician must have a role', async () => {
    const customer = (await h.connector.listCustomers())[0]
    const base = { customerId: customer?.id ?? '1', subject: 's', body: 'b', marker: 'm1' }
    await expect(h.connector.createTicket(base)).rejects.toMatchObject({ code: 'validation', field: 'queue' })
    const apiResource = h.sim.state.tables.Resources.find((r) => r.title === 'API User')
    await expect(h.connector.createTicket({ ...base, technicianId: String(apiResource?.id) })).rejects.toMatchObject({
      code: 'validation'
    })
    expect(h.sim.state.tables.Tickets).toHaveLength(0)
  })
})

describe('assets', () => {
  it('lists configuration items of a company', async () => {
    const ci = h.sim.state.tables.ConfigurationItems[0]
    const assets = await h.connector.listAssets(String(ci?.companyID))
    expect(assets).toContainEqual({
      id: String(ci?.id),
      customerId: String(ci?.companyID),
      name: ci?.referenceTitle,
      serial: ci?.serialNumber,
      type: '1',
      active: true,
      updatedAt: ci?.lastModifiedTime
    })
  })
})

it('seeds the device service too', () => {
  expect(h.sim.state.tables.Services.map((s) => s.name)).toEqual(expect.arrayContaining([SERVICE_USER, SERVICE_DEVICE]))
})
