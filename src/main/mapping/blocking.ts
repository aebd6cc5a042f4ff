import type { NormalizedName } from './normalize'

// Candidate blocking: at 5,000 × 5,000 names we cannot score all 25M pairs, so each name is filed under a few keys
// and only names sharing a reasonably rare key are scored. The keys are chosen so that every pair the scorer could
// rate ≥ SUGGEST shares at least one of them:
//   t:word        same word (any non-typo match shares all its words)
//   d:variant     the word and each one-letter deletion of it (symmetric-deletion index): a typo, a swap or a
//                 dropped letter between two words leaves a deletion variant in common ("smtih"/"smith" → "smih")
//   c:compact     same letters ignoring spaces ("Oak Ridge" / "Oakridge")
//   p:prefix      first 6 letters ignoring spaces, for spacing differences hidden by common words

const MIN_DELETION_WORD = 4
const PREFIX = 6
/** Keys shared by more names than this are too common to narrow anything down ("dental", "services"). */
const COMMON_KEY = 200
const MIN_SHARE = 0.4

function deletions(word: string): string[] {
  const out = new Set<string>([word])
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1))
  return [...out]
}

export function blockingKeys(name: NormalizedName): Map<string, number> {
  // key → weight; exact words count more than deletion variants.
  const keys = new Map<string, number>()
  for (const t of name.tokens) {
    keys.set(`t:${t}`, 1)
    if (t.length >= MIN_DELETION_WORD && !/\d/.test(t)) for (const v of deletions(t)) if (!keys.has(`d:${v}`)) keys.set(`d:${v}`, 0.5)
  }
  if (name.compact) {
    keys.set(`c:${name.compact}`, 2)
    keys.set(`c:${name.spelled}`, 2)
    if (name.compact.length >= PREFIX) keys.set(`p:${name.compact.slice(0, PREFIX)}`, 0.5)
  }
  return keys
}

export class CandidateIndex {
  private readonly postings = new Map<string, number[]>()
  private readonly byKey = new Map<string, number[]>()
  private readonly size: number
  /** Scratch accumulator reused across queries (zeroed after each). */
  private acc = new Float64Array(0)

  constructor(names: readonly NormalizedName[]) {
    this.size = names.length
    names.forEach((name, i) => {
      if (!name.key) return
      const same = this.byKey.get(name.key)
      if (same) same.push(i)
      else this.byKey.set(name.key, [i])
      for (const k of blockingKeys(name).keys()) {
        const list = this.postings.get(k)
        if (list) list.push(i)
        else this.postings.set(k, [i])
      }
    })
  }

  /** Indexed names with the same letters ignoring spaces (includes exact-key names). */
  sameLetters(name: NormalizedName): number[] {
    const out = new Set<number>([...(this.postings.get(`c:${name.compact}`) ?? []), ...(this.postings.get(`c:${name.spelled}`) ?? [])])
    return [...out]
  }

  /** Indexed names with exactly this normalised key. */
  exact(key: string): readonly number[] {
    return this.byKey.get(key) ?? []
  }

  /**
   * Up to `limit` indexed names most likely to match `name`, best-sharing first. Names sharing less than
   * MIN_SHARE of the best candidate's weight only share common words ("Plumbing") and are not worth scoring.
   */
  candidates(name: NormalizedName, limit: number): number[] {
    if (!name.key) return []
    const keys = [...blockingKeys(name)]
      .map(([k, w]) => ({ list: this.postings.get(k), w }))
      .filter((x): x is { list: number[]; w: number } => x.list !== undefined)
      .sort((x, y) => x.list.length - y.list.length)
    if (this.acc.length < this.size) this.acc = new Float64Array(this.size)
    const acc = this.acc
    const touched: number[] = []
    keys.forEach(({ list, w }, rank) => {
      // The rarest key is always used so that a name made only of common words still gets candidates.
      if (rank > 0 && list.length > COMMON_KEY) return
      const weight = w / Math.log2(2 + list.length)
      for (const i of list) {
        if (acc[i] === 0) touched.push(i)
        acc[i]! += weight
      }
    })
    let best = 0
    for (const i of touched) best = Math.max(best, acc[i]!)
    const picked = touched.filter((i) => acc[i]! >= best * MIN_SHARE).map((i) => [i, acc[i]!] as const)
    for (const i of touched) acc[i] = 0
    return picked
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([i]) => i)
  }
}
