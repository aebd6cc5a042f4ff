import { describe, expect, it } from 'vitest'
import { normalizeName } from '../../../src/main/customers/normalize'
import { scoreNames } from '../../../src/main/customers/similarity'
import { typoDistance } from '../../../src/main/customers/align'
import { compareNames, osaDistance, similarity } from '../../../src/main/customers/similarity'
import { CONFIDENT, SUGGEST } from '../../../src/main/customers/suggest'

const compare = (a: string, b: string) => compareNames(normalizeName(a), normalizeName(b))

describe('osaDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(osaDistance('smtih', 'smith')).toBe(1)
    expect(osaDistance('plumbng', 'plumbing')).toBe(1)
    expect(osaDistance('kitten', 'sitting')).toBe(3)
    expect(osaDistance('', 'abc')).toBe(3)
    expect(osaDistance('abc', 'abc')).toBe(0)
  })

  it('handles long strings (scratch buffers grow)', () => {
    expect(osaDistance('a'.repeat(300), 'a'.repeat(299) + 'b')).toBe(1)
  })

  it('with a bound, gives the exact distance up to it and bound + 1 beyond', () => {
    // Every pair of words over a 3-letter alphabet up to 4 letters: swaps, repeats and length gaps of all kinds.
    const words = ['']
    for (let k = 0; k < words.length && words.length < 121; k++)
      if (words[k]!.length < 4) for (const c of 'abc') words.push(words[k] + c)
    for (const a of words.filter((w) => w.length > 0))
      for (const b of words.filter((w) => w.length > 0))
        for (const max of [0, 1, 2]) {
          const d = osaDistance(a, b)
          expect(osaDistance(a, b, max)).toBe(d <= max ? d : max + 1)
        }
  })
})

describe('typoDistance', () => {
  it('reads swaps, slips and doubled letters as one mistyped word', () => {
    expect(typoDistance('smtih', 'smith')).toBe(1)
    expect(typoDistance('plumbng', 'plumbing')).toBe(1)
    expect(typoDistance('marketting', 'marketing')).toBe(1)
    expect(typoDistance('restaraunt', 'restaurant')).toBe(2)
  })

  it('never reads two known descriptive words, short words, numbers or different words as a typo', () => {
    expect(typoDistance('painting', 'printing')).toBeNull()
    expect(similarity('Burke & Sons Painting', 'Burke & Sons Printing')).toBeLessThan(SUGGEST)
    expect(typoDistance('rose', 'ross')).toBeNull()
    expect(typoDistance('unit2', 'unit3')).toBeNull()
    expect(typoDistance('northside', 'southside')).toBeNull()
  })
})

