import { distance as levenshtein } from 'fastest-levenshtein'
import { osaDistance } from './edit-distance'
import { EMPTY_NAME, type NormalizedName } from './normalize'
import { DESCRIPTIVE_WORDS } from './vocabulary'
import { abbreviates, squeeze } from './word-relations'

// Word-by-word alignment of two normalised names: which word of one is which word of the other, and how sure that
// is. Passes run from the surest relation to the loosest, each on the words the earlier passes left over.

/** How a word of one name was found in the other. `learned` comes from the admin's own earlier mappings. */
export type Relation = 'same' | 'learned' | 'joined' | 'abbreviation' | 'initialism' | 'typo'

export interface WordMatch {
  /** Token indexes on each side (a joined word covers several on one side). */
  i: number[]
  j: number[]
  rel: Relation
  /** 0..1: how much this pairing counts as the same word. */
  q: number
  /** For a typo: one- or two-letter difference; for a learned or abbreviation pair: which way it was read. */
  distance?: number
}

export interface Alignment {
  matches: WordMatch[]
  extraA: number[]
  extraB: number[]
}

/** Learned word equivalences ("chiro" ~ "chiropractic"), both directions, as "a|b" keys. */
export type Equivalences = ReadonlySet<string>

export const QUALITY: Record<Relation, number> = {
  same: 1,
  learned: 1,
  joined: 0.97,
  abbreviation: 0.93,
  initialism: 0.9,
  typo: 0.88
}

function hasDigit(t: string): boolean {
  return /\d/.test(t)
}

/**
 * One mistyped word, or null for two different words. A slip is only read in words of 4+ letters, never across
 * digits, never between two known descriptive words ("Painting" / "Printing"), and two slips only in long words
 * that start alike ("Restaraunt").
 */
export function typoDistance(a: string, b: string): number | null {
  if (!typoLengths(a, b) || hasDigit(a) || hasDigit(b)) return null
  const short = Math.min(a.length, b.length)
  const d = osaDistance(a, b, 2)
  if (d > 2 || (DESCRIPTIVE_WORDS.has(a) && DESCRIPTIVE_WORDS.has(b))) return null
  if (d === 1) return 1
  if (squeeze(a) === squeeze(b)) return 1 // doubled letters twice over: "Philipps" / "Phillips"
  if (short >= 9 && a.slice(0, 2) === b.slice(0, 2)) return 2
  return null
}

/** A swap of two adjacent letters: surely a typo, never another word. */
export function isTransposition(a: string, b: string): boolean {
  return a.length === b.length && osaDistance(a, b, 1) === 1 && levenshtein(a, b) === 2
}

const sameWord = (a: NormalizedName, i: number, b: NormalizedName, j: number) =>
  a.tokens[i] === b.tokens[j] || (a.alts[i] ?? null) === b.tokens[j] || a.tokens[i] === (b.alts[j] ?? null)

/** "CU" for "Credit Union": a word in capitals that spells the first letters of consecutive words of the other. */
function initialismAt(a: NormalizedName, i: number, b: NormalizedName, free: Uint8Array): number[] | null {
  const letters = a.tokens[i]!
  if (!mayBeInitials(a, i)) return null
  for (let start = 0; start + letters.length <= b.tokens.length; start++) {
    let ok = true
    for (let k = 0; k < letters.length && ok; k++)
      ok = free[start + k] === 1 && b.tokens[start + k]!.length > 1 && b.tokens[start + k]![0] === letters[k]
    if (ok) return Array.from({ length: letters.length }, (_, k) => start + k)
  }
  return null
}

/** "Oakridge" for "Oak Ridge": a word equal to 2–3 consecutive free words of the other, as spelled. */
function joinedAt(a: NormalizedName, i: number, b: NormalizedName, free: Uint8Array): number[] | null {
  const target = a.spelledTokens[i]!
  for (let start = 0; start < b.tokens.length; start++) {
    if (free[start] !== 1 || b.spelledTokens[start]![0] !== target[0]) continue
    let s = ''
    for (let end = start; end < Math.min(b.tokens.length, start + 3); end++) {
      if (free[end] !== 1) break
      s += b.spelledTokens[end]
      if (end > start && (s === target || s === a.tokens[i])) {
        return Array.from({ length: end - start + 1 }, (_, k) => start + k)
      }
      if (s.length >= target.length) break
    }
  }
  return null
}

/**
 * Word-pair relations remembered across the pairs of one bulk run: the same two words meet in thousands of name pairs
 * ("plumbing" / "plumber"), and the edit-distance and short-form checks are pure functions of the two words.
 */
/**
 * One relation's answers, a row per first word. A pass asks about one word of A against each word of B in turn, so
 * the last row is kept: the row of that word is found once rather than once per pair (the same string compares by
 * identity, without a hash).
 */
class WordRows<V> {
  private readonly rows = new Map<string, Map<string, V>>()
  private word = ''
  private last = new Map<string, V>()

  row(x: string): Map<string, V> {
    if (x !== this.word) {
      let row = this.rows.get(x)
      if (!row) this.rows.set(x, (row = new Map()))
      this.word = x
      this.last = row
    }
    return this.last
  }
}

