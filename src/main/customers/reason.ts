import type { Change, ChangeKind, NormalizedName } from './normalize'

// Turns "what the normaliser changed on each side" into a short phrase for the user. Only changes that differ
// between the two names explain the match: if both say "LLC", removing it is not why they matched.

function diffKey(c: Change): string {
  if (c.kind === 'plural') return `plural:${c.to ?? ''}`
  const from = c.from.toLowerCase()
  // A trailing dot dropped by a slice, not a regular expression: this runs for every change of every shown pair.
  return `${c.kind}:${from.endsWith('.') ? from.slice(0, -1) : from}`
}

/** Changes made on one side only (multiset difference in both directions). */
export function changesOnOneSide(a: NormalizedName, b: NormalizedName): Change[] {
  // Indexed loops over pushed arrays, no `map` or for-of: an empty array has another shape than a filled one, and
  // meeting the other kind first in optimised code threw it away (twice in the first suggest-all).
  const counts = new Map<string, number>()
  const keysB: string[] = []
  for (let x = 0; x < b.changes.length; x++) {
    const k = diffKey(b.changes[x]!)
    keysB.push(k)
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const out: Change[] = []
  for (let x = 0; x < a.changes.length; x++) {
    const c = a.changes[x]!
    const k = diffKey(c)
    const n = counts.get(k) ?? 0
    if (n > 0) counts.set(k, n - 1)
    else out.push(c)
  }
  for (let x = 0; x < keysB.length; x++) {
    const c = b.changes[x]!
    const k = keysB[x]!
    const n = counts.get(k) ?? 0
    if (n > 0) {
      counts.set(k, n - 1)
      out.push(c)
    }
  }
  return out
}

const quote = (s: string) => `'${s}'`
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const unique = (xs: string[]) => [...new Set(xs)]

type Phrase = (cs: Change[]) => string

const PHRASES: [ChangeKind, Phrase][] = [
  ['suffix', (cs) => `same name after removing ${unique(cs.map((c) => quote(c.from))).join(' / ')}`],
  [
    'and',
    (cs) => {
      const symbol = cs.find((c) => c.from !== 'and')?.from
      return symbol ? `'${symbol}' and 'and' treated the same` : `'and' ignored`
    }
  ],
  ['article', () => `same name without a leading 'The'`],
  [
    'abbreviation',
    (cs) =>
      `same name with ${unique(cs.map((c) => `${quote(c.from)} read as ${quote(capital(c.to ?? ''))}`)).join(', ')}`
  ],
  [
    'accent',
    (cs) => `same name ignoring accents: ${unique(cs.map((c) => `${quote(c.from)} / ${quote(c.to ?? '')}`)).join(', ')}`
  ],
  ['separator', (cs) => `same name with different separators: ${unique(cs.map((c) => quote(c.from))).join(' / ')}`],
  ['number-word', (cs) => `${unique(cs.map((c) => quote(c.from))).join(', ')} before a number ignored`],
  [
    'number',
    (cs) => `numbers written the same: ${unique(cs.map((c) => `${quote(c.from)} = ${quote(c.to ?? '')}`)).join(', ')}`
  ],
  [
    'spelling',
    (cs) =>
      `British and American spelling: ${unique(cs.map((c) => `${quote(c.from)} = ${quote(c.to ?? '')}`)).join(', ')}`
  ],
  ['connector', (cs) => `same words with ${unique(cs.map((c) => quote(c.from))).join(', ')} ignored`],
  ['acronym', (cs) => `${unique(cs.map((c) => quote(`(${c.from})`))).join(', ')} is the name's own initials`],
  ['plural', (cs) => `singular and plural treated the same: ${unique(cs.map((c) => quote(c.from))).join(', ')}`]
]

const NO_WORDS: ReadonlySet<string> = new Set()

/** Phrases for the rules that made two names equal; at most `max`, most telling first. */
export function changePhrases(
  a: NormalizedName,
  b: NormalizedName,
  max = 3,
  ignoreWords: ReadonlySet<string> = NO_WORDS
): string[] {
  // Grouped by kind in one pass (a filter per kind was twelve passes per shown suggestion). Words already explained
  // otherwise (a typo) are left out: "Harirs" is a typo, not a plural.
  const byKind = new Map<ChangeKind, Change[]>()
  const changes = changesOnOneSide(a, b)
  for (let x = 0; x < changes.length; x++) {
    const c = changes[x]!
    if (ignoreWords.has(c.from)) continue
    const cs = byKind.get(c.kind)
    if (cs) cs.push(c)
    else byKind.set(c.kind, [c])
  }
  const out: string[] = []
  for (let k = 0; k < PHRASES.length && out.length < max && byKind.size > 0; k++) {
    const cs = byKind.get(PHRASES[k]![0])
    if (cs) out.push(PHRASES[k]![1](cs))
  }
  return out
}

/** Reason for two names with the same normalised key. */
export function sameNameReason(a: NormalizedName, b: NormalizedName): string {
  const phrases = changePhrases(a, b)
  if (phrases.length > 0) return phrases.join('; ')
  return a.raw.trim() === b.raw.trim() ? 'identical name' : 'same name ignoring punctuation and case'
}
