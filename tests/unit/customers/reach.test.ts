import { describe, expect, it } from 'vitest'
import { WordPairMemo, type Equivalences } from '../../../src/main/customers/align'
import { normalizeName, type NormalizedName } from '../../../src/main/customers/normalize'
import { cannotReach, WordRelations } from '../../../src/main/customers/reach'
import { nameWeights, rivalStrength, scoreNames } from '../../../src/main/customers/similarity'
import { KEEP } from '../../../src/main/customers/suggest'
import { corpusWeights } from '../../../src/main/customers/weights'
import { generateLists } from '../../fixtures/customers/business-names'
import { loadRegression } from '../../fixtures/customers/labelled/regression'

/** Every org × customer pair of two lists: how many the bound settles, and any it settles that scoring would keep. */
function check(orgNames: readonly string[], customerNames: readonly string[], learned?: Equivalences) {
  const orgs = orgNames.map((x) => normalizeName(x)).filter((x) => x.key !== '')
  const customers = customerNames.map((x) => normalizeName(x)).filter((x) => x.key !== '')
  const weights = corpusWeights([...orgs, ...customers])
  const ctx = { weight: weights.weight, learned, memo: new WordPairMemo() }
  const words = new WordRelations(learned)
  const w = new Map<NormalizedName, Float64Array>()
  for (const x of [...orgs, ...customers]) w.set(x, nameWeights(x, weights.weight, words.wordId))
  const settled: string[] = []
  const wrong: string[] = []
  for (const a of orgs) {
    for (const b of customers) {
      if (!cannotReach(a, b, KEEP, words, w.get(a)!, w.get(b)!)) continue
      settled.push(`${a.raw} / ${b.raw}`)
      const strength = rivalStrength(scoreNames(a, b, ctx, w.get(a), w.get(b)))
      if (strength >= KEEP) wrong.push(`${a.raw} / ${b.raw}: ${strength}`)
    }
  }
  return { pairs: orgs.length * customers.length, settled, wrong }
}

describe('cannotReach (pairs settled without aligning them)', () => {
  it('never settles a pair that scoring would keep as a suggestion or a rival', () => {
    const lists = generateLists(150, 3)
    const r = check(
      lists.orgs.map((x) => x.name),
      lists.customers.map((x) => x.name)
    )
    expect(r.wrong).toEqual([])
    // Most pairs of two unrelated lists share at most a common word: the bound settles them.
    expect(r.settled.length).toBeGreaterThan(r.pairs / 2)
  })

  it('holds on the hand-labelled names, with learned equivalences too', () => {
    const records = loadRegression()
    const orgs = [...new Set(records.map((x) => x.org))]
    const customers = [...new Set(records.map((x) => x.customer))]
    expect(check(orgs, customers).wrong).toEqual([])
    const learned = new Set(['chiro|chiropractic', 'chiropractic|chiro', 'vet|veterinary', 'veterinary|vet'])
    expect(check(orgs, customers, learned).wrong).toEqual([])
  })

  it('settles a shared common word beside rare ones, but leaves joined words, initials and near-misses to scoring', () => {
    const filler = ['Acme Plumbing', 'Bolt Plumbing', 'Crest Plumbing', 'Delta Plumbing', 'Echo Plumbing']
    const settled = (a: string, b: string) => check([a, ...filler], [b]).settled.includes(`${a} / ${b}`)
    expect(settled('Kestrel Plumbing', 'Harbor Plumbing')).toBe(true)
    expect(settled('Oakridge Plumbing', 'Oak Ridge Plumbing Supply')).toBe(false)
    expect(settled('Wexford CU', 'Wexford Credit Union')).toBe(false)
    expect(settled('Kestrel Plumbing', 'Kestrle Plumbing')).toBe(false)
  })
})
