import { describe, expect, it } from 'vitest'
import { foldAccents, MAX_NAME_LENGTH, normalizeName } from '../../../src/main/customers/normalize'
import { singular } from '../../../src/main/customers/word-relations'

const key = (s: string) => normalizeName(s).key
const changes = (s: string) => normalizeName(s).changes.map((c) => `${c.kind}:${c.from}${c.to ? `>${c.to}` : ''}`)

describe('normalizeName', () => {
  it('folds case, punctuation and whitespace', () => {
    expect(key('  ACME   Widgets!!! ')).toBe('acme widget')
    expect(key('Monroe/Hale: Consulting')).toBe('monroe hale consulting')
    expect(key('Sandpiper_Veterinary_Clinic')).toBe('sandpiper veterinary clinic')
  })

  it('strips accents with NFKD and folds letters NFKD leaves alone', () => {
    expect(foldAccents('Café Lumière')).toBe('Cafe Lumiere')
    expect(foldAccents('Straße Øresund Łódź Æther')).toBe('Strasse Oresund Lodz AEther')
    expect(key('Crème de la Crème')).toBe(key('Creme de la Creme'))
    expect(changes('Café Rouge')).toContain('accent:Café>Cafe')
  })

  it('treats &, + and "and" the same and records which was used', () => {
    expect(key('Smith & Sons')).toBe('smith son')
    expect(key('Smith + Sons')).toBe('smith son')
    expect(key('Smith and Sons')).toBe('smith son')
    expect(changes('Smith & Sons')).toContain('and:&')
    expect(changes('Smith and Sons')).toContain('and:and')
    // A name that is only "And" keeps it rather than becoming empty.
    expect(key('And')).toBe('and')
  })

  it('removes legal suffixes only at the end, in any spelling', () => {
    for (const s of [
      'Acme Inc',
      'Acme Inc.',
      'Acme, Inc.',
      'Acme Incorporated',
      'Acme LLC',
      'Acme L.L.C.',
      'Acme L. L. C.',
      'Acme Ltd',
      'Acme Limited',
      'Acme GmbH',
      'Acme PLLC',
      'Acme LLP',
      'Acme LP',
      'Acme Co.',
      'Acme Company',
      'Acme Corp',
      'Acme Corporation',
      'Acme PC',
      'Acme P.C.',
      'Acme, P.A.',
      'Acme S.A.',
      'Acme AG',
      'Acme B.V.',
      'Acme Pty Ltd',
      'Acme (Pty) Ltd',
      'Acme plc',
      'Acme & Co.',
      'Acme Co., Inc.'
    ]) {
      expect(key(s), s).toBe('acme')
    }
    expect(changes('Acme L.L.C.')).toEqual(['suffix:LLC'])
    // A slip in a long legal word is still that word; short ones are never guessed.
    expect(key('Richmond Title Compnay')).toBe('richmond title')
    expect(key('Acme Limted')).toBe('acme')
    expect(key('Acme Cp')).toBe('acme cp')
    // Not trailing → part of the name.
    expect(key('Co-op Grocers')).toBe('co op grocer')
    expect(key('PC Repair Shop')).toBe('pc repair shop')
    // Never empties a name.
    expect(key('Limited')).toBe('limited')
  })

  it('keeps a dash decoration that happens to be a state code', () => {
    expect(key('Acme Inc - PA')).toBe('acme pa')
    expect(key('Acme - CO')).not.toBe(key('Acme - NJ'))
  })

  it('removes a leading "The" (and a trailing ", The")', () => {
    expect(key('The Copper Kettle')).toBe('copper kettle')
    expect(key('Green Thumb Nursery, The')).toBe('green thumb nursery')
    expect(changes('The Copper Kettle')).toEqual(['article:The'])
    expect(key('The')).toBe('the')
    // In the middle it is a linking word, dropped like "of": "Over The Top" = "Over Top".
    expect(key('Over The Top Catering')).toBe('over top catering')
    expect(key('Township of Salem')).toBe('township salem')
  })

  it('expands common abbreviations', () => {
    const pairs: [string, string][] = [
      ['Halvorsen Assoc', 'Halvorsen Associates'],
      ['Peterson Mfg', 'Peterson Manufacturing'],
      ['Globex Intl', 'Globex International'],
      ["Globex Int'l", 'Globex International'],
      ['Summit Svcs', 'Summit Services'],
      ['Summit Svc', 'Summit Service'],
      ['Ramirez Bros', 'Ramirez Brothers'],
      ['Keystone Mgmt', 'Keystone Management'],
      ['Fire Dept', 'Fire Department'],
      ['Community Ctr', 'Community Center'],
      ['Community Cntr', 'Community Centre'],
      ['Apex Tech', 'Apex Technology'],
      ['Riverside Mfg Group', 'Riverside Manufacturing Group']
    ]
    for (const [a, b] of pairs) expect(key(a), `${a} / ${b}`).toBe(key(b))
    expect(changes('Peterson Mfg.')).toContain('abbreviation:Mfg.>manufacturing')
  })

  it('reads St/Dr by position: leading saint/doctor, trailing street/drive', () => {
    expect(key("St. Mary's Clinic")).toBe(key('Saint Marys Clinic'))
    expect(key('Main St')).toBe('main street')
    expect(key('Dr. Patel Dentistry')).toBe(key('Doctor Patel Dentistry'))
    expect(key('Oak Dr')).toBe('oak drive')
    expect(key('Mt. Hood Outfitters')).toBe(key('Mount Hood Outfitters'))
    expect(changes('St. Jude Pediatrics')).toContain('abbreviation:St.>saint')
  })

  it('removes apostrophes inside words', () => {
    expect(key("Mary's")).toBe(key('Marys'))
    expect(key('Hannah’s Florist')).toBe(key("Hannah's Florist"))
    expect(key("O'Brien Electric")).toBe('obrien electric')
  })

  it('normalises location decorations written with dash, en/em dash, parentheses or comma to one form', () => {
    const forms = [
      'Bright Smiles Dental - North',
      'Bright Smiles Dental (North)',
      'Bright Smiles Dental, North',
      'Bright Smiles Dental – North',
      'Bright Smiles Dental — North',
      'Bright Smiles Dental North'
    ]
    for (const f of forms) expect(key(f), f).toBe('bright smile dental north')
    expect(changes('Bright Smiles Dental (North)')).toContain('separator:(North)')
    // An unspaced hyphen joins words rather than starting a decoration.
    expect(key('Smith-Jones Architects')).toBe(key('Smith Jones Architects'))
    // A suffix before a decoration is still a suffix.
    expect(key('Prairie Wind Energy Inc. - Fargo')).toBe('prairie wind energy fargo')
  })

  it('ignores "No." before a number', () => {
    expect(key('Clinic No. 2')).toBe('clinic 2')
    expect(key('Clinic #2')).toBe('clinic 2')
    expect(key('No Limits Fitness')).toBe('no limit fitness')
  })

  it('singularises plurals without mangling -ss/-us/-is words', () => {
    expect(singular('services')).toBe('service')
    expect(singular('supplies')).toBe('supply')
    expect(singular('glass')).toBe('glass')
    expect(singular('campus')).toBe('campus')
    expect(singular('lewis')).toBe('lewis')
    expect(singular('12s')).toBe('12s')
  })

  it('gives compact and spelled forms for spacing comparison', () => {
    const n = normalizeName('Oak Ridge Tech')
    expect(n.compact).toBe('oakridgetechnology')
    expect(n.spelled).toBe('oakridgetech')
    expect(n.surfaces).toEqual(['Oak', 'Ridge', 'Tech'])
  })

  it('returns an empty key for names with nothing matchable', () => {
    for (const s of ['', '   ', '!!!', '---', '😀🎉', '()', '\u200b']) expect(key(s), JSON.stringify(s)).toBe('')
    expect(key('x'.repeat(MAX_NAME_LENGTH + 1))).toBe('')
    expect(normalizeName('x'.repeat(10_000)).raw.length).toBeLessThan(100)
  })

  it('treats zero-width characters as nothing, not as a word break', () => {
    expect(key('Ac\u200bme Plumbing')).toBe('acme plumbing')
  })

  it('shares a remembered name; a one-off name (remember: false) is the same value but not kept', () => {
    const once = normalizeName('Ridgeback Plumbing Supply (one-off)', false)
    const first = normalizeName('Ridgeback Plumbing Supply (one-off)')
    expect(first).toEqual(once)
    expect(first).not.toBe(once) // the one-off result was not cached
    expect(normalizeName('Ridgeback Plumbing Supply (one-off)')).toBe(first) // the remembered one is
    expect(normalizeName('Ridgeback Plumbing Supply (one-off)', false)).toBe(first) // and looked up, not redone
  })
})
