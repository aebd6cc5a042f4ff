import { describe, expect, it } from 'vitest'
import type { AssetRow } from '../../../src/shared/contract/assets'
import { filterAssetRows } from '../../../src/renderer/src/screens/assets/filter'

const row = (key: string, tab: AssetRow['tab'], x: Partial<AssetRow>): AssetRow => ({
  key,
  tab,
  status: 'none',
  customerId: 'c1',
  customerName: 'Acme',
  deviceId: null,
  hostname: null,
  displayName: null,
  deviceSerial: null,
  macs: [],
  os: null,
  kind: null,
  lastContact: null,
  assetId: null,
  assetName: null,
  assetSerial: null,
  assetType: null,
  assetActive: null,
  via: null,
  reason: null,
  conflict: null,
  ...x
})

describe('filterAssetRows', () => {
  const rows = [
    row('d:1', 'unmatched', { hostname: 'ACC-LT-01', deviceSerial: '5CG123', macs: ['3c:52:82:00:00:01'] }),
    row('d:2', 'matched', { hostname: 'RECEPTION', assetName: 'Front desk PC' }),
    row('a:3', 'psa-only', { assetName: 'Dock', assetSerial: 'XYZ' })
  ]
  it('keeps the tab and matches every word anywhere, case-insensitively', () => {
    expect(filterAssetRows(rows, 'unmatched', '').map((r) => r.key)).toEqual(['d:1'])
    expect(filterAssetRows(rows, 'unmatched', '5cg 3C:52').map((r) => r.key)).toEqual(['d:1'])
    expect(filterAssetRows(rows, 'matched', 'front').map((r) => r.key)).toEqual(['d:2'])
    expect(filterAssetRows(rows, 'matched', 'front dock')).toEqual([])
    expect(filterAssetRows(rows, 'psa-only', 'acme dock').map((r) => r.key)).toEqual(['a:3'])
  })
})
