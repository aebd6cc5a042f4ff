import { mayBeInitialsOf, mayJoin, mayPair, type Equivalences } from './align'
import type { NormalizedName } from './normalize'
import { INITIALS, RUNS, SCORE, type NameWeights } from './similarity'
import { WordFacts } from './word-facts'

// Most candidate pairs of a suggest-all share only a common word beside rare ones ("Kestrel Plumbing" / "Harbor
// Plumbing") and are dropped after scoring: they cannot even count as a rival. `cannotReach` proves that from the
// words alone, without aligning the pair, so only the pairs that may count are scored (about one in seven at 5,000 ×
// 5,000). It must never drop a pair scoreNames would keep: the bound below only over-estimates.

/** The two words may pair in a one-word pass of align. */
const PAIR = 1
/** The two words may be part of a joined word: the bound gives up (a joined word pairs several words). */
const JOIN = 2
/** Distinct words up to this use a table of side² bytes (16 MB at most); more use a Map. */
const MAX_TABLE_SIDE = 4096

/**
 * How each two words of a run relate, found once per two distinct words (~80,000 at 5,000 × 5,000) rather than per
 * word pair of every candidate pair (~430,000). A word is its canonical, spelled and accent-free readings together:
 * every test of align looks at no more than those.
 */
export class WordRelations {
  private readonly ids = new Map<string, number>()
  /** Relation + 1 by word ids (0: not known yet), while the table stays small: a typed-array read per word pair. */
  private cells: Uint8Array | null = null
  /** …else by ids as one number. */
  private readonly known = new Map<number, number>()
  private stride = 0
  private readonly facts: WordFacts

  // No WordPairMemo: this table already finds each two words once, and ~80,000 entries kept in string-keyed maps
  // for pairs that are never aligned cost more than they save.
  constructor(private readonly learned: Equivalences | undefined) {
    this.facts = new WordFacts(learned)
  }

  /** The id of word i of a name; every name is given its ids before the first `relation`. */
  readonly wordId = (name: NormalizedName, i: number): number => {
    const t = name.tokens[i]!
    const s = name.spelledTokens[i]!
    const alt = name.alts[i] ?? null
    // Tokens hold no line breaks: a plain word cannot collide with a joined triple.
    const key = s === t && alt === null ? t : `${t}\n${s}\n${alt}`
    let id = this.ids.get(key)
    if (id === undefined) {
      this.ids.set(key, (id = this.ids.size))
      this.facts.add(t, s, alt)
    }
    return id
  }

  /** Relations by word ids: a table of side² bytes (relation + 1, 0 while not known) or null when that is too big. */
  get table(): Uint8Array | null {
    if (this.stride === 0) {
      this.stride = this.ids.size
      if (this.stride <= MAX_TABLE_SIDE) this.cells = new Uint8Array(this.stride * this.stride)
    }
    return this.cells
  }

  /** How many ids there are: the table's row length. */
  get side(): number {
    return this.stride
  }

  relation(a: NormalizedName, i: number, ia: number, b: NormalizedName, j: number, ib: number): number {
    const table = this.table
    const key = ia * this.stride + ib
    const known = table ? table[key]! - 1 : (this.known.get(key) ?? -1)
    if (known >= 0) return known
    // Most pairs are settled by the pre-test; the full tests run for about one in ten.
    const r = this.facts.apart(ia, ib)
      ? 0
      : (mayJoin(a, i, b, j) ? JOIN : 0) | (mayPair(a, i, b, j, this.learned, undefined) ? PAIR : 0)
    if (table) table[key] = r + 1
    else this.known.set(key, r)
    return r
  }
}

let scratch = new Uint8Array(32)

/**
 * Whether the pair cannot score (or, capped as 'different', count as a rival) at `floor` or above: every word that
 * no one-word test pairs with a word of the other name is an extra word, and the score is at most what the pairable
 * words would give if all of them were matched. Pairs that may hold a joined word or initials (they span several
 * words) are left to scoreNames. `wa`/`wb` carry word ids from `words.wordId`.
 */
export function cannotReach(
  a: NormalizedName,
  b: NormalizedName,
  floor: number,
  words: WordRelations,
  wa: NameWeights,
  wb: NameWeights
): boolean {
  if (!a.key || !b.key || a.key === b.key || a.spelled === b.spelled) return false
  const n = a.tokens.length
  const m = b.tokens.length
  // Most names have no word that may be initials: one flag per name says so.
  if (wa[RUNS * n]! & INITIALS)
    for (let i = 0; i < n; i++) if (wa[2 * n + i]! & INITIALS && mayBeInitialsOf(a, i, b)) return false
  if (wb[RUNS * m]! & INITIALS)
    for (let j = 0; j < m; j++) if (wb[2 * m + j]! & INITIALS && mayBeInitialsOf(b, j, a)) return false
  if (scratch.length < m) scratch = new Uint8Array(m)
  const pairedB = scratch
  // Cleared by a loop: a typed array's `fill` is a call into the runtime, once per candidate pair (~50,000).
  for (let j = 0; j < m; j++) pairedB[j] = 0
  let pairable = 0
  let extra = 0
  let lonesA = 0
  let lonesB = 0
  // The table read inline, the method only when a relation is not known yet: a call per word pair costs in code
  // that is not optimised yet.
  const table = words.table
  const side = words.side
  for (let i = 0; i < n; i++) {
    let paired = false
    const ia = wa[3 * n + i]!
    for (let j = 0; j < m; j++) {
      const ib = wb[3 * m + j]!
      const known = table ? table[ia * side + ib]! - 1 : -1
      const r = known >= 0 ? known : words.relation(a, i, ia, b, j, ib)
      if (r & JOIN) return false
      if (r & PAIR) {
        paired = true
        pairedB[j] = 1
      }
    }
    if (paired) pairable += wa[i]!
    else {
      extra += wa[n + i]!
      lonesA++
    }
  }
  for (let j = 0; j < m; j++) {
    if (pairedB[j] === 1) pairable += wb[j]!
    else {
      extra += wb[m + j]!
      lonesB++
    }
  }
  // matched ≤ total ≤ pairable / 2, and extra only grows when a pairable word stays unmatched. Words no test can pair
  // on both sides make the pair 'different' for sure: its strength is differentRival × coverage, extra at full cost.
  // The margin covers rounding to 0.001.
  const total = pairable / 2
  if (total === 0) return true
  const best =
    lonesA > 0 && lonesB > 0 ? SCORE.differentRival * (total / (total + extra)) : total / (total + SCORE.extra * extra)
  return best < floor - 0.001
}
