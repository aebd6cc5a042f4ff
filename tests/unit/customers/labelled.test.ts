import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { similarity } from '../../../src/main/customers/similarity'
import { CONFIDENT, suggestMatches } from '../../../src/main/customers/suggest'

// The labelled set is hand-written (tests/fixtures/customers/labelled.json), not produced by the code under test.
const Pair = z.object({ a: z.string(), b: z.string(), why: z.string() })
const Labelled = z.object({ positives: z.array(Pair), negatives: z.array(Pair) })
const file = fileURLToPath(new URL('../../fixtures/customers/labelled.json', import.meta.url))
const labelled = Labelled.parse(JSON.parse(readFileSync(file, 'utf8')))

describe('labelled set', () => {
  it('is big enough and names each company once (so the whole set can be matched at once)', () => {
    expect(labelled.positives.length).toBeGreaterThanOrEqual(150)
    expect(labelled.negatives.length).toBeGreaterThanOrEqual(50)
    const names = [...labelled.positives, ...labelled.negatives].flatMap((p) => [p.a, p.b])
    expect(new Set(names).size).toBe(names.length)
  })

  it('matched as a whole: precision ≥ 0.99 and recall ≥ 0.85 at the confident threshold', () => {
    // Every left-hand name is an org, every right-hand name a customer; only positive pairs are right answers.
    const pairs = [...labelled.positives, ...labelled.negatives]
    const orgs = pairs.map((p, i) => ({ id: `o${i}`, name: p.a }))
    const customers = pairs.map((p, i) => ({ id: `c${i}`, name: p.b }))
    const isRight = (orgId: string, customerId: string) =>
      orgId.slice(1) === customerId.slice(1) && Number(orgId.slice(1)) < labelled.positives.length

    const confident = suggestMatches(orgs, customers).filter((s) => s.confident)
    const right = confident.filter((s) => isRight(s.orgId, s.customerId))
    const wrong = confident.filter((s) => !isRight(s.orgId, s.customerId))
    const precision = confident.length === 0 ? 0 : right.length / confident.length
    const recall = right.length / labelled.positives.length

    const name = (id: string, list: { id: string; name: string }[]) => list.find((x) => x.id === id)?.name
    const missed = labelled.positives.filter((_, i) => !right.some((s) => s.orgId === `o${i}`))
    console.log(
      `labelled set: ${labelled.positives.length} positives, ${labelled.negatives.length} hard negatives; ` +
        `confident ${confident.length} (right ${right.length}, wrong ${wrong.length}); ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n` +
        `  missed: ${missed.map((p) => `${p.a} / ${p.b}`).join('; ')}\n` +
        `  wrong: ${wrong.map((s) => `${name(s.orgId, orgs)} / ${name(s.customerId, customers)}`).join('; ') || 'none'}`
    )
    expect(precision).toBeGreaterThanOrEqual(0.99)
    expect(recall).toBeGreaterThanOrEqual(0.85)
  })

  it('pair by pair: no hard negative is confident, even with no rival in the list', () => {
    const alone = (p: { a: string; b: string }) =>
      suggestMatches([{ id: 'o', name: p.a }], [{ id: 'c', name: p.b }]).some((s) => s.confident)
    const confidentNegatives = labelled.negatives.filter(alone)
    expect(confidentNegatives).toEqual([])
  })

  it('pair by pair: each category of positive is mostly confident', () => {
    const byWhy = new Map<string, { n: number; ok: number }>()
    for (const p of labelled.positives) {
      const s = byWhy.get(p.why) ?? { n: 0, ok: 0 }
      s.n++
      if (similarity(p.a, p.b) >= CONFIDENT) s.ok++
      byWhy.set(p.why, s)
    }
    console.log(`confident by category: ${[...byWhy].map(([k, s]) => `${k} ${s.ok}/${s.n}`).join(', ')}`)
    // Typos are deliberately conservative (a wrong match is worse than a missed one); every other rule must hold.
    for (const [why, s] of byWhy) if (why !== 'typo') expect(s.ok / s.n, why).toBeGreaterThanOrEqual(0.9)
  })
})