export class WordPairMemo {
  private readonly typo = new WordRows<number | null>()
  private readonly short = new WordRows<boolean>()

  typoDistance(x: string, y: string): number | null {
    const row = this.typo.row(x)
    let d = row.get(y)
    if (d === undefined) row.set(y, (d = typoDistance(x, y)))
    return d
  }

  /** `abbreviates` either way round. */
  abbreviation(x: string, y: string): boolean {
    const row = this.short.row(x)
    let r = row.get(y)
    if (r === undefined) row.set(y, (r = abbreviates(x, y) || abbreviates(y, x)))
    return r
  }
}

const NO_MEMO: Pick<WordPairMemo, 'typoDistance' | 'abbreviation'> = {
  typoDistance,
  abbreviation: (x, y) => abbreviates(x, y) || abbreviates(y, x)
}

interface State {
  a: NormalizedName
  b: NormalizedName
  freeA: Uint8Array
  freeB: Uint8Array
  /** How many words of each side are still free. */
  leftA: number
  leftB: number
  matches: WordMatch[]
  memo: Pick<WordPairMemo, 'typoDistance' | 'abbreviation'>
  learned: Equivalences | undefined
}

// One state and two free-word arrays for every call (align is not re-entrant): a bulk run aligns ~50,000 pairs, and
// two typed arrays and a state object per pair showed up as allocation and GC time in the cold first call.
let scratchA = new Uint8Array(32)
let scratchB = new Uint8Array(32)
const st: State = {
  a: EMPTY_NAME,
  b: EMPTY_NAME,
  freeA: scratchA,
  freeB: scratchB,
  leftA: 0,
  leftB: 0,
  matches: [],
  memo: NO_MEMO,
  learned: undefined
}

function take(st: State, i: number[], j: number[], rel: Relation, distance?: number): void {
  // Indexed: see scoreNames on for-of in cold code.
  for (let k = 0; k < i.length; k++) st.freeA[i[k]!] = 0
  for (let k = 0; k < j.length; k++) st.freeB[j[k]!] = 0
  st.leftA -= i.length
  st.leftB -= j.length
  st.matches.push({ i, j, rel, q: QUALITY[rel], distance })
}

const sameInRole = (st: State, i: number, j: number) => st.a.deco[i] === st.b.deco[j] && sameWord(st.a, i, st.b, j)
const isLearned = (st: State, i: number, j: number) => st.learned!.has(`${st.a.tokens[i]}|${st.b.tokens[j]}`)
const isAbbreviation = (st: State, i: number, j: number) => {
  const { a, b } = st
  if (a.tokens[i]![0] !== b.tokens[j]![0]) return false
  return (
    st.memo.abbreviation(a.tokens[i]!, b.tokens[j]!) || st.memo.abbreviation(a.spelledTokens[i]!, b.spelledTokens[j]!)
  )
}
/** typoDistance's length rule alone (within two letters, both 4+ long, one 5+): checked before a remembered
 * relation is looked up, and by the reach bound's pre-test (word-facts.ts). */
export function typoLengths(x: string, y: string): boolean {
  const d = x.length - y.length
  return d <= 2 && d >= -2 && x.length >= 4 && y.length >= 4 && (x.length >= 5 || y.length >= 5)
}

// As spelled too: singular-folding turns the typo "Harirs" into "harir", two edits from "harris".
const isTypo = (st: State, i: number, j: number) => {
  const x = st.a.tokens[i]!
  const y = st.b.tokens[j]!
  const d = typoLengths(x, y) ? st.memo.typoDistance(x, y) : null
  if (d !== null) return d
  const sx = st.a.spelledTokens[i]!
  const sy = st.b.spelledTokens[j]!
  // Most words read the same as spelled: the same two words again would give the same answer.
  if (sx === x && sy === y) return false
  return (typoLengths(sx, sy) ? st.memo.typoDistance(sx, sy) : null) ?? false
}

/** Pass numbers for pairPass: each call site names one test, so the test is a direct (inlinable) call. */
const Pass = { SameInRole: 0, SameAnywhere: 1, Learned: 2, Abbreviation: 3, Typo: 4 } as const
type Pass = (typeof Pass)[keyof typeof Pass]

/** Whether words i of A and j of B pair up in this pass (a number is the typo distance). */
function accepts(st: State, pass: Pass, i: number, j: number): number | boolean {
  switch (pass) {
    case Pass.SameInRole:
      return sameInRole(st, i, j)
    case Pass.SameAnywhere:
      return sameWord(st.a, i, st.b, j)
    case Pass.Learned:
      return isLearned(st, i, j)
    case Pass.Abbreviation:
      return isAbbreviation(st, i, j)
    default:
      return isTypo(st, i, j)
  }
}

/** Pairs each free word of A with the first free word of B that the pass accepts. */
function pairPass(st: State, pass: Pass, rel: Relation): void {
  const { a, b, freeA, freeB } = st
  for (let i = 0; i < a.tokens.length; i++) {
    if (freeA[i] !== 1) continue
    for (let j = 0; j < b.tokens.length; j++) {
      if (freeB[j] !== 1) continue
      const r = accepts(st, pass, i, j)
      if (r === false) continue
      take(st, [i], [j], rel, typeof r === 'number' ? r : undefined)
      break
    }
    if (st.leftB === 0) return
  }
}

