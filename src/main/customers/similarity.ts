import { distance as levenshtein } from 'fastest-levenshtein'
import { normalizeName, type NormalizedName } from './normalize'
import { osaDistance } from './edit-distance'
import { DESCRIPTIVE_WORDS } from './vocabulary'

export { osaDistance }
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

function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

/**
 * Penalty if `a` and `b` look like one word mistyped, else null (different words).
 * Common typo (confident): two adjacent letters swapped, or one slip in a descriptive word ("Plumbng").
 * Risky typo (suggested only): one slip in any other word, or two slips in a long word — "Johnson"/"Johnston",
 * "Petersen"/"Peterson", "Bolton"/"Boston" are as often two clients as one typo.
 */
export function typoPenalty(a: string, b: string): number | null {
  return typoMatch(a, b)?.penalty ?? null
}

function typoMatch(a: string, b: string): { penalty: number; distance: number } | null {
  const short = Math.min(a.length, b.length)
  const long = Math.max(a.length, b.length)
  if (long - short > 2 || short < 4 || long < 5) return null
  if (hasDigit(a) || hasDigit(b)) return null // "Clinic 2" vs "Clinic 3" is never a typo
  const d = osaDistance(a, b, 2)
  if (d === 1) {
    const transposition = a.length === b.length && levenshtein(a, b) === 2
    // Two known words are two words ("Painting"/"Printing"), not a slip.
    if (DESCRIPTIVE_WORDS.has(a) && DESCRIPTIVE_WORDS.has(b)) return null
    const common = transposition || DESCRIPTIVE_WORDS.has(a) || DESCRIPTIVE_WORDS.has(b)
    return { penalty: common ? SCORE.commonTypo : SCORE.riskyTypo, distance: 1 }
  }
  // Two slips only in a long word that starts the same: "Restaraunt", not "Northside"/"Southside".
  if (d === 2 && short >= 9 && a.slice(0, 2) === b.slice(0, 2)) return { penalty: SCORE.riskyTypo, distance: 2 }
  return null
}

interface Alignment {
  matchedChars: number
  typos: { i: number; j: number; penalty: number; distance: number }[]
  /** Leftover words that are the same letters run together ("Oak Ridge" / "Oakridge"). */
  spacing: { i: number[]; j: number[] } | null
  extraA: number[]
  extraB: number[]
}

// Plain loops: this runs for every candidate pair, so no closures or per-call Sets.
function align(a: NormalizedName, b: NormalizedName): Alignment {
  const usedB = new Uint8Array(b.tokens.length)
  const restA: number[] = []
  let matchedChars = 0
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!
    let found = -1
    for (let k = 0; k < b.tokens.length; k++) {
      if (usedB[k] === 0 && b.tokens[k] === t) {
        found = k
        break
      }
    }
    if (found >= 0) {
      usedB[found] = 1
      matchedChars += 2 * t.length
    } else restA.push(i)
  }
  const restB: number[] = []
  for (let k = 0; k < b.tokens.length; k++) if (usedB[k] === 0) restB.push(k)
  const out: Alignment = { matchedChars, typos: [], spacing: null, extraA: restA, extraB: restB }
  if (restA.length === 0 || restB.length === 0) return out

  const join = (name: NormalizedName, idx: number[]) => idx.map((i) => name.spelledTokens[i]).join('')
  const joinedA = join(a, restA)
  if (joinedA === join(b, restB)) {
    out.spacing = { i: restA, j: restB }
    out.matchedChars += 2 * joinedA.length
    out.extraA = []
    out.extraB = []
    return out
  }
  const takenB = new Uint8Array(b.tokens.length)
  const leftA: number[] = []
  for (const i of restA) {
    let best: { j: number; penalty: number; distance: number } | null = null
    for (const j of restB) {
      if (takenB[j] === 1) continue
      // As spelled too: singular-folding turns the typo "Harirs" into "harir", two edits from "harris".
      const m = typoMatch(a.tokens[i]!, b.tokens[j]!) ?? typoMatchSpelled(a, i, b, j)
      if (m && (!best || m.penalty < best.penalty)) best = { j, ...m }
    }
    if (best) {
      takenB[best.j] = 1
      out.typos.push({ i, ...best })
      out.matchedChars += a.tokens[i]!.length + b.tokens[best.j]!.length
    } else leftA.push(i)
  }
  out.extraA = leftA
  out.extraB = restB.filter((j) => takenB[j] === 0)
  return out
}

