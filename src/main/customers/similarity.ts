import { normalizeName, type NormalizedName } from './normalize'
import { osaDistance } from './edit-distance'
import {
  align,
  isTransposition,
  mayBeInitials,
  type Alignment,
  type Equivalences,
  type Relation,
  type WordPairMemo
} from './align'
import { explainScored } from './explain'
import { DESCRIPTIVE_WORDS, GENERIC_WORDS } from './vocabulary'
import { squeeze } from './word-relations'

export { osaDistance }

// Score in 0..1 for "these two names are the same company": the share of both names' weight that the other name
// accounts for. A word's weight is its rarity among this MSP's names (see weights.ts), so a distinctive word decides
// and a generic trade word barely counts; a decoration ("- North", "MD") counts a quarter. Words found only on one
// side cost half their weight (containment: "Smith Accounting" / "Smith Accounting & Tax"). A word on EACH side that
// the other lacks ("Plumbing" / "Electric", "North" / "South", "2" / "3") means two firms: the score is capped low.
// Whether a pair is confident is decided in suggest.ts against the rivals on both sides, not by the score alone.

export type MatchKind =
  'same' | 'spacing' | 'abbreviation' | 'learned' | 'typo' | 'order' | 'partial' | 'different' | 'none'

export interface Comparison {
  score: number
  kind: MatchKind
  reason: string
}

export const SCORE = {
  same: 1,
  spacing: 0.96,
  /** All words alike, in another order or another role. */
  order: 0.95,
  /** Cap for two names with a differing word on each side. */
  differentMax: 0.4,
  /** Weight of a decoration word relative to a name word. */
  decoration: 0.25,
  /** Share of its weight an unmatched word costs when the other name has no unmatched word. */
  extra: 0.5,
  /** How close a rival a 'different' pair is: this share of its matched share (suggest.ts). */
  differentRival: 0.6
} as const

export interface ScoreContext {
  /** Weight of a token (its rarity among the names); 1 for every word when absent. */
  weight?: (token: string) => number
  /** Word pairs the admin's own mappings showed to be the same. */
  learned?: Equivalences
  /** Word-pair relations remembered across one bulk run. */
  memo?: WordPairMemo
}

/**
 * What scoring needs of each word of a name, precomputed once per name by bulk callers rather than per pair (Set
 * look-ups per extra word and pair were a good part of the first suggest-all). One array of 4 × words + 1, in four
 * runs: [0, n) the word's weight (rarity × role); [n, 2n) what it costs when the other name lacks it; [2n, 3n) flags
 * (EXTRA_DISTINCT, EXTRA_TRADE, INITIALS); [3n, 4n) the word's id in this run (`wordId`), -1 without one; then [4n]
 * the flags of all words or'ed (whether any word may be initials, without a loop per pair).
 */
export type NameWeights = Float64Array

/** How many runs a NameWeights has (see there). */
export const RUNS = 4
/** A word that, left over, may make a name distinct (neither a decoration nor a generic word). */
const EXTRA_DISTINCT = 1
/** …and is a trade word ("Plumbing"). */
const EXTRA_TRADE = 2
/** A word that may be initials of the other name's words ("CU"). */
export const INITIALS = 4

export function nameWeights(
  name: NormalizedName,
  weight: (t: string) => number,
  wordId?: (name: NormalizedName, i: number) => number
): NameWeights {
  const n = name.tokens.length
  const w = new Float64Array(RUNS * n + 1)
  for (let i = 0; i < n; i++) {
    const t = name.tokens[i]!
    const generic = GENERIC_WORDS.has(t)
    w[i] = tokenWeight(name, i, weight)
    // A generic word ("Group", "& Tax") costs like a decoration, however rare it is in this list.
    w[n + i] = w[i]! * (generic && !name.deco[i] ? SCORE.decoration : 1)
    const distinct = !name.deco[i] && !generic ? EXTRA_DISTINCT | (DESCRIPTIVE_WORDS.has(t) ? EXTRA_TRADE : 0) : 0
    w[2 * n + i] = distinct | (mayBeInitials(name, i) ? INITIALS : 0)
    w[3 * n + i] = wordId ? wordId(name, i) : -1
    w[RUNS * n] = w[RUNS * n]! | w[2 * n + i]!
  }
  return w
}

