import { describe, expect, it } from 'vitest'
import type { CustomerRow, OrgRow } from '../../../src/shared/contract/customers'
import {
  countByStatus,
  filterCustomers,
  filterOrgs,
  indexOrgs
} from '../../../src/renderer/src/screens/customers/filter'

const org = (id: string, name: string, status: OrgRow['status'], extra: Partial<OrgRow> = {}): OrgRow => ({
  source: 'jumpcloud',
  id,
  name,
  status,
  customerId: null,
  customerName: null,
  mappingBroken: false,
  missing: false,
  suggestion: null,
  ...extra
})
const customer = (id: string, name: string, extra: Partial<CustomerRow> = {}): CustomerRow => ({
  id,
  name,
  type: null,
  active: true,
  missing: false,
  ignored: false,
  mappedOrgs: [],
  ...extra
})

const ORGS = [
  org('1', 'Acme Dental', 'mapped', { customerId: 'c1', customerName: 'ACME Dental LLC' }),
  org('2', 'Blue Sky Market', 'suggested', {
    suggestion: {
      customerId: 'c2',
      customerName: 'The Blue Sky Market',
      score: 1,
      confident: true,
      reason: 'same name'
    }
  }),
  org('3', 'Cedar Creek CPA', 'ignored'),
  org('4', '<img src=x onerror=alert(1)>', 'unmapped')
]

describe('customers grid filter', () => {
  const indexed = indexOrgs(ORGS)

  it('filters by status and by every search word, case-insensitively, over org, mapped and suggested names', () => {
    expect(filterOrgs(indexed, 'all', '').map((o) => o.id)).toEqual(['1', '2', '3', '4'])
    expect(filterOrgs(indexed, 'ignored', '').map((o) => o.id)).toEqual(['3'])
    expect(filterOrgs(indexed, 'all', 'llc').map((o) => o.id)).toEqual(['1'])
    expect(filterOrgs(indexed, 'all', 'THE sky').map((o) => o.id)).toEqual(['2'])
    expect(filterOrgs(indexed, 'all', 'sky cedar')).toEqual([])
    expect(filterOrgs(indexed, 'mapped', 'sky')).toEqual([])
    expect(filterOrgs(indexed, 'all', '<img').map((o) => o.id)).toEqual(['4'])
  })

  it('counts each status and the total', () => {
    expect(countByStatus(ORGS)).toEqual({ all: 4, mapped: 1, suggested: 1, unmapped: 1, ignored: 1, disabled: 0 })
  })

  it('picker options: name prefix first, customers deleted in the PSA left out, capped with the rest counted', () => {
    const customers = [
      customer('a', 'North Acme'),
      customer('b', 'Acme Dental LLC'),
      customer('c', 'Acme Gone', { missing: true }),
      customer('d', 'Acme Plumbing')
    ]
    expect(filterCustomers(customers, 'acme', 10).items.map((c) => c.id)).toEqual(['b', 'd', 'a'])
    expect(filterCustomers(customers, 'acme', 2)).toMatchObject({ items: [{ id: 'b' }, { id: 'd' }], more: 1 })
    expect(filterCustomers(customers, '', 10).items).toHaveLength(3)
  })
})
