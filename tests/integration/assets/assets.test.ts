import { describe, expect, it } from 'vitest'
import type { AssetsView } from '../../../src/shared/contract/assets'
import { SOURCE_KINDS } from '../../../src/shared/registry'
import { plantFleet } from '../../helpers/asset-fleet'
import { useSimApp, type SimApp } from '../../helpers/sim-app'

const start = useSimApp()

interface Customers {
  orgs: Array<{ id: string }>
  customers: Array<{ id: string }>
}

async function setup(psa: 'syncro' | 'autotask') {
  const s = await start({ psa, orgs: 4 })
  await s.call('refreshData', { from: 'both' })
  const cv = await s.call<Customers>('getCustomersView')
  const orgId = cv.orgs[0]!.id
  const customerId = cv.customers[0]!.id
  await s.call('mapOrg', { source: 'jumpcloud', orgId, customerId })
  const fleet = await plantFleet(s.sims, psa, orgId, customerId)
  return { s, orgId, customerId, fleet }
}

const view = (s: SimApp, customerId: string) => s.call<AssetsView>('getAssetsView', { customerId })
const rowOf = (v: AssetsView, deviceId: string) => v.rows.find((r) => r.deviceId === deviceId)!

/** The PSA's assets of one customer, read straight from the simulator. */
function psaAssets(s: SimApp, psa: 'syncro' | 'autotask', customerId: string) {
  if (psa === 'syncro')
    return s.sims.syncro
      .account()
      .assets.filter((a) => String(a.customer_id) === customerId)
      .map((a) => ({ id: String(a.id), name: a.name, type: a.asset_type }))
  return s.sims.autotask.state.tables.ConfigurationItems.filter((r) => String(r.companyID) === customerId).map((r) => ({
    id: String(r.id),
    name: String(r.referenceTitle),
    type: String(r.configurationItemType)
  }))
}

const TYPES = { syncro: { laptop: 'Laptop', server: 'Server' }, autotask: { laptop: '3', server: '2' } }