const REL_BIT: Record<Relation, number> = { same: 1, learned: 2, joined: 4, abbreviation: 8, initialism: 16, typo: 32 }

export interface Scored {
  score: number
  kind: MatchKind
  alignment?: Alignment
  /** Rests on a typo: confident only when no rival is close (suggest.ts). */
  near?: boolean
  /** Rests on a slip in a short name-like word ("Rose" / "Ross"): never confident. */
  risky?: boolean
  /** Only one name has a word about as rare as the ones they share ("Kim & Banks" / "Kim"): never confident. */
  distinctExtra?: boolean
  /** The score as if words found on one side only were not there: two branches of one firm tie on it. */
  core?: number
  /** Matched share before the cap for 'different': how close a rival really is. */
  coverage?: number
}

/** An extra word weighing more than this share of the rarest shared word is a distinctive word, not a generic one. */
const DISTINCT_EXTRA = 0.6
/** …or rarer than the most common word the names share ("Big Sky Plumbing Supply": 'Supply' is rarer than 'Plumbing'). */
const EXTRA_VS_COMMONEST = 1
const round = (x: number) => Math.round(x * 1000) / 1000
const one = () => 1

/**
 * A slip in the last three letters or one vowel for another: how family names vary ("Peterson" / "Petersen",
 * "Johnson" / "Johnston", "Meyer" / "Meier"), so two such names are as likely two families as one typo.
 */
function nameVariant(x: string, y: string): boolean {
  let p = 0
  while (p < x.length && p < y.length && x[p] === y[p]) p++
  if (p >= Math.min(x.length, y.length) - 3) return true
  const vowel = /[aeiouy]/
  return x.length === y.length && vowel.test(x[p]!) && vowel.test(y[p]!) && x.slice(p + 1) === y.slice(p + 1)
}

/** A number among the name words (not a "#2" / "Suite 200" decoration) that the other name lacks. */
function hasNumber(name: NormalizedName, idx: readonly number[]): boolean {
  for (const i of idx) if (!name.deco[i] && /\d/.test(name.tokens[i]!)) return true
  return false
}

function allSingleLetters(tokens: readonly string[]): boolean {
  for (const t of tokens) if (t.length !== 1) return false
  return true
}

function tokenWeight(name: NormalizedName, i: number, weight: (t: string) => number): number {
  return weight(name.tokens[i]!) * (name.deco[i] ? SCORE.decoration : 1)
}

// The outcomes without an alignment, one shared (read-only) object each, made when the module loads. Made per pair,
// the first 'same' stored its score as a small integer and the first 'spacing' then changed that field's shape,
// throwing away the optimised code that read it.
const NOTHING: Scored = { score: 0, kind: 'none' }
const SAME: Scored = { score: SCORE.same, kind: 'same', coverage: 1 }
const SPACING: Scored = { score: SCORE.spacing, kind: 'spacing', coverage: 1 }

/**
 * The score alone, without building a reason: used for every candidate pair in bulk matching. Bulk callers pass each
 * name's precomputed weights (`nameWeights` with `ctx.weight`).
 */
