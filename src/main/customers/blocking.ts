import type { NormalizedName } from './normalize'

// Candidate blocking: at 5,000 × 5,000 names we cannot score all 25M pairs, so each name is filed under a few keys
// and only names sharing a reasonably rare key are scored. The keys are chosen so that every pair the scorer could
// rate ≥ SUGGEST shares at least one of them:
//   t:word        same word (any non-typo match shares all its words)
//   d:variant     the word and each one-letter deletion of it (symmetric-deletion index): a typo, a swap or a
//                 dropped letter between two words leaves a deletion variant in common ("smtih"/"smith" → "smih")
//   c:compact     same letters ignoring spaces ("Oak Ridge" / "Oakridge"), as normalised and as spelled
//   p:pre         same first three letters: a short form ("Engrg" / "Engineering") or a split word ("River Side")
//   t:alt         the other reading of an accented word ("Müller" is also "Mueller")
// Candidates are ranked by how much rare evidence they share: each word of the query counts once (its best key),
// weighted by inverse document frequency, so a shared surname outweighs a shared "Construction" and its variants.

const MIN_DELETION_WORD = 4
/** Keys shared by more names than this are too common to narrow anything down ("dental", "services"). */
const COMMON_KEY = 200
/** Candidates with less than this share of the best candidate's weight only share common words. */
const MIN_SHARE = 0.4
const DELETION_WEIGHT = 0.5
const PREFIX_WEIGHT = 0.3

interface KeyGroup {
  /** key → weight factor; one group per query word, plus one for the whole name. */
  keys: Map<string, number>
}

function deletions(word: string): string[] {
  const out = new Set<string>([word])
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1))
  return [...out]
}

/** Words this short may be a short form ("Engrg", "Chiro") or half of a split word ("River Side"). */
const SHORT_WORD = 6

/**
 * Keys of a name. `side` decides the prefix keys, which are asymmetric to stay cheap: an indexed name files every
 * word under `p:` and its short words also under `s:`; a query looks its short words up under `p:` (any indexed word
 * they may shorten) and its long words under `s:` (only indexed short forms of them).
 */
export function blockingKeys(name: NormalizedName, side: 'index' | 'query' = 'index'): KeyGroup[] {
  const groups: KeyGroup[] = []
  name.tokens.forEach((t, i) => {
    const keys = new Map<string, number>([[`t:${t}`, 1]])
    const alt = name.alts[i]
    if (alt) keys.set(`t:${alt}`, 1)
    if (t.length >= MIN_DELETION_WORD && !/\d/.test(t))
      for (const v of deletions(t)) keys.set(`d:${v}`, DELETION_WEIGHT)
    if (t.length >= 3 && !/\d/.test(t)) {
      const short = t.length <= SHORT_WORD
      const pre = t.slice(0, 3)
      if (side === 'query') keys.set(`${short ? 'p' : 's'}:${pre}`, PREFIX_WEIGHT)
      else {
        keys.set(`p:${pre}`, PREFIX_WEIGHT)
        if (short) keys.set(`s:${pre}`, PREFIX_WEIGHT)
      }
    }
    groups.push({ keys })
  })
  if (name.compact)
    groups.push({
      keys: new Map([
        [`c:${name.compact}`, 2],
        [`c:${name.spelled}`, 2]
      ])
    })
  return groups
}

export class CandidateIndex {
  private readonly postings = new Map<string, number[]>()
  private readonly byKey = new Map<string, number[]>()
  private readonly size: number
  // Scratch arrays reused across queries (reset after each): per-name total weight and per-word best weight.
  private acc = new Float64Array(0)
  private best = new Float64Array(0)

  constructor(names: readonly NormalizedName[]) {
    this.size = names.length
    names.forEach((name, i) => {
      if (!name.key) return
      const same = this.byKey.get(name.key)
      if (same) same.push(i)
      else this.byKey.set(name.key, [i])
      for (const group of blockingKeys(name)) {
        for (const k of group.keys.keys()) {
          const list = this.postings.get(k)
          if (!list) this.postings.set(k, [i])
          else if (list[list.length - 1] !== i) list.push(i)
        }
      }
    })
  }

  /** Indexed names with exactly this normalised key. */
  exact(key: string): readonly number[] {
    return this.byKey.get(key) ?? []
  }

  /** Indexed names with the same letters ignoring spaces (includes exact-key names). */
  sameLetters(name: NormalizedName): number[] {
    const out = new Set<number>([
      ...(this.postings.get(`c:${name.compact}`) ?? []),
      ...(this.postings.get(`c:${name.spelled}`) ?? [])
    ])
    return [...out]
  }

  /** Up to `limit` indexed names most likely to match `name`, best-sharing first. */
  candidates(name: NormalizedName, limit: number): number[] {
    if (!name.key) return []
    if (this.acc.length < this.size) {
      this.acc = new Float64Array(this.size)
      this.best = new Float64Array(this.size)
    }
    const { acc, best } = this
    const groups = blockingKeys(name, 'query').map((g) =>
      [...g.keys].flatMap(([k, w]) => {
        const list = this.postings.get(k)
        return list ? [{ list, w }] : []
      })
    )
    // A name made only of common words still gets candidates from its rarest key.
    let rarest = Infinity
    for (const g of groups) for (const { list } of g) rarest = Math.min(rarest, list.length)
    const cap = Math.max(COMMON_KEY, rarest)

    const touched: number[] = []
    for (const g of groups) {
      const here: number[] = []
      for (const { list, w } of g) {
        if (list.length > cap) continue
        const weight = w * Math.log2(1 + this.size / list.length)
        for (const i of list) {
          if (best[i] === 0) here.push(i)
          if (weight > best[i]!) best[i] = weight
        }
      }
      for (const i of here) {
        if (acc[i] === 0) touched.push(i)
        acc[i]! += best[i]!
        best[i] = 0
      }
    }
    let top = 0
    for (const i of touched) top = Math.max(top, acc[i]!)
    const picked: [number, number][] = []
    for (const i of touched) {
      if (acc[i]! >= top * MIN_SHARE) picked.push([i, acc[i]!])
      acc[i] = 0
    }
    return picked
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([i]) => i)
  }
}
