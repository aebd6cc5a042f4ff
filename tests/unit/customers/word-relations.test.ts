import { describe, expect, it } from 'vitest'
import { normalizeName } from '../../../src/main/customers/normalize'
import {
  abbreviates,
  americanSpelling,
  numberCanon,
  spellOutAccents,
  squeeze
} from '../../../src/main/customers/word-relations'

// One block per mechanism, each with the look-alikes that must NOT be read as the same word.

describe('abbreviates', () => {
  it('reads truncations of derived words, contractions and consonant skeletons', () => {
    for (const [short, long] of [
      ['chiro', 'chiropractic'],
      ['vet', 'veterinary'],
      ['assoc', 'associates'],
      ['mgmt', 'management'],
      ['intl', 'international'],
      ['svcs', 'services'],
      ['mfg', 'manufacturing'],
      ['plbg', 'plumbing'],
      ['twp', 'township'],
      ['st', 'saint'],
      ['mt', 'mount']
    ])
      expect(abbreviates(short!, long!), `${short} / ${long}`).toBe(true)
  })

  it('does not read a proper name as a short form of a longer one', () => {
    for (const [short, long] of [
      ['park', 'parker'], // two letters cut: another surname
      ['ash', 'ashford'], // a place, not a derived word
      ['fox', 'foxhollow'],
      ['hays', 'hayes'], // 4 of 5 letters: a spelling, not a short form
      ['ab', 'abbott'], // two letters with a vowel
      ['med', 'made'] // order of letters differs
    ])
      expect(abbreviates(short!, long!), `${short} / ${long}`).toBe(false)
  })
})

describe('numberCanon (number-to-words)', () => {
  it('reads number words, ordinals and numerals as one number', () => {
    expect(['three', '3', 'third', '3rd'].map(numberCanon)).toEqual(['3', '3', '3', '3'])
    expect(numberCanon('twelfth')).toBe('12')
    expect(normalizeName('First Baptist Church').key).toBe(normalizeName('1st Baptist Church').key)
    expect(normalizeName('Six Stars Supply').key).toBe(normalizeName('6 Stars Supply').key)
  })

  it('leaves other words and different numbers apart', () => {
    expect(numberCanon('firstly')).toBe('firstly')
    expect(normalizeName('Second Street Deli').key).not.toBe(normalizeName('Third Street Deli').key)
  })
})

describe('americanSpelling', () => {
  it('maps the regular British spellings to American ones', () => {
    expect(americanSpelling('centre')).toBe('center')
    expect(americanSpelling('harbour')).toBe('harbor')
    expect(americanSpelling('paediatric')).toBe('pediatric')
    expect(americanSpelling('organisation')).toBe('organization')
    expect(americanSpelling('behavioural')).toBe('behavioral')
    expect(americanSpelling('catalogue')).toBe('catalog')
  })

  it('leaves words the patterns do not describe alone', () => {
    for (const w of ['moore', 'four', 'store', 'wise', 'michael', 'jaeger', 'acre']) expect(americanSpelling(w)).toBe(w)
  })
})

describe('accents', () => {
  it('gives an accented word both readings: dropped (ü → u) and spelled out (ü → ue)', () => {
    expect(spellOutAccents('Müller')).toBe('mueller')
    expect(spellOutAccents('Sørensen')).toBe('soerensen')
    expect(spellOutAccents('Smith')).toBeNull()
    const n = normalizeName('Krüger Title')
    expect(n.tokens[0]).toBe('kruger')
    expect(n.alts[0]).toBe('krueger')
  })
})

describe('squeeze', () => {
  it('collapses doubled letters', () => {
    expect(squeeze('marketting')).toBe(squeeze('marketing'))
    expect(squeeze('phillips')).toBe('philips')
  })
})

describe('decorations', () => {
  it('marks branch/suite decorations, trailing credentials and leading honorifics', () => {
    const deco = (s: string) => {
      const n = normalizeName(s)
      return n.tokens.filter((_, i) => n.deco[i])
    }
    expect(deco('Acme Dental - North')).toEqual(['north'])
    expect(deco('Acme Dental, Suite 200')).toEqual(['suite', '200'])
    expect(deco('Acme Dental Suite 110')).toEqual(['suite', '110'])
    expect(deco('Acme Dental #2')).toEqual(['2'])
    expect(deco('Jane Okafor MD')).toEqual(['md'])
    expect(deco('Dr. Jane Okafor Dermatology')).toEqual(['doctor'])
    // In capitals every word looks like a credential: none is read so.
    expect(deco('OAK RIDGE DENTAL')).toEqual([])
  })

  it("drops a parenthesis holding the name's own initials, not other words", () => {
    expect(normalizeName('Riverside Community Hospital (RCH)').key).toBe('riverside community hospital')
    expect(normalizeName('Riverside Community Hospital (West)').key).toBe('riverside community hospital west')
  })
})
