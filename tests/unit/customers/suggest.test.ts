import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import {
  CONFIDENT,
  matchConfident,
  MatchFileSchema,
  parseMatchFile,
  parseMatchFileText,
  SUGGEST,
  suggestMatches
} from '../../../src/main/customers/suggest'
import { generateLists } from '../../fixtures/customers/business-names'

const list = (...names: string[]) => names.map((name, i) => ({ id: String(i + 1), name }))

describe('suggestMatches', () => {
  it('pairs each org with its customer and explains why', () => {
    const orgs = list('Smith & Sons Plumbing LLC', "St. Mary's Clinic", 'Riverside Medical Group')
    const customers = [
      { id: 'a', name: 'Saint Marys Clinic' },
      { id: 'b', name: 'Smith and Sons Plumbing' },
      { id: 'c', name: 'Riverside Medical Supply' }
    ]
    expect(suggestMatches(orgs, customers)).toEqual([
      {
        orgId: '1',
        customerId: 'b',
        score: 1,
        confident: true,
        reason: "same name after removing 'LLC'; '&' and 'and' treated the same"
      },
      { orgId: '2', customerId: 'a', score: 1, confident: true, reason: "same name with 'St.' read as 'Saint'" }
    ])
  })

  it('is one-to-one: a customer goes to the best-scoring org only', () => {
    const orgs = list('Oakridge Veterinary', 'Oak Ridge Veterinary Clinic')
    const customers = [{ id: 'x', name: 'Oakridge Veterinary' }]
    const s = suggestMatches(orgs, customers)
    expect(s).toHaveLength(1)
    expect(s[0]).toMatchObject({ orgId: '1', customerId: 'x', score: 1 })
  })

  it('never gives two orgs the same customer, nor one org two customers, at scale', () => {
    const { orgs, customers } = generateLists(800, 7)
    const s = suggestMatches(orgs, customers)
    expect(new Set(s.map((x) => x.orgId)).size).toBe(s.length)
    expect(new Set(s.map((x) => x.customerId)).size).toBe(s.length)
    expect(s.every((x) => x.score >= SUGGEST && x.score <= 1)).toBe(true)
    expect(s.filter((x) => x.confident).every((x) => x.score >= CONFIDENT)).toBe(true)
    expect(s.some((x) => x.confident)).toBe(true)
  })

  it('finds the planted respellings in generated lists with few wrong confident matches', () => {
    const { orgs, customers, truth } = generateLists(1500, 11)
    const confident = suggestMatches(orgs, customers).filter((x) => x.confident)
    const right = confident.filter((x) => truth.get(x.orgId) === x.customerId).length
    expect(right / confident.length).toBeGreaterThanOrEqual(0.99)
    expect(right / truth.size).toBeGreaterThanOrEqual(0.9)
  })

  it('leaves ambiguous names for a human: a tie gives no suggestion to anyone involved', () => {
    const orgs = list('Smith Plumbing')
    const customers = [
      { id: 'a', name: 'Smith Plumbing LLC' },
      { id: 'b', name: 'SMITH PLUMBING' }
    ]
    expect(suggestMatches(orgs, customers)).toEqual([])
    // Same from the other side: two orgs, one customer.
    expect(suggestMatches(list('Smith Plumbing Inc', 'Smith Plumbing'), [{ id: 'a', name: 'Smith Plumbing' }])).toEqual(
      []
    )
    // A bare name between two branches is not guessed either.
    expect(
      suggestMatches(list('Bright Smiles Dental'), [
        { id: 'n', name: 'Bright Smiles Dental - North' },
        { id: 's', name: 'Bright Smiles Dental - South' }
      ])
    ).toEqual([])
  })

  it('does not make a suggestion confident when a close runner-up exists', () => {
    // The PSA seems to hold the company twice; the exact one is suggested but not for "Accept all".
    const s = suggestMatches(list('Oakridge Veterinary'), [
      { id: 'a', name: 'Oakridge Veterinary' },
      { id: 'b', name: 'Oak Ridge Veterinary' }
    ])
    expect(s).toEqual([expect.objectContaining({ orgId: '1', customerId: 'a', score: 1, confident: false })])
    // Without the near-duplicate it is confident.
    expect(suggestMatches(list('Oakridge Veterinary'), [{ id: 'a', name: 'Oakridge Veterinary' }])[0]?.confident).toBe(
      true
    )
    // A typo runner-up 0.06 behind does not block confidence.
    const t = suggestMatches(list('Calloway Plumbing'), [
      { id: 'a', name: 'Calloway Plumbing' },
      { id: 'b', name: 'Calloway Plumbng' }
    ])
    expect(t).toEqual([expect.objectContaining({ customerId: 'a', confident: true })])
  })

  it('offers an extra-word match only as a non-confident suggestion', () => {
    const s = suggestMatches(list('Golden Gate Dental'), [{ id: 'a', name: 'Golden Gate Dental Lab' }])
    expect(s).toEqual([
      {
        orgId: '1',
        customerId: 'a',
        score: expect.any(Number),
        confident: false,
        reason: "similar, but only one name has 'Lab'; the only customer sharing the rare word 'Golden'"
      }
    ])
  })

  it('skips excluded (already mapped) orgs and customers', () => {
    const orgs = list('Acme Widgets', 'Globex International')
    const customers = [
      { id: 'a', name: 'Acme Widgets Inc' },
      { id: 'g', name: 'Globex Intl' }
    ]
    expect(suggestMatches(orgs, customers, { exclude: { orgIds: new Set(['1']) } }).map((s) => s.orgId)).toEqual(['2'])
    expect(
      suggestMatches(orgs, customers, { exclude: { customerIds: new Set(['g']) } }).map((s) => s.customerId)
    ).toEqual(['a'])
    expect(suggestMatches(orgs, customers, { exclude: { orgIds: new Set(['1', '2']) } })).toEqual([])
  })

  it('survives hostile names without throwing and without matching them to each other', () => {
    const hostile = [
      '',
      '   ',
      '!!!',
      '...',
      '😀🎉🔥',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      'x'.repeat(10_000),
      'y'.repeat(10_000),
      '\u0000\u0001',
      '\u200b\u200b',
      "'; DROP TABLE orgs; --",
      '%s%s%n',
      '(((',
      ')))'
    ]
    const orgs = hostile.map((name, i) => ({ id: `o${i}`, name }))
    const customers = hostile.map((name, i) => ({
      id: `c${i}`,
      name: name.split('').reverse().join('') + (i % 2 ? '' : ' ')
    }))
    expect(() => suggestMatches(orgs, customers)).not.toThrow()
    const s = suggestMatches(orgs, customers)
    // Only an identical-after-normalisation pair could be suggested; none of these reversed strings are.
    expect(s.filter((x) => x.confident)).toEqual([])
    // Hostile names mixed with real ones do not disturb the real match.
    const mixed = suggestMatches(
      [...orgs, { id: 'real', name: 'Acme Widgets' }],
      [...customers, { id: 'R', name: 'ACME Widgets, Inc.' }]
    )
    expect(mixed.filter((x) => x.confident)).toEqual([expect.objectContaining({ orgId: 'real', customerId: 'R' })])
  })

  it('does not match two different hostile names or two empty names to each other', () => {
    expect(
      suggestMatches(list('', '!!!', '😀'), [
        { id: 'a', name: '' },
        { id: 'b', name: '???' },
        { id: 'c', name: '🎉' }
      ])
    ).toEqual([])
    expect(suggestMatches(list('x'.repeat(10_000)), [{ id: 'a', name: 'x'.repeat(10_000) }])).toEqual([])
  })

  it('returns nothing for empty inputs', () => {
    expect(suggestMatches([], [])).toEqual([])
    expect(suggestMatches(list('Acme'), [])).toEqual([])
  })
})

