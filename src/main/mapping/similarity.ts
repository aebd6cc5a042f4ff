import { distance as levenshtein } from 'fastest-levenshtein'
import { normalizeName, type NormalizedName } from './normalize'
import { DESCRIPTIVE_WORDS } from './vocabulary'
import { changePhrases, sameNameReason } from './reason'

// Score in 0..1 for "these two names are the same company". The scale is fixed so thresholds mean something:
//   1.00        same name after normalisation
//   0.90..0.96  same words up to spacing or one typical typo      (CONFIDENT lives here)
//   0.75..0.89  probably the same: a riskier typo, word order, or an extra word on one side (shown, not bulk-accepted)
//   < 0.50      a word on each side that the other lacks ("Group"/"Supply", "North"/"South") or different numbers
// A wrong match bills the wrong client, so a meaningful word present on both sides but different is treated as
// strong evidence of two different companies, however similar the rest is.

export type MatchKind = 'same' | 'spacing' | 'typo' | 'order' | 'partial' | 'different' | 'none'

export interface Comparison {
  score: number
  kind: MatchKind
  reason: string
}

export const SCORE = {
  same: 1,
  spacing: 0.96,
  order: 0.88,
  /** Per typo that is surely a typo: swapped letters, or a slip in a descriptive word (see typoPenalty). */
  commonTypo: 0.06,
  /** Per slip in a name-like word: enough to drop below CONFIDENT on its own. */
  riskyTypo: 0.12,
  partialBase: 0.55,
  partialRange: 0.3,
  differentMax: 0.4,
  numberMax: 0.3
} as const

/** Optimal-string-alignment distance (Levenshtein + adjacent transposition), so "Smtih"/"Smith" is 1. */
export function osaDistance(a: string, b: string): number {
  const m = a.length
  const n = b.length
  if (m === 0) return n
  if (n === 0) return m
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  let cur = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= m; i++) {
    cur[0] = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
    }
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[n]!
}

const hasDigit = (t: string) => /\d/.test(t)

/**
 * Penalty if `a` and `b` look like one word mistyped, else null (different words).
 * Common typo (confident): two adjacent letters swapped, or one slip in a descriptive word ("Plumbng").
 * Risky typo (suggested only): one slip in any other word, or two slips in a long word — "Johnson"/"Johnston",
 * "Petersen"/"Peterson", "Bolton"/"Boston" are as often two clients as one typo.
 */
export function typoPenalty(a: string, b: string): number | null {
  if (hasDigit(a) || hasDigit(b)) return null // "Clinic 2" vs "Clinic 3" is never a typo
  const short = Math.min(a.length, b.length)
  const long = Math.max(a.length, b.length)
  if (long - short > 2 || short < 4 || long < 5) return null
  const d = osaDistance(a, b)
  if (d === 1) {
    const transposition = a.length === b.length && levenshtein(a, b) === 2
    if (transposition || DESCRIPTIVE_WORDS.has(a) || DESCRIPTIVE_WORDS.has(b)) return SCORE.commonTypo
    return SCORE.riskyTypo
  }
  // Two slips only in a long word that starts the same: "Restaraunt", not "Northside"/"Southside".
  if (d === 2 && short >= 9 && a.slice(0, 2) === b.slice(0, 2)) return SCORE.riskyTypo
  return null
}

interface Alignment {
  matchedChars: number
  typos: { a: string; b: string; penalty: number; distance: number }[]
  spacing: { a: string; b: string } | null
  extraA: number[]
  extraB: number[]
}

