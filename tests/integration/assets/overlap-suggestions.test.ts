import { describe, expect, it } from 'vitest'
import type { CustomersView } from '../../../src/shared/contract/customers'
import { plantAssets } from '../../helpers/asset-fleet'
import { useSimApp, type SimApp } from '../../helpers/sim-app'

const start = useSimApp()

/** Gives a PSA customer assets with the serial numbers of every device of an org (names unlike the hostnames). */
async function shareDevices(s: SimApp, psa: 'syncro' | 'autotask', orgId: string, customerId: string, tag: string) {
  // A few more than the seed gave it: the evidence needs at least three shared devices.
  s.sims.jumpcloud.control.addSystems({
    orgId,
    systems: [1, 2, 3].map((i) => ({ hostname: `${tag}-NEW-${i}`, serialNumber: `${tag}SN00${i}`, macs: [] }))
  })
  const systems = s.sims.jumpcloud.state.orgs.find((o) => o.id === orgId)!.systems
  await plantAssets(
    s.sims,
    psa,
    customerId,
    systems.map((x, i) => ({ name: `Workstation ${tag} ${i}`, serial: x.serialNumber }))
  )
  return systems.length
}

describe.each(['syncro', 'autotask'] as const)('device overlap suggests org mappings (%s)', (psa) => {
  it('suggests the customer an org shares devices with; a name/devices conflict is shown, never auto-accepted', async () => {
    const s = await start({ psa, orgs: 12 })
    // The seeded Autotask set has one customer no org's name resembles; the test needs two.
    if (psa === 'autotask')
      for (const [i, companyName] of ['Globex Holdings', 'Initech Systems'].entries())
        s.sims.autotask.state.tables.Companies.push({
          id: 8_000_001 + i,
          companyName,
          companyNumber: null,
          companyType: 1,
          isActive: true,
          ownerResourceID: null,
          parentCompanyID: null,
          phone: null,
          city: null,
          createDate: '2025-01-10T00:00:00Z',
          lastActivityDate: '2025-01-10T00:00:00Z'
        })
    await s.call('refreshData', { from: 'both' })
    let cv = await s.call<CustomersView>('getCustomersView')
    const suggested = new Set(cv.orgs.flatMap((o) => (o.suggestion ? [o.suggestion.customerId] : [])))
    const free = cv.customers.filter((c) => c.active && !suggested.has(c.id))
    const lonely = cv.orgs.find((o) => o.status === 'unmapped')!
    const named = cv.orgs.find((o) => o.status === 'suggested')!
    expect(lonely, 'an org without a name suggestion').toBeTruthy()
    expect(named, 'an org with a name suggestion').toBeTruthy()
    expect(free.length).toBeGreaterThanOrEqual(2)
    const [target, other] = [free[0]!, free[1]!]

    const n = await shareDevices(s, psa, lonely.id, target.id, 'L')
    await shareDevices(s, psa, named.id, other.id, 'N')
    // Nothing changes before the devices are read.
    expect((await s.call<CustomersView>('getCustomersView')).orgs.find((o) => o.id === lonely.id)!.status).toBe(
      'unmapped'
    )
    await s.call('pullAssets', { unmapped: true })
    cv = await s.call<CustomersView>('getCustomersView')

    const l = cv.orgs.find((o) => o.id === lonely.id)!
    expect(l.status).toBe('suggested')
    expect(l.suggestion).toMatchObject({ customerId: target.id, confident: true })
    expect(l.suggestion!.reason).toBe(`${n} of ${n} devices share serial numbers with ${target.name}`)

    const c = cv.orgs.find((o) => o.id === named.id)!
    expect(c.suggestion).toMatchObject({ customerId: other.id, confident: false })
    expect(c.suggestion!.reason).toContain(`but the name suggests ${named.suggestion!.customerName}`)

    await s.call('acceptAllSuggestions')
    const mappings = await s.call<Array<{ orgId: string; customerId: string }>>('listMappings')
    expect(mappings).toContainEqual(expect.objectContaining({ orgId: lonely.id, customerId: target.id }))
    expect(mappings.some((m) => m.orgId === named.id)).toBe(false)
  })
})
