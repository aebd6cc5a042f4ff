import { distance } from 'fastest-levenshtein'
import { describe, expect, it } from 'vitest'
import { companyNames, messyVariant, mulberry32 } from '../../sims/common'

// A deliberately simple matcher-style normaliser: what a name matcher would reduce both spellings to.
function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\b(llc|inc|ltd|co|corp|llp|pc|pllc)\b/g, ' ')
    .replace(/^\s*the\b/, ' ')
    .replace(/\s+/g, '')
}

describe('companyNames', () => {
  it('is deterministic and unique (case-insensitively), even for large n', () => {
    expect(companyNames(11, 200)).toEqual(companyNames(11, 200))
    expect(companyNames(11, 200)).not.toEqual(companyNames(12, 200))
    const big = companyNames(3, 3000)
    expect(big).toHaveLength(3000)
    expect(new Set(big.map((n) => n.toLowerCase())).size).toBe(3000)
  })

  it('looks like real client lists: accents, saints, branches, near-miss pairs', () => {
    const names = companyNames(1, 400)
    expect(names.some((n) => /[À-ÿĀ-ž]/.test(n))).toBe(true)
    expect(names.some((n) => /^(St\.|Saint) \w+'s /.test(n))).toBe(true)
    expect(names.some((n) => / - (North|South|East|West|Downtown|Midtown)$/.test(n))).toBe(true)
    expect(names.some((n) => / & Sons /.test(n))).toBe(true)
    // Near misses: two different companies sharing all but the last word.
    const stems = new Map<string, number>()
    for (const n of names) {
      const stem = n.split(' ').slice(0, -1).join(' ')
      stems.set(stem, (stems.get(stem) ?? 0) + 1)
    }
    expect([...stems.values()].some((c) => c >= 2)).toBe(true)
  })
})

describe('messyVariant', () => {
  const names = companyNames(5, 300)

  it('always differs from the original but normalises to (nearly) the same key', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rng = mulberry32(seed * 97)
      for (const name of companyNames(seed, 300)) {
        const v = messyVariant(name, rng)
        expect(v).not.toBe(name)
        // At most one one-letter typo survives normalisation (a swap costs 2 edits).
        expect(distance(normalise(v), normalise(name)), `${name} → ${v}`).toBeLessThanOrEqual(2)
      }
    }
  })

  it('is deterministic for the same PRNG seed', () => {
    const a = mulberry32(4)
    const b = mulberry32(4)
    expect(names.map((n) => messyVariant(n, a))).toEqual(names.map((n) => messyVariant(n, b)))
  })

  it('produces the documented kinds of change', () => {
    const rng = mulberry32(8)
    const variants = (name: string) => Array.from({ length: 60 }, () => messyVariant(name, rng))
    expect(variants('Smith & Sons Plumbing LLC')).toEqual(
      expect.arrayContaining([expect.stringMatching(/ and /i), expect.not.stringMatching(/LLC/i)])
    )
    expect(variants("St. Mary's Clinic").some((v) => v.includes("Saint Mary's"))).toBe(true)
    expect(variants('Bright Smiles Dental - North').some((v) => v.endsWith('(North)'))).toBe(true)
    expect(variants('Oak Ridge Realty Group').some((v) => /oakridge/i.test(v))).toBe(true)
    expect(variants('Café Olé Bakery').some((v) => v.includes('Cafe Ole'))).toBe(true)
    expect(variants('Riverside Medical Group').some((v) => /^The /.test(v))).toBe(true)
    expect(messyVariant('x', mulberry32(1))).not.toBe('x')
  })
})
