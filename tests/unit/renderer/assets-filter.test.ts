import { describe, expect, it } from 'vitest'
import type { AssetRow } from '../../../src/shared/contract/assets'
import { createRowFilter, filterAssetRows } from '../../../src/renderer/src/screens/assets/filter'

const row = (key: string, tab: AssetRow['tab'], x: Partial<AssetRow>): AssetRow => ({
  key,
  tab,
  status: 'none',
  customerId: 'c1',
  customerName: 'Acme',
  source: null,
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

describe('createRowFilter', () => {
  it('gives what filterAssetRows gives while a query is typed, erased and retyped, per tab', () => {
    const rows: AssetRow[] = []
    for (let i = 0; i < 300; i++)
      rows.push(
        row(`d:${i}`, i % 3 === 0 ? 'unmatched' : 'matched', {
          hostname: `WS-${i.toString(16)}`,
          deviceSerial: `5CG${(i * 7919).toString(36)}`,
          macs: [`3c:52:82:00:${(i % 256).toString(16).padStart(2, '0')}:01`]
        })
      )
    const filter = createRowFilter(rows)
    const typed = 'ws-1 5cg'
    const steps = [...typed].map((_, i) => typed.slice(0, i + 1))
    const sequence = [...steps, ...[...steps].reverse(), 'WS-A', 'ws-a 3c', 'ws-', '']
    for (const tab of ['matched', 'unmatched'] as const)
      for (const q of sequence) expect(filter(tab, q), `${tab} "${q}"`).toEqual(filterAssetRows(rows, tab, q))
    // Narrowing really happened: some query matched a strict subset.
    expect(filterAssetRows(rows, 'matched', 'ws-1 5cg').length).toBeLessThan(
      filterAssetRows(rows, 'matched', '').length
    )
  })
})
