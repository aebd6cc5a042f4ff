import { describe, expect, it } from 'vitest'
import { suggestMatches } from '../../../src/main/customers/suggest'
import { evaluate } from '../../fixtures/customers/labelled/evaluate'
import { loadRegression } from '../../fixtures/customers/labelled/regression'
import { loadLabelled } from '../../fixtures/customers/labelled/split'

// The acceptance figures of issue 13, on the held-out TEST split of the generated set (never used for tuning) and
// on the hand-written regression set. Each set is matched as one list, as on the Customers screen.
const match = (o: { id: string; name: string }[], c: { id: string; name: string }[]) => suggestMatches(o, c)
const summary = (f: ReturnType<typeof evaluate>) =>
  `true pairs ${f.truePairs}, confident ${f.confident} (right ${f.right}, wrong ${f.wrong}), ` +
  `precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)}; wrong: ` +
  (f.wrongPairs.map((w) => `${w.org} / ${w.customer}`).join('; ') || 'none')

describe('matching quality', () => {
  it('test split: precision ≥ 0.98 and recall ≥ 0.90 for confident suggestions', () => {
    const f = evaluate(
      loadLabelled().filter((r) => r.split === 'test'),
      match
    )
    console.log(`test split: ${summary(f)}`)
    expect(f.precision).toBeGreaterThanOrEqual(0.98)
    expect(f.recall).toBeGreaterThanOrEqual(0.9)
  })

  it('regression set: precision ≥ 0.99 and recall ≥ 0.90', () => {
    const f = evaluate(loadRegression(), match)
    console.log(`regression set: ${summary(f)}`)
    expect(f.precision).toBeGreaterThanOrEqual(0.99)
    expect(f.recall).toBeGreaterThanOrEqual(0.9)
  })
})