const bothFree = (st: State) => st.leftA > 0 && st.leftB > 0

/** Word j of `y` begins word i of `x` (as spelled or canonical): i may be joinedAt from j and the words after it. */
function beginsWord(x: NormalizedName, i: number, y: NormalizedName, j: number): boolean {
  const part = y.spelledTokens[j]!
  const whole = x.spelledTokens[i]!
  const canon = x.tokens[i]!
  // An empty part could close a concatenation no longer than the word: read as "may join".
  return (
    part === '' ||
    (whole.length > part.length && whole.startsWith(part)) ||
    (canon.length > part.length && canon.startsWith(part))
  )
}

/** Whether a joined word may pair word i of `a` with words of `b` starting at j, or word j of `b` with words of `a`. */
export function mayJoin(a: NormalizedName, i: number, b: NormalizedName, j: number): boolean {
  return beginsWord(a, i, b, j) || beginsWord(b, j, a, i)
}

/**
 * Whether word i of `a` and word j of `b` can pair in a one-word pass of `align` (same, learned, abbreviation,
 * typo): true for every such pair align makes, by the very tests it makes them with. Joined words and initialisms
 * span several words: see `mayJoin` and `mayBeInitials`.
 */
export function mayPair(
  a: NormalizedName,
  i: number,
  b: NormalizedName,
  j: number,
  learned: Equivalences | undefined,
  memo: WordPairMemo | undefined
): boolean {
  st.a = a
  st.b = b
  st.memo = memo ?? NO_MEMO
  st.learned = learned
  return (
    sameWord(a, i, b, j) ||
    (learned !== undefined && learned.size > 0 && isLearned(st, i, j)) ||
    isAbbreviation(st, i, j) ||
    isTypo(st, i, j) !== false
  )
}

/** A word shaped like initials ("CU"): see initialismAt. */
const INITIALS_SHAPE = /^[A-Z]{2,5}$/

export function mayBeInitials(name: NormalizedName, i: number): boolean {
  const s = name.surfaces[i]!
  // The length first: most words are longer than initials, and the test is per word of every name.
  return !name.allCaps && s.length >= 2 && s.length <= 5 && INITIALS_SHAPE.test(s)
}

let allFree = new Uint8Array(32).fill(1)

/** Whether word i of `a` reads as the initials of words of `b` in some alignment (all of b's words free). */
export function mayBeInitialsOf(a: NormalizedName, i: number, b: NormalizedName): boolean {
  if (allFree.length < b.tokens.length) allFree = new Uint8Array(b.tokens.length).fill(1)
  return initialismAt(a, i, b, allFree) !== null
}

type Spanning = (a: NormalizedName, i: number, b: NormalizedName, free: Uint8Array) => number[] | null

/** Words of one side that cover several words of the other (joined words, initials), in both directions. */
function spanPass(st: State, rel: Relation, find: Spanning): void {
  for (let i = 0; i < st.a.tokens.length; i++) {
    const j = st.freeA[i] === 1 ? find(st.a, i, st.b, st.freeB) : null
    if (j) take(st, [i], j, rel)
  }
  for (let j = 0; j < st.b.tokens.length; j++) {
    const i = st.freeB[j] === 1 ? find(st.b, j, st.a, st.freeA) : null
    if (i) take(st, i, [j], rel)
  }
}

export function align(a: NormalizedName, b: NormalizedName, learned?: Equivalences, memo?: WordPairMemo): Alignment {
  const n = a.tokens.length
  const m = b.tokens.length
  if (scratchA.length < n) scratchA = new Uint8Array(n)
  if (scratchB.length < m) scratchB = new Uint8Array(m)
  scratchA.fill(1, 0, n)
  scratchB.fill(1, 0, m)
  st.a = a
  st.b = b
  st.freeA = scratchA
  st.freeB = scratchB
  st.leftA = n
  st.leftB = m
  st.matches = []
  st.memo = memo ?? NO_MEMO
  st.learned = learned
  // Same word (or its spelled-out-accent reading) in the same decoration role first, then anywhere.
  pairPass(st, Pass.SameInRole, 'same')
  if (bothFree(st)) pairPass(st, Pass.SameAnywhere, 'same')
  if (learned && learned.size > 0 && bothFree(st)) pairPass(st, Pass.Learned, 'learned')
  if (bothFree(st)) spanPass(st, 'joined', joinedAt)
  if (bothFree(st)) pairPass(st, Pass.Abbreviation, 'abbreviation')
  if (bothFree(st)) spanPass(st, 'initialism', initialismAt)
  if (bothFree(st)) pairPass(st, Pass.Typo, 'typo')
  const extraA: number[] = []
  const extraB: number[] = []
  for (let i = 0; i < n; i++) if (scratchA[i] === 1) extraA.push(i)
  for (let j = 0; j < m; j++) if (scratchB[j] === 1) extraB.push(j)
  return { matches: st.matches, extraA, extraB }
}
