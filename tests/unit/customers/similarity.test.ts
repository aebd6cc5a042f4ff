import { describe, expect, it } from 'vitest'
import { normalizeName } from '../../../src/main/customers/normalize'
import { compareNames, osaDistance, similarity, typoPenalty } from '../../../src/main/customers/similarity'
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
})

describe('typoPenalty', () => {
  it('accepts swaps and slips in descriptive words as ordinary typos', () => {
    expect(typoPenalty('smtih', 'smith')).toBe(0.06)
    expect(typoPenalty('plumbng', 'plumbing')).toBe(0.06)
  })

  it('never reads two known descriptive words as a typo of each other', () => {
    expect(typoPenalty('painting', 'printing')).toBeNull()
    expect(similarity('Burke & Sons Painting', 'Burke & Sons Printing')).toBeLessThan(SUGGEST)
  })

  it('treats a slip in a name-like word as risky, and short or numeric words as different', () => {
    expect(typoPenalty('johnson', 'johnston')).toBe(0.12)
    expect(typoPenalty('rose', 'ross')).toBeNull()
    expect(typoPenalty('unit2', 'unit3')).toBeNull()
    expect(typoPenalty('northside', 'southside')).toBeNull()
    expect(typoPenalty('restaraunt', 'restaurant')).toBe(0.12)
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

  it('shows but does not make confident a slip in a name-like word', () => {
    const c = compare('Johnson Roofing', 'Johnston Roofing')
    expect(c.score).toBeGreaterThanOrEqual(SUGGEST)
    expect(c.score).toBeLessThan(CONFIDENT)
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

  it('rates an extra word on one side as a suggestion at most', () => {
    const c = compare('Golden Gate Dental', 'Golden Gate Dental Lab')
    expect(c.kind).toBe('partial')
    expect(c.score).toBeLessThan(CONFIDENT)
    expect(c.reason).toBe("similar, but only one name has 'Lab'")
    // The shorter the shared part, the lower: one shared word of three is not even shown.
    expect(compare('Acme', 'Acme Plumbing Heating Supply').score).toBeLessThan(SUGGEST)
  })

  it('rates the same words in another order as a suggestion, not confident', () => {
    const c = compare('Jones Smith Law', 'Smith Jones Law')
    expect(c.kind).toBe('order')
    expect(c.score).toBeGreaterThanOrEqual(SUGGEST)
    expect(c.score).toBeLessThan(CONFIDENT)
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