function align(a: NormalizedName, b: NormalizedName): Alignment {
  const usedB = new Set<number>()
  let restA: number[] = []
  let matchedChars = 0
  a.tokens.forEach((t, i) => {
    const j = b.tokens.findIndex((u, k) => u === t && !usedB.has(k))
    if (j >= 0) {
      usedB.add(j)
      matchedChars += 2 * t.length
    } else restA.push(i)
  })
  let restB = b.tokens.map((_, k) => k).filter((k) => !usedB.has(k))
  const out: Alignment = { matchedChars, typos: [], spacing: null, extraA: [], extraB: [] }
  const join = (name: NormalizedName, idx: number[]) => idx.map((i) => name.tokens[i]).join('')
  const surface = (name: NormalizedName, idx: number[]) => idx.map((i) => name.surfaces[i]).join(' ')

  // "Oak Ridge" vs "Oakridge": the leftover words on each side are the same letters.
  if (restA.length > 0 && restB.length > 0 && join(a, restA) === join(b, restB)) {
    out.spacing = { a: surface(a, restA), b: surface(b, restB) }
    out.matchedChars += 2 * join(a, restA).length
    return out
  }
  for (const i of [...restA]) {
    let best: { j: number; penalty: number; distance: number } | null = null
    for (const j of restB) {
      const penalty = typoPenalty(a.tokens[i]!, b.tokens[j]!)
      if (penalty !== null && (!best || penalty < best.penalty)) best = { j, penalty, distance: osaDistance(a.tokens[i]!, b.tokens[j]!) }
    }
    if (best) {
      out.typos.push({ a: a.surfaces[i]!, b: b.surfaces[best.j]!, penalty: best.penalty, distance: best.distance })
      out.matchedChars += a.tokens[i]!.length + b.tokens[best.j]!.length
      restA = restA.filter((x) => x !== i)
      restB = restB.filter((x) => x !== best.j)
    }
  }
  out.extraA = restA
  out.extraB = restB
  return out
}

function typoPhrase(t: { a: string; b: string; distance: number }): string {
  return `${t.distance === 1 ? 'one-letter' : 'two-letter'} difference: '${t.a}' / '${t.b}'`
}

const round = (x: number) => Math.round(x * 1000) / 1000

export function compareNames(a: NormalizedName, b: NormalizedName): Comparison {
  if (!a.key || !b.key) return { score: 0, kind: 'none', reason: 'nothing comparable in one of the names' }
  if (a.key === b.key) return { score: SCORE.same, kind: 'same', reason: sameNameReason(a, b) }

  if (a.compact === b.compact || a.spelled === b.spelled) {
    const reason = [`same name ignoring spaces: '${a.raw.trim()}' / '${b.raw.trim()}'`, ...changePhrases(a, b, 2)].join('; ')
    return { score: SCORE.spacing, kind: 'spacing', reason }
  }

  const al = align(a, b)
  const totalChars = a.compact.length + b.compact.length
  const coverage = al.matchedChars / totalChars
  const words = (name: NormalizedName, idx: number[]) => idx.map((i) => `'${name.surfaces[i]}'`).join(' ')
  const extras = [...al.extraA.map((i) => a.tokens[i]!), ...al.extraB.map((j) => b.tokens[j]!)]

  if (extras.some(hasDigit)) {
    return { score: round(SCORE.numberMax * coverage), kind: 'different', reason: `different numbers: ${words(a, al.extraA) || '(none)'} / ${words(b, al.extraB) || '(none)'}` }
  }
  if (al.extraA.length > 0 && al.extraB.length > 0) {
    return { score: round(SCORE.differentMax * coverage), kind: 'different', reason: `different words: ${words(a, al.extraA)} / ${words(b, al.extraB)}` }
  }

  const penalty = al.typos.reduce((s, t) => s + t.penalty, 0)
  const detail = [...(al.spacing ? [`same name ignoring spaces: '${al.spacing.a}' / '${al.spacing.b}'`] : []), ...al.typos.map(typoPhrase)]
  const withChanges = (phrases: string[]) => [...phrases, ...changePhrases(a, b, 2)].join('; ')

  if (al.extraA.length > 0 || al.extraB.length > 0) {
    const only = al.extraA.length > 0 ? words(a, al.extraA) : words(b, al.extraB)
    const score = SCORE.partialBase + SCORE.partialRange * coverage - penalty
    // No change phrases here: "same name after removing 'LLC'" would be untrue of names that differ by a word.
    return { score: round(Math.max(0, score)), kind: 'partial', reason: [`similar, but only one name has ${only}`, ...detail].join('; ') }
  }
  if (al.spacing) return { score: round(SCORE.spacing - penalty), kind: 'spacing', reason: withChanges(detail) }
  if (al.typos.length > 0) return { score: round(SCORE.same - penalty), kind: 'typo', reason: withChanges(detail) }
  // Same multiset of words, different order.
  return { score: SCORE.order, kind: 'order', reason: withChanges(['same words in a different order']) }
}

/** Convenience for one-off comparisons (tests, CLI); bulk callers normalise once and use compareNames. */
export function similarity(a: string, b: string): number {
  return compareNames(normalizeName(a), normalizeName(b)).score
}