export function scoreNames(
  a: NormalizedName,
  b: NormalizedName,
  ctx: ScoreContext = {},
  wa?: NameWeights,
  wb?: NameWeights
): Scored {
  if (!a.key || !b.key) return NOTHING
  if (a.key === b.key) return SAME
  // Spacing is judged on the words as spelled: singular-folding would make "Roberts Sons" read as "Robertson".
  if (a.spelled === b.spelled) return SPACING

  const weight = ctx.weight ?? one
  const weightsA = wa ?? nameWeights(a, weight)
  const weightsB = wb ?? nameWeights(b, weight)
  const al = align(a, b, ctx.learned, ctx.memo)
  let matched = 0
  let total = 0
  let near = false
  let risky = false
  let rels = 0 // REL_BIT flags of the relations used
  let rarestShared = 0
  let commonestShared = Infinity
  // Indexed loops here and below: a for-of allocates an iterator result per step until the code is optimised, and
  // most of the first suggest-all runs before it is.
  for (let k = 0; k < al.matches.length; k++) {
    const m = al.matches[k]!
    let w = 0
    for (let x = 0; x < m.i.length; x++) w += weightsA[m.i[x]!]!
    for (let x = 0; x < m.j.length; x++) w += weightsB[m.j[x]!]!
    const each = w / (m.i.length + m.j.length)
    rarestShared = Math.max(rarestShared, each)
    if (each > 0) commonestShared = Math.min(commonestShared, each)
    matched += (m.q * w) / 2
    total += w / 2
    rels |= REL_BIT[m.rel]
    if (m.rel === 'typo') {
      const x = a.tokens[m.i[0]!]!
      const y = b.tokens[m.j[0]!]!
      const ordinary = isTransposition(x, y) || DESCRIPTIVE_WORDS.has(x) || DESCRIPTIVE_WORDS.has(y)
      if (!ordinary) near = true
      // A doubled letter ("Kessler" / "Kesler") is a slip at any length; another slip only in a long word.
      if (!ordinary && squeeze(x) !== squeeze(y) && (Math.min(x.length, y.length) < 7 || nameVariant(x, y)))
        risky = true
    }
  }
  const different = (al.extraA.length > 0 && al.extraB.length > 0) || hasNumber(a, al.extraA) || hasNumber(b, al.extraB)
  let extra = 0
  let rarestExtra = 0
  let tradeExtra = false
  // Side A then side B, without building a tuple per side and pair.
  for (let side = 0; side < 2; side++) {
    const idx = side === 0 ? al.extraA : al.extraB
    const ws = side === 0 ? weightsA : weightsB
    const n = (ws.length - 1) / RUNS
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k]!
      extra += ws[n + i]!
      // Two firms (most candidate pairs) need only the cost: which extra word is distinctive no longer matters.
      const flags = different ? 0 : ws[2 * n + i]!
      if (!(flags & EXTRA_DISTINCT)) continue
      rarestExtra = Math.max(rarestExtra, ws[n + i]!)
      if (flags & EXTRA_TRADE) tradeExtra = true
    }
  }
  const coverage = total === 0 ? 0 : matched / (total + extra)
  if (different) return { score: round(SCORE.differentMax * coverage), kind: 'different', alignment: al, coverage }

  const score = total === 0 ? 0 : matched / (total + SCORE.extra * extra)
  const kind: MatchKind =
    al.extraA.length + al.extraB.length > 0
      ? 'partial'
      : rels & REL_BIT.typo
        ? 'typo'
        : rels & REL_BIT.learned
          ? 'learned'
          : rels & (REL_BIT.abbreviation | REL_BIT.initialism)
            ? 'abbreviation'
            : rels & REL_BIT.joined
              ? 'spacing'
              : 'order'
  const capped = kind === 'order' ? Math.min(score, SCORE.order) : Math.min(score, SCORE.spacing)
  // Names of one-letter words ("S S N") identify nothing beyond an exact match.
  if (allSingleLetters(a.tokens) || allSingleLetters(b.tokens)) risky = true
  const distinctExtra =
    tradeExtra || rarestExtra > DISTINCT_EXTRA * rarestShared || rarestExtra > commonestShared * EXTRA_VS_COMMONEST
  const core = total === 0 ? 0 : round(Math.min(matched / total, SCORE.spacing))
  return { score: round(capped), kind, alignment: al, near, risky, distinctExtra, coverage, core }
}

/** How close a rival a scored pair is: its score, or its matched share when it was capped as 'different'. */
export function rivalStrength(scored: Scored): number {
  return scored.kind === 'different' ? (scored.coverage ?? 0) * SCORE.differentRival : scored.score
}

export function compareNames(a: NormalizedName, b: NormalizedName, ctx: ScoreContext = {}): Comparison {
  const scored = scoreNames(a, b, ctx)
  return { score: scored.score, kind: scored.kind, reason: explainScored(a, b, scored) }
}

/** Convenience for one-off comparisons (tests, CLI); bulk callers normalise once and use scoreNames. */
export function similarity(a: string, b: string): number {
  return scoreNames(normalizeName(a), normalizeName(b)).score
}
