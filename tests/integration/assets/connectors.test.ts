import { afterEach, describe, expect, it } from 'vitest'
import { createJumpCloudConnector } from '../../../src/main/connectors/jumpcloud'
import { startJumpCloudSim, type JumpCloudSim } from '../../sims/jumpcloud'
import { startHarness, type Harness } from '../autotask/setup'
import { useSyncroSim } from '../syncro/setup'

describe('Syncro assets', () => {
  const sims = useSyncroSim()

  it('reads MAC and hostname custom fields, lists type names, creates an asset of a known type only', async () => {
    const { sim, account, connect } = await sims.start()
    const customer = account.customers[0]!
    const res = await fetch(`${sim.url}/__sim/assets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        assets: [
          {
            customer_id: customer.id,
            name: 'Front desk',
            asset_serial: 'PF2X1',
            properties: { 'MAC Address': '3C:52:82:00:00:01, 3C:52:82:00:00:02', Hostname: 'FRONT-01', OS: 4 }
          }
        ]
      })
    })
    expect(res.status).toBe(200)
    const c = connect()
    const assets = await c.listAssets(String(customer.id))
    expect(assets.find((a) => a.name === 'Front desk')).toMatchObject({
      serial: 'PF2X1',
      hostname: 'FRONT-01',
      macs: ['3C:52:82:00:00:01', '3C:52:82:00:00:02']
    })
    expect((await c.listAssetTypes()).types.map((t) => t.value)).toContain('Managed Windows Device')

    const made = await c.createAsset({
      customerId: String(customer.id),
      name: 'NEW-LT-01',
      type: 'Laptop',
      serial: ' 5CG1 '
    })
    expect(made).toMatchObject({ customerId: String(customer.id), name: 'NEW-LT-01', type: 'Laptop', serial: '5CG1' })
    expect(account.assets.find((a) => String(a.id) === made.id)).toMatchObject({ asset_type: 'Laptop' })

    await expect(c.createAsset({ customerId: String(customer.id), name: 'X', type: 'Toaster' })).rejects.toMatchObject({
      code: 'validation'
    })
  })
})

describe('Autotask configuration items', () => {
  let h: Harness | undefined
  afterEach(async () => {
    await h?.sim.close()
    h = undefined
  })

  it('creates a CI with its type and a product, lists inactive ones too, and reads changes since a time', async () => {
    h = await startHarness()
    const company = h.sim.state.tables.Companies.find((c) => (c.id as number) > 0)!
    const { types, complete } = await h.connector.listAssetTypes()
    expect(complete).toBe(true)
    expect(types.map((t) => t.label)).toEqual(['Workstation', 'Server', 'Laptop', 'Network Device', 'Printer'])
    const before = h.sim.clock.now()
    h.sim.clock.advance(60_000)
    const made = await h.connector.createAsset({
      customerId: String(company.id),
      name: 'SRV-01',
      type: '2',
      serial: 'CZC123'
    })
    const row = h.sim.state.tables.ConfigurationItems.find((r) => String(r.id) === made.id)!
    const server = h.sim.state.tables.Products.find((p) => p.name === 'Server')!
    expect(row).toMatchObject({ companyID: company.id, configurationItemType: 2, productID: server.id, isActive: true })
    h.sim.state.tables.ConfigurationItems.push({ ...row, id: 999_999, isActive: false, lastModifiedTime: null })
    const all = await h.connector.listAssets(String(company.id))
    expect(all.find((a) => a.id === '999999')).toMatchObject({ active: false })
    const changed = await h.connector.listAssetsChangedSince!(String(company.id), before)
    expect(changed.map((a) => a.id)).toEqual([made.id])
  })
})

describe('JumpCloud devices', () => {
  let sim: JumpCloudSim | undefined
  afterEach(async () => {
    await sim?.close()
  })

  it('brings serial, MACs, chassis and model from System Insights for planted systems', async () => {
    sim = await startJumpCloudSim({ seed: 3, orgs: 1 })
    const org = sim.state.orgs[0]!
    const [id] = sim.control.addSystems({
      orgId: org.id,
      systems: [
        {
          hostname: 'ACC-LT-01.corp.example',
          serialNumber: 'To Be Filled By O.E.M.',
          macs: ['a0:ce:c8:11:22:33'],
          chassisTypes: 'Notebook',
          hardwareModel: 'Latitude 5440'
        }
      ]
    })
    const jc = createJumpCloudConnector({ apiKey: sim.apiKey, providerId: sim.providerId, consoleUrl: sim.consoleUrl })
    const d = (await jc.listDevices(org.id)).find((x) => x.id === id)
    expect(d).toMatchObject({
      hostname: 'ACC-LT-01.corp.example',
      serial: 'To Be Filled By O.E.M.',
      macs: ['a0:ce:c8:11:22:33'],
      chassisTypes: 'Notebook',
      model: 'Latitude 5440'
    })
  })
})
