import { describe, expect, it } from 'vitest'
import { deviceOverlap } from '../../../src/main/assets/overlap'

const devs = (orgId: string, serials: string[]) => serials.map((serial) => ({ orgId, serial }))
const assets = (customerId: string, serials: string[]) => serials.map((serial) => ({ customerId, serial }))

describe('deviceOverlap', () => {
  it('names the customer most of an org’s devices belong to, with the count in the reason', () => {
    const serials = Array.from({ length: 14 }, (_, i) => `SN-A-${i}`)
    const ev = deviceOverlap(devs('org1', serials), assets('cust9', serials.slice(0, 12)))
    expect(ev).toEqual([
      {
        orgId: 'org1',
        customerId: 'cust9',
        shared: 12,
        devices: 14,
        via: 'serial',
        reason: "12 of 14 devices share serial numbers with this customer's assets",
        conflicting: false
      }
    ])
  })

  it('ignores placeholders and values on several customers’ assets, and needs a real share', () => {
    const placeholder = Array.from({ length: 5 }, () => 'To Be Filled By O.E.M.')
    expect(deviceOverlap(devs('o', placeholder), assets('c', placeholder))).toEqual([])
    const both = ['SN1', 'SN2', 'SN3', 'SN4']
    expect(deviceOverlap(devs('o', both), [...assets('c1', both), ...assets('c2', both)])).toEqual([])
    const few = deviceOverlap(
      devs('o', ['SN1', 'SN2', 'SN3', 'XN4', 'XN5', 'XN6', 'XN7']),
      assets('c', ['SN1', 'SN2', 'SN3'])
    )
    expect(few).toEqual([])
  })

  it('marks evidence conflicting when two customers each share several devices', () => {
    const ev = deviceOverlap(devs('o', ['SA1', 'SA2', 'SA3', 'SA4', 'SB1', 'SB2', 'SB3']), [
      ...assets('ca', ['SA1', 'SA2', 'SA3', 'SA4']),
      ...assets('cb', ['SB1', 'SB2', 'SB3'])
    ])
    expect(ev.map((e) => [e.customerId, e.conflicting])).toEqual([['ca', true]])
  })
})
