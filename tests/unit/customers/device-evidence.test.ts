import { describe, expect, it } from 'vitest'
import { withDeviceEvidence, type DeviceEvidence } from '../../../src/main/customers/device-evidence'
import type { Suggestion } from '../../../src/main/customers/suggest'

const names: Record<string, string> = { c1: 'Northwind Traders', c2: 'Contoso', c3: 'Fabrikam' }
const scope = (orgIds: string[], customerIds = Object.keys(names)) => ({
  orgIds: new Set(orgIds),
  customerIds: new Set(customerIds),
  customerName: (id: string) => names[id] ?? id
})
const ev = (orgId: string, customerId: string, shared = 12, devices = 14, conflicting = false): DeviceEvidence => ({
  orgId,
  customerId,
  shared,
  devices,
  via: 'serial',
  conflicting
})
const byName = (...list: Suggestion[]) => new Map(list.map((s) => [s.orgId, s]))
const named = (orgId: string, customerId: string, confident: boolean, score = 0.7): Suggestion => ({
  orgId,
  customerId,
  score,
  confident,
  reason: 'similar name'
})

describe('withDeviceEvidence', () => {
  it('suggests the customer an org shares devices with, confidently when nothing rivals it', () => {
    const out = withDeviceEvidence(new Map(), [ev('o1', 'c1')], scope(['o1']))
    expect(out.get('o1')).toEqual({
      orgId: 'o1',
      customerId: 'c1',
      score: 0.86,
      confident: true,
      reason: '12 of 14 devices share serial numbers with Northwind Traders'
    })
  })

  it('makes an unconfident name suggestion confident when the devices agree', () => {
    const out = withDeviceEvidence(byName(named('o1', 'c1', false)), [ev('o1', 'c1')], scope(['o1']))
    expect(out.get('o1')).toMatchObject({ customerId: 'c1', confident: true, score: 0.86 })
    expect(out.get('o1')!.reason).toBe('similar name; 12 of 14 devices share serial numbers with Northwind Traders')
  })

  it('shows a conflict between name and devices and never makes it confident', () => {
    const out = withDeviceEvidence(byName(named('o1', 'c2', true, 0.95)), [ev('o1', 'c1')], scope(['o1']))
    expect(out.get('o1')).toMatchObject({ customerId: 'c1', confident: false })
    expect(out.get('o1')!.reason).toBe(
      '12 of 14 devices share serial numbers with Northwind Traders — but the name suggests Contoso'
    )
  })

  it('is not confident when the devices point at two customers or two orgs claim one customer', () => {
    const two = withDeviceEvidence(new Map(), [ev('o1', 'c1', 8, 14), ev('o1', 'c3', 5, 14)], scope(['o1']))
    expect(two.get('o1')).toMatchObject({ customerId: 'c1', confident: false })
    const rivals = withDeviceEvidence(new Map(), [ev('o1', 'c1'), ev('o2', 'c1', 4, 5)], scope(['o1', 'o2']))
    expect(rivals.get('o1')!.confident).toBe(false)
    expect(rivals.get('o2')!.confident).toBe(false)
    // Another org's name pointing at the customer is a rival too, and that name suggestion loses its confidence.
    const mixed = withDeviceEvidence(byName(named('o2', 'c1', true)), [ev('o1', 'c1')], scope(['o1', 'o2']))
    expect(mixed.get('o1')!.confident).toBe(false)
    expect(mixed.get('o2')).toMatchObject({ customerId: 'c1', confident: false })
    expect(mixed.get('o2')!.reason).toMatch(/another organization's devices are in Northwind Traders/)
  })

  it('ignores evidence about mapped orgs or customers and keeps name suggestions as they were', () => {
    const keep = named('o2', 'c2', true)
    const out = withDeviceEvidence(byName(keep), [ev('o1', 'c1'), ev('o2', 'c3')], scope(['o2'], ['c2']))
    expect([...out.values()]).toEqual([keep])
  })
})
