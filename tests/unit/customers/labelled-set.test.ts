import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generate, SEED } from '../../fixtures/customers/labelled/generate'
import { loadLabelled, splitOf } from '../../fixtures/customers/labelled/split'

// The large labelled set is the measuring stick for the matcher, so the stick itself is checked: its size, that it
// is what the documented generator makes, and that the split is the deterministic one.
const records = loadLabelled()

describe('large labelled set', () => {
  it('has at least 1,000 true pairs and 300 hard negatives of each documented kind', () => {
    expect(records.filter((r) => r.same).length).toBeGreaterThanOrEqual(1000)
    const negatives = records.filter((r) => !r.same)
    expect(negatives.length).toBeGreaterThanOrEqual(300)
    const kinds = new Set(negatives.map((r) => r.kind))
    expect([...kinds].sort()).toEqual(['different-trade', 'not-in-psa', 'sister-branch', 'surname-slip'])
  })

  it('is exactly what the seeded generator writes (never edited by hand)', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../fixtures/customers/labelled/pairs.json', import.meta.url), 'utf8')
    )
    expect(file.seed).toBe(SEED)
    expect(generate(SEED)).toEqual(records)
  })

  it('splits by group hash, so related records stay together and both parts are substantial', () => {
    for (const r of records) expect(r.split).toBe(splitOf(r.group))
    const test = records.filter((r) => r.split === 'test' && r.same).length
    const tune = records.filter((r) => r.split === 'tune' && r.same).length
    expect(test).toBeGreaterThanOrEqual(300)
    expect(tune).toBeGreaterThan(test)
  })

  it('names each org and each customer once: a pair is labelled by the set, not by a duplicate', () => {
    const same = records.filter((r) => r.same)
    expect(new Set(same.map((r) => r.org)).size).toBe(same.length)
    expect(new Set(same.map((r) => r.customer)).size).toBe(same.length)
  })
})
