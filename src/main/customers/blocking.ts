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
/** "No key list": longer than any list. A small integer, not Infinity: a field that holds both changes its shape
 * when the first Infinity comes, and the optimised candidate search was thrown away for it. */
const NO_LIST = 0x3fffffff
const PREFIX_WEIGHT = 0.3

function deletions(word: string): string[] {
  const out = new Set<string>([word])
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1))
  return [...out]
}

/** Words this short may be a short form ("Engrg", "Chiro") or half of a split word ("River Side"). */
const SHORT_WORD = 6

// The prefix keys by side and word length, read by one code path for both sides: a branch per side left the query
// side's code unseen when the index built first, and the optimised code was thrown away at the first query.
const INDEX_SHORT = ['p', 's']
const INDEX_LONG = ['p']
const QUERY_SHORT = ['p']
const QUERY_LONG = ['s']

/**
 * Keys of one word of a name (with its other reading, if any): they depend on the word alone. `side` decides the
 * prefix keys, which are asymmetric to stay cheap: an indexed name files every word under `p:` and its short words
 * also under `s:`; a query looks its short words up under `p:` (any indexed word they may shorten) and its long
 * words under `s:` (only indexed short forms of them).
 */
function wordKeys(t: string, alt: string | null, side: 'index' | 'query'): Map<string, number> {
  const keys = new Map<string, number>([[`t:${t}`, 1]])
  if (alt) keys.set(`t:${alt}`, 1)
  const digits = /\d/.test(t)
  if (t.length >= MIN_DELETION_WORD && !digits) for (const v of deletions(t)) keys.set(`d:${v}`, DELETION_WEIGHT)
  if (t.length >= 3 && !digits) {
    const short = t.length <= SHORT_WORD
    const pre = t.slice(0, 3)
    const kinds = side === 'query' ? (short ? QUERY_SHORT : QUERY_LONG) : short ? INDEX_SHORT : INDEX_LONG
    for (let k = 0; k < kinds.length; k++) keys.set(`${kinds[k]}:${pre}`, PREFIX_WEIGHT)
  }
  return keys
}

interface Posting {
  list: number[]
  /** The key's weight factor × its inverse document frequency among the indexed names. */
  weight: number
}

/**
 * One query word's postings merged: each indexed name sharing a key of the word, with its best key's weight, over the
 * keys no longer than COMMON_KEY. Built once per distinct word, so a query adds one weight per name and word instead
 * of walking every key's list (most names share most words).
 */
interface WordHits {
  postings: Posting[]
  names: Int32Array
  weights: Float64Array
  /** Length of the word's shortest key list (NO_LIST when none): decides the cap of a name's rarest key. */
  rarest: number
}

export class CandidateIndex {
  private readonly postings = new Map<string, number[]>()
  /** The c: keys (same letters ignoring spaces), by the letters themselves: no key string is built per name. */
  private readonly compact = new Map<string, number[]>()
  private readonly byKey = new Map<string, number[]>()
  private readonly size: number
  // Scratch arrays reused across queries (reset after each): per-name total weight and per-word best weight.
  private acc = new Float64Array(0)
  private best = new Float64Array(0)
  private touched = new Int32Array(0)
  private here = new Int32Array(0)
  /** A query word's postings (its keys depend on the word alone): names share most words, so each is looked up once. */
  private readonly wordHits = new Map<string, WordHits>()

