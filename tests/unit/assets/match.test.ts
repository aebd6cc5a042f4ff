import { describe, expect, it } from 'vitest'
import { matchAssets, type MatchRecord } from '../../../src/main/assets/match'
import { assets, devices, expected } from '../../fixtures/assets/fleet'

const pairs = (r: ReturnType<typeof matchAssets>) =>
  r.matches.map(({ deviceId, assetId, via }) => ({ deviceId, assetId, via }))

describe('matchAssets on a messy fleet', () => {
  const r = matchAssets(devices, assets)

  it('pairs by serial, then MAC, then hostname, and leaves the rest unmatched', () => {
    expect(pairs(r)).toEqual(expected.matches)
    expect(r.unmatchedDeviceIds.sort()).toEqual([...expected.unmatchedDevices].sort())
    expect(r.unmatchedAssetIds.sort()).toEqual([...expected.unmatchedAssets].sort())
  })

  it('never pairs on placeholder serials or placeholder MACs', () => {
    const placeholderOnly = ['dev-virtual', 'dev-dock-1', 'dev-dock-2', 'dev-dock-3']
    expect(r.matches.filter((m) => placeholderOnly.includes(m.deviceId))).toEqual([])
    expect(r.matches.some((m) => m.assetId === 'as-virtual')).toBe(false)
    // the O.E.M. pair got together through its real MAC, not the shared placeholder serial
    expect(r.matches.find((m) => m.deviceId === 'dev-oem')).toMatchObject({ via: 'mac', value: '3C5282000002' })
  })

  it('reports the docking-station MAC shared by five laptops and never uses it', () => {
    expect(r.sharedMacs).toEqual([
      {
        mac: 'A0CEC8112233',
        deviceIds: ['dev-oem', 'dev-dock-1', 'dev-dock-2', 'dev-dock-3', 'dev-dock-4'],
        assetIds: ['as-dock']
      }
    ])
    expect(r.matches.some((m) => m.assetId === 'as-dock')).toBe(false)
    expect(r.conflicts.some((c) => c.value === 'A0CEC8112233')).toBe(false)
  })

  it('surfaces a serial held by two devices instead of choosing one', () => {
    expect(r.conflicts).toContainEqual({
      customerId: 'c1',
      via: 'serial',
      reason: 'duplicate',
      value: 'MXL9999QQ',
      deviceIds: ['dev-twin-a', 'dev-twin-b'],
      assetIds: ['as-twin']
    })
  })

  it('does not pair a reused hostname when both serial numbers are real and differ', () => {
    expect(r.conflicts).toContainEqual({
      customerId: 'c1',
      via: 'hostname',
      reason: 'different-serial',
      value: 'ceo-lt',
      deviceIds: ['dev-replacement'],
      assetIds: ['as-ceo-old']
    })
  })

  it('stays within a customer', () => {
    expect(r.matches.every((m) => m.customerId === 'c1')).toBe(true)
    expect(r.unmatchedDeviceIds).toContain('dev-c2')
  })
})

describe('matchAssets rules', () => {
  const rec = (id: string, x: Partial<MatchRecord>): MatchRecord => ({ id, customerId: 'c', ...x })

  it('is one-to-one: a PSA asset listed twice with one serial is a conflict, not two matches', () => {
    const r = matchAssets(
      [rec('d', { serial: 'ABC123' })],
      [rec('a1', { serial: 'ABC123' }), rec('a2', { serial: 'abc 123' })]
    )
    expect(r.matches).toEqual([])
    expect(r.conflicts).toEqual([
      { customerId: 'c', via: 'serial', reason: 'duplicate', value: 'ABC123', deviceIds: ['d'], assetIds: ['a1', 'a2'] }
    ])
  })

  it('a device whose two NICs point at two different assets is a split conflict', () => {
    const r = matchAssets(
      [rec('d', { macs: ['00:11:22:33:44:01', '00:11:22:33:44:02'] })],
      [rec('a1', { macs: ['00:11:22:33:44:01'] }), rec('a2', { macs: ['00:11:22:33:44:02'] })]
    )
    expect(r.matches).toEqual([])
    expect(r.conflicts).toEqual([
      { customerId: 'c', via: 'mac', reason: 'split', value: '001122334401', deviceIds: ['d'], assetIds: ['a1', 'a2'] }
    ])
  })

  it('a stronger tier wins and weaker evidence for another partner is ignored', () => {
    const r = matchAssets(
      [rec('d1', { serial: 'SER-1', hostnames: ['pc-a'] }), rec('d2', { hostnames: ['pc-b'] })],
      [rec('a1', { serial: 'ser-1', hostnames: ['pc-b'] }), rec('a2', { hostnames: ['pc-a'] })]
    )
    expect(pairs(r)).toEqual([{ deviceId: 'd1', assetId: 'a1', via: 'serial' }])
    expect(r.unmatchedDeviceIds).toEqual(['d2'])
    expect(r.unmatchedAssetIds).toEqual(['a2'])
  })

  it('a MAC on two devices only is a duplicate conflict; the shared threshold is an option', () => {
    const mac = '00:11:22:33:44:55'
    const two = matchAssets([rec('d1', { macs: [mac] }), rec('d2', { macs: [mac] })], [rec('a', { macs: [mac] })])
    expect(two.conflicts.map((c) => c.reason)).toEqual(['duplicate'])
    expect(two.sharedMacs).toEqual([])
    const shared = matchAssets([rec('d1', { macs: [mac] }), rec('d2', { macs: [mac] })], [rec('a', { macs: [mac] })], {
      sharedMacMin: 2
    })
    expect(shared.conflicts).toEqual([])
    expect(shared.sharedMacs.map((s) => s.mac)).toEqual(['001122334455'])
  })
})
