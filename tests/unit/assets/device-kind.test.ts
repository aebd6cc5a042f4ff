import { describe, expect, it } from 'vitest'
import { defaultTypeMapping, deviceKindOf, resolveTypeMapping } from '../../../src/main/assets/device-kind'

describe('deviceKindOf', () => {
  it.each([
    [{ chassisTypes: 'Notebook', os: 'Windows 11 Pro' }, 'laptop'],
    [{ chassisTypes: 'Desktop', os: 'Windows 10 Pro' }, 'desktop'],
    [{ chassisTypes: 'Mini Tower' }, 'desktop'],
    [{ chassisTypes: 'Rack Mount Chassis', os: 'Ubuntu' }, 'server'],
    [{ os: 'Windows Server 2022 Datacenter', chassisTypes: 'Desktop' }, 'server'],
    [{ os: 'Mac OS X', model: 'MacBookPro18,1' }, 'laptop'],
    [{ os: 'Mac OS X', model: 'Macmini9,1' }, 'desktop'],
    [{ os: 'Windows 10 Pro', model: 'VMware Virtual Platform', chassisTypes: 'Other' }, 'virtual'],
    [{ os: 'iOS' }, 'mobile'],
    [{ os: 'Windows 10 Pro' }, 'other'],
    [{}, 'other']
  ])('%j → %s', (traits, kind) => {
    expect(deviceKindOf(traits)).toBe(kind)
  })
})

describe('type mapping', () => {
  const syncroTypes = ['Desktop', 'Laptop', 'Server', 'Printer', 'Other'].map((l) => ({ value: l, label: l }))
  const autotaskTypes = [
    { value: '1', label: 'Workstation' },
    { value: '2', label: 'Server' },
    { value: '7', label: 'Network Device' }
  ]

  it('finds each kind among the PSA type names', () => {
    expect(defaultTypeMapping(syncroTypes)).toEqual({
      desktop: 'Desktop',
      laptop: 'Laptop',
      server: 'Server',
      virtual: 'Server',
      mobile: null,
      other: 'Other'
    })
    expect(defaultTypeMapping(autotaskTypes)).toEqual({
      desktop: '1',
      laptop: '1',
      server: '2',
      virtual: '2',
      mobile: null,
      other: '1'
    })
  })

  it('keeps saved overrides that still exist, drops stale ones', () => {
    expect(resolveTypeMapping(autotaskTypes, { laptop: '7', server: '99', other: null })).toMatchObject({
      laptop: '7',
      server: '2',
      other: null
    })
  })
})
