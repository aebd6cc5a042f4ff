import { describe, expect, it } from 'vitest'
import { suggestMatches } from '../../../src/main/customers/suggest'

// Confidence is decided against the rivals on both sides (mutual best match with a margin, one-to-one), so these
// tests put the same pair in lists with and without a close rival.
const named = (prefix: string, names: string[]) => names.map((name, i) => ({ id: `${prefix}${i}`, name }))
const confident = (orgs: string[], customers: string[]) =>
  suggestMatches(named('o', orgs), named('c', customers))
    .filter((s) => s.confident)
    .map((s) => `${orgs[Number(s.orgId.slice(1))]} -> ${customers[Number(s.customerId.slice(1))]}`)

describe('rival-aware confidence', () => {
  it('a one-letter slip in a long rare word is confident only when nothing else is close', () => {
    expect(confident(['Cartwright Plumbing'], ['Cartwight Plumbing'])).toEqual([
      'Cartwright Plumbing -> Cartwight Plumbing'
    ])
    expect(confident(['Cartwright Plumbing'], ['Cartwight Plumbing', 'Cartwrigt Plumbing'])).toEqual([])
  })

  it('never confident between near-named families, with or without the rival present', () => {
    expect(confident(['Johnson Roofing'], ['Johnston Roofing'])).toEqual([])
    expect(confident(['Johnson Roofing', 'Johnston Roofing'], ['Johnston Roofing LLC', 'Johnson Roofing Inc'])).toEqual(
      ['Johnson Roofing -> Johnson Roofing Inc', 'Johnston Roofing -> Johnston Roofing LLC']
    )
  })

  it('keeps sister branches apart, and leaves the firm without a branch to a human', () => {
    const customers = ['Kestrel Dental (North)', 'Kestrel Dental - South Office']
    expect(confident(['Kestrel Dental - North', 'Kestrel Dental South'], customers)).toEqual([
      'Kestrel Dental - North -> Kestrel Dental (North)',
      'Kestrel Dental South -> Kestrel Dental - South Office'
    ])
    expect(confident(['Kestrel Dental - East'], customers)).toEqual([])
    expect(confident(['Kestrel Dental'], customers)).toEqual([])
  })

  it('a distinctive word in another trade is never confident', () => {
    expect(confident(['Kestrel Plumbing'], ['Kestrel Electric LLC'])).toEqual([])
    expect(confident(['Coastal Glenwood Law Offices'], ['Pinecrest Glenwood Law Offices'])).toEqual([])
  })

  it('an abbreviation is confident when it has one reading here, and says which', () => {
    const s = suggestMatches(named('o', ['Hartley Chiro']), named('c', ['Hartley Chiropractic', 'Hartley Roofing']))
    expect(s).toEqual([
      expect.objectContaining({
        customerId: 'c0',
        confident: true,
        reason: expect.stringContaining("same name after expanding 'Chiro' → 'Chiropractic'")
      })
    ])
    // "Ortho" could be either practice: no confident pick.
    expect(confident(['Hartley Ortho'], ['Hartley Orthodontics', 'Hartley Orthopedics'])).toEqual([])
  })

  it('explains a containment match by the rare word the two names share', () => {
    const s = suggestMatches(
      named('o', ['Kestrel Accounting', 'Hartley Plumbing', 'Barlow Plumbing']),
      named('c', ['Kestrel Accounting & Tax', 'Hartley Plumbing Inc', 'Barlow Plumbing'])
    )
    expect(s.find((x) => x.orgId === 'o0')).toMatchObject({
      customerId: 'c0',
      confident: true,
      reason: "similar, but only one name has 'Tax'; the only customer sharing the rare word 'Kestrel'"
    })
  })
})
