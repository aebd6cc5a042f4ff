import { describe, expect, it } from 'vitest'
import { equivalencesFrom } from '../../../src/main/customers/learned'
import { suggestMatches } from '../../../src/main/customers/suggest'

describe('equivalencesFrom', () => {
  it('learns the short forms and the one word left over on each side', () => {
    expect(equivalencesFrom('Hartley Chiro', 'Hartley Chiropractic')).toEqual([
      { a: 'chiro', b: 'chiropractic', shownA: 'Chiro', shownB: 'Chiropractic' }
    ])
    expect(equivalencesFrom('Quill Dental', 'Quill Dentistry LLC')).toEqual([
      { a: 'dental', b: 'dentistry', shownA: 'Dental', shownB: 'Dentistry' }
    ])
  })

  it('learns nothing from identical names, numbers, decorations or several differing words', () => {
    expect(equivalencesFrom('Acme Widgets', 'ACME Widgets, Inc.')).toEqual([])
    expect(equivalencesFrom('Cedar Clinic 2', 'Cedar Clinic 3')).toEqual([])
    expect(equivalencesFrom('Acme Dental - North', 'Acme Dental (South)')).toEqual([])
    expect(equivalencesFrom('Acme Roofing Supply', 'Acme Plumbing Heating')).toEqual([])
  })
})

describe('learned equivalences in suggestions', () => {
  it('count as the same word, with that reason', () => {
    const learned = new Set(['dental|dentistry', 'dentistry|dental'])
    const orgs = [{ id: 'o', name: 'Barlow Dental' }]
    const customers = [{ id: 'c', name: 'Barlow Dentistry' }]
    expect(suggestMatches(orgs, customers).filter((s) => s.confident)).toEqual([])
    expect(suggestMatches(orgs, customers, { learned })).toEqual([
      expect.objectContaining({
        confident: true,
        reason:
          "'Dental' = 'Dentistry', learned from an earlier mapping; the only customer sharing the rare word 'Barlow'"
      })
    ])
  })
})