  constructor(names: readonly NormalizedName[]) {
    this.size = names.length
    // A word's posting lists, found once per distinct word: ~150,000 postings at 5,000 names, each a Map lookup before.
    const listsOfWord = new Map<string, number[][]>()
    // Indexed loops, no callbacks: this runs for every name, mostly before the code is optimised.
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!
      if (!name.key) continue
      const same = this.byKey.get(name.key)
      if (same) same.push(i)
      else this.byKey.set(name.key, [i])
      for (let w = 0; w < name.tokens.length; w++) {
        const t = name.tokens[w]!
        const alt = name.alts[w] ?? null
        const id = alt === null ? t : `${t} ${alt}`
        let lists = listsOfWord.get(id)
        if (!lists) {
          // Pushed, not mapped: `map`'s arrays had another shape now and then, and the optimised build was dropped.
          lists = []
          for (const k of wordKeys(t, alt, 'index').keys()) lists.push(this.listOf(k, i))
          listsOfWord.set(id, lists)
        }
        for (let k = 0; k < lists.length; k++) {
          const list = lists[k]!
          if (list[list.length - 1] !== i) list.push(i)
        }
      }
      if (name.compact) {
        this.post(name.compact, i)
        this.post(name.spelled, i)
      }
    }
  }

  /** The posting list of a key; a new one starts with name i (a literal of one: most keys stay that short, and an
   * empty array grows by 16 places on its first push). */
  private listOf(key: string, i: number): number[] {
    let list = this.postings.get(key)
    if (!list) this.postings.set(key, (list = [i]))
    return list
  }

  private post(letters: string, i: number): void {
    const list = this.compact.get(letters)
    if (!list) this.compact.set(letters, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }

  private resolve(keys: Map<string, number>): Posting[] {
    const out: Posting[] = []
    for (const [k, w] of keys) {
      const list = this.postings.get(k)
      if (list) out.push({ list, weight: w * Math.log2(1 + this.size / list.length) })
    }
    return out
  }

  /** Indexed names with exactly this normalised key. */
  exact(key: string): readonly number[] {
    return this.byKey.get(key) ?? []
  }

  /** Indexed names with the same letters ignoring spaces (includes exact-key names). */
  sameLetters(name: NormalizedName): number[] {
    const a = this.compact.get(name.compact) ?? []
    const b = name.spelled === name.compact ? [] : (this.compact.get(name.spelled) ?? [])
    // Those of a, then those of b not in a: both lists ascend (names are posted in order), so one walk finds them.
    const out = a.slice()
    let p = 0
    for (let k = 0; k < b.length; k++) {
      const i = b[k]!
      while (p < a.length && a[p]! < i) p++
      if (p === a.length || a[p] !== i) out.push(i)
    }
    return out
  }

  /** The c: postings of a query name (its letters as normalised and as spelled), each key once; null for none (an
   * empty array has another shape than a filled one, and meeting one threw the optimised search away). */
  private compactPostings(name: NormalizedName): Posting[] | null {
    const out: Posting[] = []
    const keys = name.spelled === name.compact ? [name.compact] : [name.compact, name.spelled]
    for (const k of keys) {
      const list = this.compact.get(k)
      if (list) out.push({ list, weight: 2 * Math.log2(1 + this.size / list.length) })
    }
    return out.length > 0 ? out : null
  }

  /** A word's postings and their merge under COMMON_KEY (see WordHits). */
  private hitsOf(t: string, alt: string | null): WordHits {
    const id = alt === null ? t : `${t} ${alt}`
    let hits = this.wordHits.get(id)
    if (hits) return hits
    const postings = this.resolve(wordKeys(t, alt, 'query'))
    const { best } = this
    const names: number[] = []
    let rarest = NO_LIST
    for (const { list, weight } of postings) {
      rarest = Math.min(rarest, list.length)
      if (list.length > COMMON_KEY) continue
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!
        if (best[i] === 0) names.push(i)
        if (weight > best[i]!) best[i] = weight
      }
    }
    const weights = new Float64Array(names.length)
    names.forEach((i, k) => {
      weights[k] = best[i]!
      best[i] = 0
    })
    hits = { postings, names: Int32Array.from(names), weights, rarest }
    this.wordHits.set(id, hits)
    return hits
  }

  /** Up to `limit` indexed names most likely to match `name`, best-sharing first. */
  candidates(name: NormalizedName, limit: number): number[] {
    if (!name.key) return []
    if (this.acc.length < this.size) {
      this.acc = new Float64Array(this.size)
      this.best = new Float64Array(this.size)
      this.touched = new Int32Array(this.size)
      this.here = new Int32Array(this.size)
    }
    const { acc, best, touched, here } = this
    // Pushed, not mapped: `map`'s arrays did not always have the same shape, and the first one that differed threw
    // the optimised search away.
    const nWords = name.tokens.length
    const words: WordHits[] = []
    for (let w = 0; w < nWords; w++) words.push(this.hitsOf(name.tokens[w]!, name.alts[w] ?? null))
    const compact = name.compact ? this.compactPostings(name) : null
    // A name made only of common words still gets candidates from its rarest key.
    let rarest = NO_LIST
    for (let w = 0; w < nWords; w++) rarest = Math.min(rarest, words[w]!.rarest)
    if (compact) for (const { list } of compact) rarest = Math.min(rarest, list.length)
    const cap = Math.max(COMMON_KEY, rarest)

    // Each word counts once per name (its best key); a name's total adds the words in order, as floating point must.
    // Lists of distinct names, so at most `size` long: filled by count rather than grown by push in every query.
    let nTouched = 0
    const addGroup = (g: readonly Posting[]) => {
      let nHere = 0
      for (const { list, weight } of g) {
        if (list.length > cap) continue
        // Indexed loops in the per-query code: a for-of allocates per step until the code is optimised.
        for (let k = 0; k < list.length; k++) {
          const i = list[k]!
          if (best[i] === 0) here[nHere++] = i
          if (weight > best[i]!) best[i] = weight
        }
      }
      for (let k = 0; k < nHere; k++) {
        const i = here[k]!
        if (acc[i] === 0) touched[nTouched++] = i
        acc[i]! += best[i]!
        best[i] = 0
      }
    }
    for (let w = 0; w < nWords; w++) {
      const g = words[w]!
      // The merge holds exactly the lists under COMMON_KEY; a larger cap (every key common) walks the lists.
      if (cap > COMMON_KEY) {
        addGroup(g.postings)
        continue
      }
      const { names, weights } = g
      for (let k = 0; k < names.length; k++) {
        const i = names[k]!
        if (acc[i] === 0) touched[nTouched++] = i
        acc[i]! += weights[k]!
      }
    }
    if (compact) addGroup(compact)
    let top = 0
    for (let k = 0; k < nTouched; k++) top = Math.max(top, acc[touched[k]!]!)
    // The best `limit` by total, then by index, kept in order as they come: that order is total, so this equals
    // sorting every name over the share and cutting, without a pair per name (hundreds per query, all garbage).
    const keep: number[] = []
    const keepAcc: number[] = []
    for (let k = 0; k < nTouched; k++) {
      const i = touched[k]!
      const v = acc[i]!
      acc[i] = 0
      if (v < top * MIN_SHARE) continue
      let p = keep.length
      if (p === limit && !ranksBefore(v, i, keepAcc[p - 1]!, keep[p - 1]!)) continue
      if (p === limit) p--
      else {
        keep.push(i)
        keepAcc.push(v)
      }
      for (; p > 0 && ranksBefore(v, i, keepAcc[p - 1]!, keep[p - 1]!); p--) {
        keep[p] = keep[p - 1]!
        keepAcc[p] = keepAcc[p - 1]!
      }
      keep[p] = i
      keepAcc[p] = v
    }
    return keep
  }
}

/** Candidate (v, i) comes before (w, j): higher total first, then lower index. */
function ranksBefore(v: number, i: number, w: number, j: number): boolean {
  return v > w || (v === w && i < j)
}
