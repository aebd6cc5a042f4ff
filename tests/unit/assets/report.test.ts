import { describe, expect, it } from 'vitest'
import { assetsSheet } from '../../../src/main/assets/report'
import type { AssetRow } from '../../../src/shared/contract/assets'

const base: AssetRow = {
  key: 'd:1',
  tab: 'matched',
  status: 'confirmed',
  customerId: 'c1',
  customerName: 'Acme',
  source: 'jumpcloud',
  deviceId: '1',
  hostname: 'CEO-LT',
  displayName: null,
  deviceSerial: 'SN1',
  macs: [],
  os: null,
  kind: 'laptop',
  lastContact: null,
  assetId: '9',
  assetName: 'CEO-LT',
  assetSerial: 'SN1',
  assetType: null,
  assetActive: true,
  via: 'serial',
  reason: null,
  conflict: null
}

describe('assets report', () => {
  it('names the source of each device by its label, and none for a PSA asset without a device', () => {
    const psaOnly: AssetRow = {
      ...base,
      key: 'a:7',
      tab: 'psa-only',
      status: 'none',
      source: null,
      deviceId: null,
      hostname: null,
      assetName: 'OLD-PC'
    }
    const sheet = assetsSheet([base, psaOnly], {
      psa: 'Syncro',
      generatedAt: '2026-12-01T12:00:00Z',
      timeZone: 'UTC',
      scope: 'all'
    })
    const col = sheet.columns.findIndex((c) => c.title === 'Source')
    expect(col).toBeGreaterThan(-1)
    const byAsset = new Map(sheet.lines.map((l) => [l[sheet.columns.findIndex((c) => c.title === 'PSA asset')], l]))
    expect(byAsset.get('CEO-LT')?.[col]).toBe('JumpCloud')
    expect(byAsset.get('OLD-PC')?.[col]).toBe('')
  })
})
