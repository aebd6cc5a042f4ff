import { describe, expect, it } from 'vitest'
import type { CustomersView } from '../../../src/shared/contract/customers'
import { useSimApp } from '../../helpers/sim-app'

const start = useSimApp()

describe.each(['syncro', 'autotask'] as const)('Customers against the %s simulator', (psa) => {
  it('refreshes, suggests one-to-one, accepts all confident ones, and never overwrites a mapping', async () => {
    const s = await start({ psa, seed: 7, orgs: 30 })
    const r = await s.call<{ orgs: number; customers: number }>('refreshData', { from: 'both' })
    expect(r.orgs).toBe(30)
    expect(r.customers).toBeGreaterThan(0)

    let view = await s.call<CustomersView>('getCustomersView')
    expect(view.psa).toBe(psa)
    const suggested = view.orgs.filter((o) => o.suggestion)
    expect(suggested.length).toBeGreaterThan(10)
    const ids = suggested.map((o) => o.suggestion!.customerId)
    expect(new Set(ids).size).toBe(ids.length)

    // Map one org by hand to a customer that is NOT its suggestion, then accept all.
    const manualOrg = suggested.find((o) => o.suggestion!.confident)!
    const other = view.customers.find((c) => c.id !== manualOrg.suggestion!.customerId && !ids.includes(c.id))!
    await s.call('mapOrg', { source: 'jumpcloud', orgId: manualOrg.id, customerId: other.id })
    const confident = suggested.filter((o) => o.suggestion!.confident && o.id !== manualOrg.id).length
    const accepted = await s.call<{ accepted: number }>('acceptAllSuggestions')
    expect(accepted.accepted).toBe(confident)

    view = await s.call<CustomersView>('getCustomersView')
    expect(view.orgs.find((o) => o.id === manualOrg.id)).toMatchObject({ status: 'mapped', customerId: other.id })
    const mappings = await s.call<Array<{ origin: string }>>('listMappings')
    expect(mappings.filter((m) => m.origin === 'suggestion')).toHaveLength(confident)
    expect(mappings.filter((m) => m.origin === 'manual')).toHaveLength(1)
  })

  it('ignore, disable and catch-all survive a restart; a customer deleted in the PSA shows the mapping as broken', async () => {
    const s = await start({ psa, seed: 3, orgs: 12 })
    await s.call('refreshData', { from: 'both' })
    let view = await s.call<CustomersView>('getCustomersView')
    const [a, b, c] = view.orgs
    const customer = view.customers[0]!
    await s.call('mapOrg', { source: 'jumpcloud', orgId: a!.id, customerId: customer.id })
    await s.call('setOrgIgnored', { source: 'jumpcloud', orgId: b!.id, ignored: true })
    await s.call('mapOrg', { source: 'jumpcloud', orgId: c!.id, customerId: view.customers[1]!.id })
    await s.call('setOrgDisabled', { source: 'jumpcloud', orgId: c!.id, disabled: true })
    await s.call('setCatchAllCustomer', { customerId: view.customers[2]!.id })

    await s.restart()
    view = await s.call<CustomersView>('getCustomersView')
    expect(view.orgs.find((o) => o.id === a!.id)).toMatchObject({ status: 'mapped', mappingBroken: false })
    expect(view.orgs.find((o) => o.id === b!.id)).toMatchObject({ status: 'ignored' })
    expect(view.orgs.find((o) => o.id === c!.id)).toMatchObject({ status: 'disabled', customerId: null })
    expect(view.catchAll).toEqual({ customerId: view.customers[2]!.id, customerName: view.customers[2]!.name })

    // Remove the mapped customer on the PSA side; after a refresh the mapping is broken, not gone.
    removeCustomer(s.sims, psa, customer.id)
    await s.call('refreshData', { from: 'psa' })
    view = await s.call<CustomersView>('getCustomersView')
    expect(view.orgs.find((o) => o.id === a!.id)).toMatchObject({
      status: 'mapped',
      customerId: customer.id,
      mappingBroken: true
    })
  })

  it('creates a customer in the PSA for an org (warning first when a similar one exists)', async () => {
    const s = await start({ psa, seed: 11, orgs: 15 })
    await s.call('refreshData', { from: 'both' })
    const view = await s.call<CustomersView>('getCustomersView')
    const withTwin = view.orgs.find((o) => o.suggestion)!
    await expect(s.call('createCustomerForOrg', { source: 'jumpcloud', orgId: withTwin.id })).rejects.toMatchObject({
      envelope: { code: 'conflict' }
    })
    const r = await s.call<{ customerId: string }>('createCustomerForOrg', {
      source: 'jumpcloud',
      orgId: withTwin.id,
      confirmSimilar: true
    })
    expect(customerNames(s.sims, psa)).toContain(withTwin.name)
    const after = await s.call<CustomersView>('getCustomersView')
    expect(after.orgs.find((o) => o.id === withTwin.id)).toMatchObject({ status: 'mapped', customerId: r.customerId })
  })
})

function removeCustomer(sims: import('../../sims/all').AllSims, psa: 'syncro' | 'autotask', id: string): void {
  if (psa === 'syncro') {
    const acct = sims.syncro.account()
    acct.customers = acct.customers.filter((c) => String(c.id) !== id)
  } else {
    const t = sims.autotask.state.tables
    t.Companies = t.Companies.filter((c) => String(c.id) !== id)
  }
}

function customerNames(sims: import('../../sims/all').AllSims, psa: 'syncro' | 'autotask'): string[] {
  return psa === 'syncro'
    ? sims.syncro.account().customers.map((c) => c.business_name ?? '')
    : sims.autotask.state.tables.Companies.map((c) => String(c.companyName))
}