function typoMatchSpelled(a: NormalizedName, i: number, b: NormalizedName, j: number): ReturnType<typeof typoMatch> {
  const sa = a.spelledTokens[i]!
  const sb = b.spelledTokens[j]!
  return sa === a.tokens[i] && sb === b.tokens[j] ? null : typoMatch(sa, sb)
}

const round = (x: number) => Math.round(x * 1000) / 1000

export interface Scored {
  score: number
  kind: MatchKind
  alignment?: Alignment
}

/** The score alone, without building a reason: used for every candidate pair in bulk matching. */
export function scoreNames(a: NormalizedName, b: NormalizedName): Scored {
  if (!a.key || !b.key) return { score: 0, kind: 'none' }
  if (a.key === b.key) return { score: SCORE.same, kind: 'same' }
  // Spacing is judged on the words as spelled: singular-folding would make "Roberts Sons" read as "Robertson".
  if (a.spelled === b.spelled) return { score: SCORE.spacing, kind: 'spacing' }

  const al = align(a, b)
  const coverage = al.matchedChars / (a.compact.length + b.compact.length)
  if (al.extraA.some((i) => hasDigit(a.tokens[i]!)) || al.extraB.some((j) => hasDigit(b.tokens[j]!))) {
    return { score: round(SCORE.numberMax * coverage), kind: 'different', alignment: al }
  }
  if (al.extraA.length > 0 && al.extraB.length > 0)
    return { score: round(SCORE.differentMax * coverage), kind: 'different', alignment: al }

  let penalty = 0
  for (const t of al.typos) penalty += t.penalty
  if (al.extraA.length > 0 || al.extraB.length > 0) {
    return {
      score: round(Math.max(0, SCORE.partialBase + SCORE.partialRange * coverage - penalty)),
      kind: 'partial',
      alignment: al
    }
  }
  if (al.spacing) return { score: round(SCORE.spacing - penalty), kind: 'spacing', alignment: al }
  if (al.typos.length > 0) return { score: round(SCORE.same - penalty), kind: 'typo', alignment: al }
  return { score: SCORE.order, kind: 'order', alignment: al } // same words, different order
}

/** A short human phrase for why `scored` came out as it did. */
export function explain(a: NormalizedName, b: NormalizedName, scored: Scored): string {
  const al = scored.alignment
  const words = (name: NormalizedName, idx: number[]) => idx.map((i) => `'${name.surfaces[i]}'`).join(' ')
  const typoWords = new Set((al?.typos ?? []).flatMap((t) => [a.surfaces[t.i]!, b.surfaces[t.j]!]))
  const withChanges = (phrases: string[]) => [...phrases, ...changePhrases(a, b, 2, typoWords)].join('; ')
  switch (scored.kind) {
    case 'none':
      return 'nothing comparable in one of the names'
    case 'same':
      return sameNameReason(a, b)
    case 'different': {
      const numbers = [
        ...(al?.extraA.map((i) => a.tokens[i]!) ?? []),
        ...(al?.extraB.map((j) => b.tokens[j]!) ?? [])
      ].some(hasDigit)
      const what = numbers ? 'different numbers' : 'different words'
      return `${what}: ${words(a, al?.extraA ?? []) || '(none)'} / ${words(b, al?.extraB ?? []) || '(none)'}`
    }
    default: {
      const detail: string[] = []
      if (scored.kind === 'spacing') {
        const [sa, sb] = al?.spacing
          ? [words(a, al.spacing.i), words(b, al.spacing.j)]
          : [`'${a.raw.trim()}'`, `'${b.raw.trim()}'`]
        detail.push(`same name ignoring spaces: ${sa} / ${sb}`)
      }
      for (const t of al?.typos ?? []) {
        detail.push(
          `${t.distance === 1 ? 'one-letter' : 'two-letter'} difference: '${a.surfaces[t.i]}' / '${b.surfaces[t.j]}'`
        )
      }
      if (scored.kind === 'order') detail.push('same words in a different order')
      if (scored.kind === 'partial' && al) {
        const only = al.extraA.length > 0 ? words(a, al.extraA) : words(b, al.extraB)
        // No change phrases here: "same name after removing 'LLC'" would be untrue of names that differ by a word.
        return [`similar, but only one name has ${only}`, ...detail].join('; ')
      }
      return withChanges(detail)
    }
  }
}

export function compareNames(a: NormalizedName, b: NormalizedName): Comparison {
  const scored = scoreNames(a, b)
  return { score: scored.score, kind: scored.kind, reason: explain(a, b, scored) }
}

/** Convenience for one-off comparisons (tests, CLI); bulk callers normalise once and use scoreNames. */
export function similarity(a: string, b: string): number {
  return scoreNames(normalizeName(a), normalizeName(b)).score
}