describe.each(['syncro', 'autotask'] as const)('Assets with %s', (psa) => {
  it('pulls, suggests the right pairs, accepts, and leaves traps unmatched', async () => {
    const { s, customerId, fleet } = await setup(psa)
    const pulled = await s.call<{ customers: number; devices: number; assets: number }>('pullAssets', {})
    expect(pulled.customers).toBe(1)
    let v = await view(s, customerId)
    for (const [host, assetName] of Object.entries(fleet.expectedMatches)) {
      const r = rowOf(v, fleet.deviceIds[host]!)
      expect(r, host).toMatchObject({ tab: 'matched', status: 'suggested', assetId: fleet.assetIds[assetName] })
    }
    for (const host of fleet.unmatched) expect(rowOf(v, fleet.deviceIds[host]!).tab, host).toBe('unmatched')
    expect(rowOf(v, fleet.deviceIds['CEO-LT']!).conflict).toMatch(/different serial numbers/)
    expect(rowOf(v, fleet.deviceIds['HOT-DESK-1']!).conflict).toMatch(/shared by 5 devices/)
    const psaOnly = v.rows.filter((r) => r.tab === 'psa-only').map((r) => r.assetId)
    expect(psaOnly).toEqual(
      expect.arrayContaining([fleet.assetIds.Dock, fleet.assetIds['CEO-LT'], fleet.assetIds['OLD-SERVER']])
    )

    await s.call('acceptAssetMatch', { deviceId: fleet.deviceIds['ACC-LT-01'] })
    v = await view(s, customerId)
    expect(rowOf(v, fleet.deviceIds['ACC-LT-01']!)).toMatchObject({ status: 'confirmed', via: 'accepted' })
    expect(v.counts.matched).toBeGreaterThanOrEqual(3)

    // A device goes by the source its row carries: that source is checked, another one is refused.
    const row = rowOf(v, fleet.deviceIds['ACC-LT-01']!)
    for (const other of SOURCE_KINDS.filter((k) => k !== row.source))
      await expect(s.call('unmatchAsset', { source: other, deviceId: row.deviceId })).rejects.toMatchObject({
        envelope: { code: 'not-found' }
      })
    await s.call('unmatchAsset', { source: row.source, deviceId: row.deviceId })
    expect(rowOf(await view(s, customerId), row.deviceId!).status).not.toBe('confirmed')
  })

  it('creates in the PSA with the right type and customer, once; refuses a device with a suggestion', async () => {
    const { s, customerId, fleet } = await setup(psa)
    await s.call('pullAssets', {})
    await s.call('setAssetTypeMapping', { mapping: TYPES[psa] })
    const ids = fleet.newDevices.map((h) => fleet.deviceIds[h]!)
    const preview = await s.call<{ create: Array<{ name: string }>; refused: unknown[] }>('previewAssetCreate', {
      deviceIds: [...ids, fleet.deviceIds.RECEPTION]
    })
    expect(preview.create.map((c) => c.name).sort()).toEqual(['FILE-SRV', 'NEW-HIRE-01'])
    expect(preview.refused).toEqual([
      { deviceId: fleet.deviceIds.RECEPTION, reason: expect.stringMatching(/suggested match/) }
    ])
    const before = psaAssets(s, psa, customerId).length

    const made = await s.call<{ created: Array<{ deviceId: string; assetId: string }> }>('createAssets', {
      deviceIds: ids
    })
    expect(made.created).toHaveLength(2)
    const after = psaAssets(s, psa, customerId)
    expect(after).toHaveLength(before + 2)
    expect(after.find((a) => a.name === 'NEW-HIRE-01')?.type).toBe(TYPES[psa].laptop)
    expect(after.find((a) => a.name === 'FILE-SRV')?.type).toBe(TYPES[psa].server)

    // Twice: refused as matched. Unmatched, the created asset comes back as its suggestion: still no second asset.
    const again = await s.call<{ created: unknown[]; refused: unknown[] }>('createAssets', { deviceIds: ids })
    expect(again.created).toEqual([])
    expect(again.refused).toHaveLength(2)
    await s.call('unmatchAsset', { deviceId: ids[0] })
    const third = await s.call<{ created: unknown[]; refused: Array<{ reason: string }> }>('createAssets', {
      deviceIds: [ids[0]]
    })
    expect(third.created).toEqual([])
    expect(third.refused[0]!.reason).toMatch(/suggested match/)
    const v = await view(s, customerId)
    expect(rowOf(v, ids[0]!).assetId).toBe(made.created.find((c) => c.deviceId === ids[0])!.assetId)
    expect(psaAssets(s, psa, customerId)).toHaveLength(before + 2)
  })

  it('a create whose reply was lost is found, not repeated', async () => {
    const { s, customerId, fleet } = await setup(psa)
    await s.call('pullAssets', {})
    await s.call('setAssetTypeMapping', { mapping: TYPES[psa] })
    const id = fleet.deviceIds['NEW-HIRE-01']!
    const sim = psa === 'syncro' ? s.sims.syncro : s.sims.autotask
    sim.faults.add({
      kind: 'drop-reply',
      count: 1,
      match: { method: 'POST', path: psa === 'syncro' ? 'customer_assets$' : 'ConfigurationItems$' }
    })
    const before = psaAssets(s, psa, customerId).length
    const first = await s.call<{ failed: unknown[] }>('createAssets', { deviceIds: [id] })
    expect(first.failed).toHaveLength(1)
    expect(psaAssets(s, psa, customerId)).toHaveLength(before + 1)
    const second = await s.call<{ created: unknown[] }>('createAssets', { deviceIds: [id] })
    expect(second.created).toHaveLength(1)
    expect(psaAssets(s, psa, customerId)).toHaveLength(before + 1)
  })

  it('ignore survives a re-pull; a second pull is incremental where the PSA allows it', async () => {
    const { s, customerId, fleet } = await setup(psa)
    await s.call('pullAssets', {})
    await s.call('setAssetIgnored', { side: 'device', id: fleet.deviceIds['HOT-DESK-1'], ignored: true })
    await s.call('setAssetIgnored', { side: 'asset', id: fleet.assetIds.Dock, ignored: true })
    const second = await s.call<{ incremental: number }>('pullAssets', {})
    expect(second.incremental).toBe(psa === 'autotask' ? 1 : 0)
    const v = await view(s, customerId)
    expect(rowOf(v, fleet.deviceIds['HOT-DESK-1']!).tab).toBe('ignored')
    expect(v.rows.find((r) => r.assetId === fleet.assetIds.Dock)?.tab).toBe('ignored')
    expect(v.counts.ignored).toBe(2)
  })
})
