import { describe, expect, it } from 'vitest'
import type { ConfigFile } from '../../../src/shared/contract/billing'
import type { CustomersView, LearnedEquivalence } from '../../../src/shared/contract/customers'
import { useSimApp } from '../../helpers/sim-app'

const start = useSimApp()

// Names the seeded sims never produce, so the pairs below compete with nothing but each other.
const PAIRS = [
  ['Quillfeather Dental', 'Quillfeather Dentistry'],
  ['Zephyrine Dental', 'Zephyrine Dentistry']
] as const

describe('learning from the admin', () => {
  it('a hand mapping teaches a word equivalence that makes a later similar pair confident, until it is removed', async () => {
    const s = await start({ psa: 'syncro', seed: 3, orgs: 12 })
    const orgs = s.sims.jumpcloud.state.orgs
    const customers = s.sims.syncro.account().customers
    PAIRS.forEach(([org, customer], i) => {
      orgs[i]!.name = org
      customers[i]!.business_name = customer
    })
    await s.call('refreshData', { from: 'both' })
    const find = (v: CustomersView, name: string) => v.orgs.find((o) => o.name === name)!
    const customerId = (v: CustomersView, name: string) => v.customers.find((c) => c.name === name)!.id

    let view = await s.call<CustomersView>('getCustomersView')
    // "Dental" / "Dentistry" are two different words to the rules: no confident suggestion yet.
    expect(find(view, 'Zephyrine Dental').suggestion?.confident ?? false).toBe(false)

    await s.call('mapOrg', {
      source: 'jumpcloud',
      orgId: find(view, 'Quillfeather Dental').id,
      customerId: customerId(view, 'Quillfeather Dentistry')
    })
    const learned = await s.call<LearnedEquivalence[]>('listLearnedEquivalences')
    expect(learned).toEqual([
      expect.objectContaining({
        a: 'dental',
        b: 'dentistry',
        orgName: 'Quillfeather Dental',
        customerName: 'Quillfeather Dentistry'
      })
    ])

    view = await s.call<CustomersView>('getCustomersView')
    expect(find(view, 'Zephyrine Dental').suggestion).toMatchObject({
      customerName: 'Zephyrine Dentistry',
      confident: true,
      reason: expect.stringContaining("'Dental' = 'Dentistry', learned from an earlier mapping")
    })

    // Exported with the configuration and restored by an import.
    const config = await s.call<ConfigFile>('exportConfig')
    expect(config.learnedEquivalences).toEqual(learned)
    await s.call('removeLearnedEquivalence', { a: 'dentistry', b: 'dental' })
    expect(await s.call('listLearnedEquivalences')).toEqual([])
    view = await s.call<CustomersView>('getCustomersView')
    expect(find(view, 'Zephyrine Dental').suggestion?.confident ?? false).toBe(false)
    await expect(s.call('removeLearnedEquivalence', { a: 'dental', b: 'dentistry' })).rejects.toThrow(/not a learned/)

    await s.call('importConfig', { config })
    expect(await s.call('listLearnedEquivalences')).toEqual(learned)
    view = await s.call<CustomersView>('getCustomersView')
    expect(find(view, 'Zephyrine Dental').suggestion).toMatchObject({ confident: true })
  })
})