describe('compareNames', () => {
  it('scores names equal after normalisation as 1 with the rule that made them equal', () => {
    expect(compare('Smith & Sons Plumbing LLC', 'Smith and Sons Plumbing')).toEqual({
      score: 1,
      kind: 'same',
      reason: "same name after removing 'LLC'; '&' and 'and' treated the same"
    })
    expect(compare("St. Mary's Clinic", 'Saint Marys Clinic').reason).toBe("same name with 'St.' read as 'Saint'")
    expect(compare('ACME Widgets', 'Acme widgets.').reason).toBe('same name ignoring punctuation and case')
    expect(compare('The Copper Kettle', 'Copper Kettle').reason).toBe("same name without a leading 'The'")
    expect(compare('Café Lumière', 'Cafe Lumiere').reason).toBe(
      "same name ignoring accents: 'Café' / 'Cafe', 'Lumière' / 'Lumiere'"
    )
    expect(compare('Bright Smiles Dental - North', 'Bright Smiles Dental (North)').reason).toBe(
      "same name with different separators: '- North' / '(North)'"
    )
    expect(compare('Trailhead', 'Trailhead').reason).toBe('identical name')
  })

  it('tolerates spacing: "Oak Ridge" / "Oakridge"', () => {
    const c = compare('Oak Ridge Veterinary', 'Oakridge Veterinary')
    expect(c.score).toBeGreaterThanOrEqual(CONFIDENT)
    expect(c.kind).toBe('spacing')
    expect(c.reason).toContain('same name ignoring spaces')
    // Even when an abbreviation would otherwise hide it.
    expect(compare('Tech Nova Labs', 'TechNova Labs').score).toBeGreaterThanOrEqual(CONFIDENT)
  })

  it('judges spacing and typos on the words as spelled, not as singularised', () => {
    // "Roberts" singularises to "robert"; "robert son" must not read as "robertson".
    expect(similarity('Roberts & Sons Funeral Home', 'Robertson Funeral Home')).toBeLessThan(SUGGEST)
    // "Harirs" singularises to "harir", two edits from "harris"; as spelled it is one swap.
    expect(compare('Harirs Veterinary Clinic', 'Harris Veterinary Clinic').reason).toBe(
      "one-letter difference: 'Harirs' / 'Harris'"
    )
  })

  it('tolerates one ordinary typo and says where it is', () => {
    const c = compare('Smtih Glass', 'Smith Glass')
    expect(c.score).toBeGreaterThanOrEqual(CONFIDENT)
    expect(c.reason).toBe("one-letter difference: 'Smtih' / 'Smith'")
    expect(compare('Calloway Plumbng', 'Calloway Plumbing LLC').reason).toBe(
      "one-letter difference: 'Plumbng' / 'Plumbing'; same name after removing 'LLC'"
    )
  })

  it('marks a slip in a name-like word as a near miss, and a family-name variant as never confident', () => {
    const long = scoreNames(normalizeName('Cartwright Plumbing'), normalizeName('Cartwight Plumbing'))
    expect(long).toMatchObject({ kind: 'typo', near: true, risky: false })
    for (const [a, b] of [
      ['Johnson Roofing', 'Johnston Roofing'],
      ['Peterson Plumbing', 'Petersen Plumbing'],
      ['Rosen Dental', 'Rosan Dental']
    ]) {
      expect(scoreNames(normalizeName(a!), normalizeName(b!)), `${a} / ${b}`).toMatchObject({ risky: true })
    }
  })

  it('rates a differing meaningful word on each side below the suggestion threshold', () => {
    for (const [a, b] of [
      ['Riverside Medical Group', 'Riverside Medical Supply'],
      ['Bright Smiles Dental - North', 'Bright Smiles Dental - South'],
      ['Smith Plumbing', 'Smith Electric'],
      ['Rose Dental', 'Ross Dental'],
      ['Northside Animal Hospital', 'Southside Animal Hospital']
    ]) {
      const c = compare(a!, b!)
      expect(c.score, `${a} / ${b}`).toBeLessThan(SUGGEST)
      expect(c.kind).toBe('different')
    }
    expect(compare('Riverside Medical Group', 'Riverside Medical Supply').reason).toBe(
      "different words: 'Group' / 'Supply'"
    )
  })

  it('treats differing numbers as different companies', () => {
    const c = compare('Cedar Clinic 2', 'Cedar Clinic 3')
    expect(c.score).toBeLessThan(SUGGEST)
    expect(c.reason).toBe("different numbers: '2' / '3'")
    expect(compare('Cedar Clinic', 'Cedar Clinic 2').score).toBeLessThan(SUGGEST)
  })

  it('scores containment: a generic word on one side costs little, a trade or rare word marks another firm', () => {
    const generic = scoreNames(normalizeName('Hartley Accounting'), normalizeName('Hartley Accounting & Tax'))
    expect(generic).toMatchObject({ kind: 'partial', distinctExtra: false })
    expect(generic.score).toBeGreaterThanOrEqual(CONFIDENT)
    const trade = scoreNames(normalizeName('Big Sky Plumbing'), normalizeName('Big Sky Plumbing Supply'))
    expect(trade).toMatchObject({ kind: 'partial', distinctExtra: true })
    const c = compare('Golden Gate Dental', 'Golden Gate Dental Lab')
    expect(c.kind).toBe('partial')
    expect(c.reason).toBe("similar, but only one name has 'Lab'")
    // The shorter the shared part, the lower: one shared word of three is not even shown.
    expect(compare('Acme', 'Acme Plumbing Heating Supply').score).toBeLessThan(SUGGEST)
  })

  it('rates the same words in another order, and "X of Y" / "Y X", just below an exact match', () => {
    const c = compare('Jones Smith Law', 'Smith Jones Law')
    expect(c.kind).toBe('order')
    expect(c.score).toBe(0.95)
    expect(compare('Township of Salem', 'Salem Township').reason).toContain('same words in a different order')
  })

  it('gives 0 when either side has nothing comparable', () => {
    expect(similarity('', 'Acme')).toBe(0)
    expect(similarity('!!!', '???')).toBe(0)
    expect(similarity('😀', '😀')).toBe(0)
  })

  it('is symmetric in score', () => {
    const pairs = [
      ['Smtih Glass', 'Smith Glass'],
      ['Golden Gate Dental', 'Golden Gate Dental Lab'],
      ['Oak Ridge', 'Oakridge'],
      ['A & B', 'B and A']
    ]
    for (const [a, b] of pairs) expect(similarity(a!, b!)).toBe(similarity(b!, a!))
  })
})
