import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mayJoin, mayPair } from '../../../src/main/customers/align'
import { normalizeName, type NormalizedName } from '../../../src/main/customers/normalize'
import { WordFacts } from '../../../src/main/customers/word-facts'
import { generateLists } from '../../fixtures/customers/business-names'

/** Facts for every word of the names, by id (the names' words in order). */
function factsOf(names: NormalizedName[], learned?: Set<string>) {
  const facts = new WordFacts(learned)
  const words: [NormalizedName, number][] = []
  for (const n of names)
    for (let i = 0; i < n.tokens.length; i++) {
      facts.add(n.tokens[i]!, n.spelledTokens[i]!, n.alts[i] ?? null)
      words.push([n, i])
    }
  return { facts, words }
}

/** Word pairs `apart` settles, and those of them that align's tests relate (must be none). */
function check(names: NormalizedName[], learned?: Set<string>) {
  const { facts, words } = factsOf(names, learned)
  let apart = 0
  const wrong: string[] = []
  words.forEach(([a, i], x) =>
    words.forEach(([b, j], y) => {
      if (!facts.apart(x, y)) return
      apart++
      if (mayJoin(a, i, b, j) || mayPair(a, i, b, j, learned, undefined))
        wrong.push(`${a.surfaces[i]} / ${b.surfaces[j]}`)
    })
  )
  return { pairs: words.length ** 2, apart, wrong }
}

// Few letters, so random words often lie within a typo, a short form or a joined word of each other.
const letter = fc.constantFrom(...'aabceeilnorsstu'.split(''), 'ü', 'ø', 'ß', '1', "'", '.', '-', 'A', 'S')
const word = fc.string({ unit: letter, minLength: 1, maxLength: 11 })
/** A word and a slip of it: a letter dropped, doubled or swapped, or one replaced. */
const nearWords = fc.tuple(word, fc.nat(), letter).map(([w, at, c]) => {
  const k = at % w.length
  const slips = [w.slice(0, k) + w.slice(k + 1), w.slice(0, k) + w[k] + w.slice(k), w.slice(0, k) + c + w.slice(k + 1)]
  if (k + 1 < w.length) slips.push(w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2))
  return [w, ...slips]
})
const names = fc.array(
  fc.oneof(
    word,
    nearWords.map((ws) => ws.join(' '))
  ),
  { minLength: 2, maxLength: 8 }
)

describe('WordFacts.apart (pre-test of the reach bound)', () => {
  it('never calls two words apart that align may relate (property)', () => {
    fc.assert(
      fc.property(names, fc.array(fc.tuple(word, word), { maxLength: 3 }), (raw, pairs) => {
        const ns = raw.map((x) => normalizeName(x, false)).filter((n) => n.key !== '')
        const learned = new Set<string>()
        for (const [x, y] of pairs) {
          const [a, b] = [normalizeName(x, false).tokens[0], normalizeName(y, false).tokens[0]]
          if (a && b) learned.add(`${a}|${b}`).add(`${b}|${a}`)
        }
        expect(check(ns, learned).wrong).toEqual([])
      }),
      { numRuns: 400 }
    )
  })

  it('settles most word pairs of a generated list and none that align relates', () => {
    const lists = generateLists(120, 5)
    const ns = [...lists.orgs, ...lists.customers].map((x) => normalizeName(x.name))
    const r = check(ns)
    expect(r.wrong).toEqual([])
    expect(r.apart).toBeGreaterThan(r.pairs * 0.7)
  })

  it('leaves typos (first letter too), short forms, joined words and learned pairs to the full tests', () => {
    const apart = (x: string, y: string, learned?: Set<string>) => {
      const { facts } = factsOf([normalizeName(x, false), normalizeName(y, false)], learned)
      return facts.apart(0, 1)
    }
    expect(apart('Kestrel', 'Harbor')).toBe(true)
    expect(apart('Kestrel', 'Kestrle')).toBe(false)
    expect(apart('Smith', 'Amith')).toBe(false)
    expect(apart('Oakridge', 'Oak')).toBe(false)
    expect(apart('Chiro', 'Chiropractic')).toBe(false)
    expect(apart('Müller', 'Mueller')).toBe(false)
    expect(apart('Acme', 'Zenith')).toBe(true)
    expect(apart('Acme', 'Zenith', new Set(['acme|zenith', 'zenith|acme']))).toBe(false)
  })
})