describe('matchConfident', () => {
  it('has every org id as a key, with null when there is no confident suggestion', () => {
    const out = matchConfident({
      orgs: [
        { id: '1', name: 'Acme Widgets LLC' },
        { id: '2', name: 'Golden Gate Dental' },
        { id: '3', name: '' }
      ],
      customers: [
        { id: '10', name: 'Acme Widgets' },
        { id: '11', name: 'Golden Gate Dental Lab' }
      ]
    })
    expect(out).toEqual({ '1': { customerId: '10', score: 1 }, '2': null, '3': null })
  })

  it('keeps an org id of "__proto__" as an ordinary key', () => {
    const out = matchConfident({
      orgs: [{ id: '__proto__', name: 'Acme' }],
      customers: [{ id: '1', name: 'Acme Inc' }]
    })
    expect(Object.keys(out)).toEqual(['__proto__'])
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse('{"__proto__":{"customerId":"1","score":1}}'))
  })
})

describe('MatchFileSchema', () => {
  it('accepts string or number ids, matches on their string form and answers with the id as given', () => {
    const file = parseMatchFile({
      orgs: [
        { id: 5, name: 'Acme' },
        { id: 'abc123', name: 'Globex' }
      ],
      customers: [{ id: 77, name: 'Acme Inc' }]
    })
    expect(file).toEqual({
      orgs: [
        { id: '5', given: 5, name: 'Acme' },
        { id: 'abc123', given: 'abc123', name: 'Globex' }
      ],
      customers: [{ id: '77', given: 77, name: 'Acme Inc' }]
    })
    // A number stays a number (JSON object keys are strings by definition).
    expect(matchConfident(file)).toEqual({ '5': { customerId: 77, score: 1 }, abc123: null })
    const strings = parseMatchFile({ orgs: [{ id: '5', name: 'Acme' }], customers: [{ id: '77', name: 'Acme' }] })
    expect(matchConfident(strings)).toEqual({ '5': { customerId: '77', score: 1 } })
  })

  it('rejects bad input with a validation AppError naming the field', () => {
    const bad: [unknown, RegExp][] = [
      [null, /\(root\)/],
      [{ orgs: [] }, /customers/],
      [{ orgs: [{ id: 1 }], customers: [] }, /orgs\[0\]\.name/],
      [{ orgs: [{ id: '', name: 'A' }], customers: [] }, /orgs\[0\]\.id: id must not be empty/],
      [{ orgs: [{ id: 1.5, name: 'A' }], customers: [] }, /orgs\[0\]\.id/],
      [{ orgs: [{ id: true, name: 'A' }], customers: [] }, /orgs\[0\]\.id/],
      [
        {
          orgs: [],
          customers: [
            { id: 1, name: 'A' },
            { id: '1', name: 'B' }
          ]
        },
        /customers\[1\]\.id: duplicate id '1'/
      ]
    ]
    for (const [input, message] of bad) {
      let err: unknown
      try {
        parseMatchFile(input)
      } catch (e) {
        err = e
      }
      expect(err, JSON.stringify(input)).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('validation')
      expect((err as AppError).message).toMatch(message)
      expect((err as AppError).hint).toMatch(/"orgs"/)
    }
    expect(MatchFileSchema.safeParse({ orgs: [], customers: [] }).success).toBe(true)
  })

  it('parses file text, tolerating a BOM, and reports broken JSON clearly', () => {
    expect(parseMatchFileText('\uFEFF{"orgs":[],"customers":[]}')).toEqual({ orgs: [], customers: [] })
    expect(() => parseMatchFileText('{"orgs": [')).toThrow(/Match file is not valid JSON/)
  })
})
