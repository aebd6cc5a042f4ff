import { osaDistance } from './edit-distance'
import { markDecorations, dropSelfAcronyms } from './decorations'
import { canonical, foldAccents, segmentText, splitSegments, words, type Segment, type Tok } from './segments'
import { americanSpelling, numberCanon, singular, spellOutAccents } from './word-relations'
import { WordCache } from './word-cache'
import { ABBREVIATIONS, LEGAL_SUFFIXES, LONG_LEGAL_SUFFIXES, NUMBER_WORDS, POSITIONAL } from './vocabulary'

/** What the normaliser changed, so a suggestion can say why two names were treated as one. */
export type ChangeKind =
  | 'accent'
  | 'and'
  | 'article'
  | 'suffix'
  | 'abbreviation'
  | 'separator'
  | 'plural'
  | 'number-word'
  | 'number'
  | 'spelling'
  | 'connector'
  | 'acronym'

export interface Change {
  kind: ChangeKind
  /** The text as written ("LLC", "&", "St.", "(North)"). */
  from: string
  /** What it became, when it was rewritten rather than removed. */
  to?: string
}

export interface NormalizedName {
  raw: string
  /** Canonical tokens: lower-case ASCII-folded words after all rules. */
  tokens: readonly string[]
  /** Another reading of the token, parallel to `tokens`: "Müller" is also "mueller". */
  alts: readonly (string | null)[]
  /** Parallel to `tokens`: a branch/suite decoration, honorific or degree rather than the firm's name. */
  deco: readonly boolean[]
  /** The words as written, parallel to `tokens`, for human-readable reasons. */
  surfaces: readonly string[]
  /** tokens joined by one space; '' means "nothing matchable" (empty, punctuation only, too long). */
  key: string
  /** tokens joined with no space: "Oak Ridge" and "Oakridge" share it. */
  compact: string
  /** The words as spelled (lower case, no punctuation), before abbreviations and plurals; parallel to `tokens`. */
  spelledTokens: readonly string[]
  /** spelledTokens joined with no space: "Tech Nova" / "TechNova" share it, "Roberts Sons" / "Robertson" do not. */
  spelled: string
  changes: readonly Change[]
  /** The raw name has no lower-case letter ("ACME CU"): its capitalised words are not initialisms. */
  allCaps: boolean
}

/** Longer than any real company name; such input is treated as unmatchable instead of being scored. */
export const MAX_NAME_LENGTH = 256

export { foldAccents }

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
const LOWER_ASCII = /[a-z]/
const INVISIBLE = /\p{Cf}/gu
// "L.L.C." / "P.C." / "U.S.A." → "LLC" / "PC" / "USA" so they read as one word (the second form: on ASCII text).
const DOTTED_ACRONYM = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu
const ASCII_DOTTED_ACRONYM = /(?<![A-Za-z0-9])(?:[A-Za-z]\.){2,}/g

/** "and" / "&" / "+" carry no identity once a name has other words: "Smith & Sons" = "Smith and Sons" = "Smith Sons". */
function dropAnd(segs: Segment[], changes: Change[]): void {
  let other = false
  for (let k = 0; k < segs.length && !other; k++) for (const x of segs[k]!.toks) if (x.t !== 'and') other = true
  if (!other) return
  for (const seg of segs) {
    const toks = seg.toks
    let kept = 0
    for (let k = 0; k < toks.length; k++) {
      const x = toks[k]!
      if (x.t === 'and') changes.push({ kind: 'and', from: x.s.toLowerCase() })
      else toks[kept++] = x
    }
    toks.length = kept
  }
}

// The words joined by a loop, not `map(…).join(…)`: in the first suggest-all the arrays `map` made here had another
// shape than the one the optimised normaliser expected, and it was thrown away and compiled again.
/** The canonical words run together ("L L C" → "llc"). */
function letters(toks: readonly Tok[]): string {
  let out = ''
  for (let k = 0; k < toks.length; k++) out += toks[k]!.t
  return out
}

/** The words as written, one space apart. */
function written(toks: readonly Tok[]): string {
  let out = ''
  for (let k = 0; k < toks.length; k++) out += k === 0 ? toks[k]!.s : ` ${toks[k]!.s}`
  return out
}

function isLegalOnly(toks: Tok[]): boolean {
  return toks.length > 0 && (LEGAL_SUFFIXES.has(letters(toks)) || toks.every((x) => LEGAL_SUFFIXES.has(x.t)))
}

/** "Compnay", "Limted": a slip in a long legal word is still that word (short ones like "Co" are never guessed). */
function isMistypedLegal(t: string): boolean {
  for (const legal of LONG_LEGAL_SUFFIXES)
    if (Math.abs(legal.length - t.length) <= 1 && osaDistance(t, legal, 1) === 1) return true
  return false
}

/** Pops trailing legal-form words ("Inc", "Co Ltd", "L L C") while something else remains. */
function stripTrailingLegal(toks: Tok[], changes: Change[]): void {
  for (;;) {
    let run = 0
    while (run < toks.length && toks[toks.length - 1 - run]!.t.length === 1) run++
    // Spaced-out initials at the end: "L. L. C." arrives as l, l, c.
    const spaced = run >= 2 ? toks.slice(-run) : null
    if (spaced && toks.length > run && LEGAL_SUFFIXES.has(letters(spaced))) {
      toks.splice(-run, run)
      changes.push({ kind: 'suffix', from: written(spaced) })
      continue
    }
    const last = toks[toks.length - 1]
    if (toks.length > 1 && last && (LEGAL_SUFFIXES.has(last.t) || mistypedLegal(last.t))) {
      toks.pop()
      changes.push({ kind: 'suffix', from: last.s })
      continue
    }
    return
  }
}

function expandAbbreviations(toks: Tok[], changes: Change[]): void {
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!
    const positional = POSITIONAL.get(tok.t)
    const to = positional
      ? i === toks.length - 1 && i > 0
        ? positional.trailing
        : positional.leading
      : ABBREVIATIONS.get(tok.t)
    if (to && to !== tok.t) {
      changes.push({ kind: 'abbreviation', from: tok.s, to })
      tok.t = to
    }
  }
}

const isNumberWordBeforeNumber = (toks: Tok[], i: number) =>
  NUMBER_WORDS.has(toks[i]!.t) && i + 1 < toks.length && /\d/.test(toks[i + 1]!.t)

function dropNumberWords(toks: Tok[], changes: Change[]): Tok[] {
  // Most names have no "Number 5": keep their array as it is rather than copying it.
  let any = false
  for (let i = 0; i < toks.length && !any; i++) any = isNumberWordBeforeNumber(toks, i)
  if (!any) return toks
  return toks.filter((tok, i) => {
    const next = toks[i + 1]
    if (NUMBER_WORDS.has(tok.t) && next && /\d/.test(next.t)) {
      changes.push({ kind: 'number-word', from: tok.s })
      return false
    }
    return true
  })
}

const mistypedCache = new WordCache<boolean>()
const mistypedLegal = (t: string) => mistypedCache.get(t) ?? mistypedCache.set(t, isMistypedLegal(t))
const singularCache = new WordCache<string>()
const singularOf = (t: string) => singularCache.get(t) ?? singularCache.set(t, singular(t))

/** What the number, spelling and plural rules make of one word, worked out once per distinct word. */
interface WordForm {
  /** The word after the number rule ("third" → "3") or else the spelling rule ("colour" → "color"). */
  canon: string
  /** Which of the two changed it, if one did. */
  kind: 'number' | 'spelling' | null
  /** `canon` after the plural rule. */
  final: string
}

function formOf(t: string): WordForm {
  const n = numberCanon(t)
  if (n !== t) return { canon: n, kind: 'number', final: singular(n) }
  const us = americanSpelling(t)
  return { canon: us, kind: us !== t ? 'spelling' : null, final: singular(us) }
}

const formCache = new WordCache<WordForm>()
const wordForm = (t: string) => formCache.get(t) ?? formCache.set(t, formOf(t))

/** Arrays of n nulls or n falses, shared by every name of that length (names are read-only): most names have no
 * alternative reading, and many no decoration. */
const allNull: (readonly null[])[] = []
const allFalse: (readonly boolean[])[] = []
const nulls = (n: number) => (allNull[n] ??= filled(n, null))
const falses = (n: number) => (allFalse[n] ??= filled(n, false))

/**
 * A copy of exactly its length. An array grown by push keeps room for 16 or more, and the normalised names are kept
 * (10,000 per suggest-all, in the cache too): that room was over half a name's memory, copied by every young-space
 * collection of the first suggest-all. A copy of a pushed array stays packed, like every other name's.
 */
function kept<T>(pushed: T[]): T[] {
  return pushed.slice()
}

function filled<T>(n: number, value: T): T[] {
  const out: T[] = []
  for (let k = 0; k < n; k++) out.push(value)
  return kept(out)
}

function altsOf(toks: readonly Tok[]): (string | null)[] {
  const out: (string | null)[] = []
  for (const x of toks) out.push(x.alt ? singularOf(x.alt) : null)
  return kept(out)
}

function decoOf(toks: readonly Tok[]): boolean[] {
  const out: boolean[] = []
  for (const x of toks) out.push(x.deco)
  return kept(out)
}

function describeSegment(seg: Segment): string {
  const text = segmentText(seg)
  if (seg.style === 'paren') return `(${text})`
  if (seg.style === 'dash') return `- ${text}`
  return `, ${text}`
}

function recordAccents(raw: string, changes: Change[]): void {
  for (const word of raw.split(/\s+/)) {
    const folded = foldAccents(word)
    if (folded !== word && /\p{L}/u.test(word)) changes.push({ kind: 'accent', from: word, to: folded })
  }
}

const CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'at'])

/** Folded word → the same word with its accents spelled out ("muller" → "mueller"). */
function spelledOutForms(raw: string): Map<string, string> | null {
  let out: Map<string, string> | null = null
  for (const w of words(raw)) {
    const alt = spellOutAccents(w)
    if (alt) (out ??= new Map()).set(canonical(foldAccents(w)), canonical(alt))
  }
  return out
}

// Same fields in the same order as a full name: one object shape for every name the scorer reads.
const empty = (raw: string): NormalizedName => ({
  raw,
  tokens: [],
  alts: [],
  deco: [],
  surfaces: [],
  key: '',
  compact: '',
  spelledTokens: [],
  spelled: '',
  changes: [],
  allCaps: raw === raw.toUpperCase()
})

/** A name with no words, for placeholders (align.ts's reused state). */
export const EMPTY_NAME: NormalizedName = empty('')

// Names normalised recently, by raw text: the Customers view and every suggest-all normalise the same 10,000 names
// again, and normalising is a third of a suggest-all. Results are shared, so callers never modify them (the fields are
// readonly). Bounded: the oldest entries go first, so an MSP's two lists fit and memory stays a few MB.
const CACHE_SIZE = 16_384
/** Evicted together: a Map keeps deleted entries as holes at its start until it rehashes, so finding "the oldest" one
 * at a time walks every hole before it, and a list of unseen names made each insert cost thousands of steps. */
const EVICT = CACHE_SIZE / 4
const cache = new Map<string, NormalizedName>()

/**
 * `remember: false` is for one-off names (one mapping learned): the cache serves whole lists, and a process that maps
 * thousands of orgs one by one (a scripted import, then a sync) must not fill it with ~1.4 kB per name it will not
 * normalise again (bench/sync-rss.bench.ts).
 */
export function normalizeName(raw: string, remember = true): NormalizedName {
  if (typeof raw !== 'string' || raw.length > MAX_NAME_LENGTH) return empty(String(raw).slice(0, 80))
  let n = cache.get(raw)
  if (n === undefined) {
    n = normalizeUncached(raw)
    if (!remember) return n
    if (cache.size >= CACHE_SIZE) {
      let k = 0
      for (const old of cache.keys()) {
        if (k++ >= EVICT) break
        cache.delete(old)
      }
    }
    cache.set(raw, n)
  }
  return n
}

function normalizeUncached(raw: string): NormalizedName {
  const changes: Change[] = []
  // Most names are plain ASCII: skip the Unicode work for them.
  const ascii = PRINTABLE_ASCII.test(raw)
  // For ASCII text only a-z change case: a test instead of an upper-cased copy of every name.
  const allCaps = ascii ? !LOWER_ASCII.test(raw) : raw === raw.toUpperCase()
  if (!ascii) recordAccents(raw, changes)
  const folded = ascii ? raw : foldAccents(raw.replace(INVISIBLE, ''))
  const text = folded.includes('.')
    ? folded.replace(ascii ? ASCII_DOTTED_ACRONYM : DOTTED_ACRONYM, (m) => m.replace(/\./g, ''))
    : folded
  const segs = splitSegments(text, ascii)
  if (segs.length === 0) return empty(raw)
  dropAnd(segs, changes)

  dropSelfAcronyms(segs, changes)
  const first = segs.find((seg) => seg.toks.length > 0)
  if (first && first.toks.length > 1 && first.toks[0]!.t === 'the') {
    changes.push({ kind: 'article', from: first.toks[0]!.s })
    first.toks.shift()
  }

  for (const seg of segs) {
    if (seg !== first && seg.toks.length === 1 && seg.toks[0]!.t === 'the') {
      // Directory style "Green Thumb Nursery, The".
      changes.push({ kind: 'article', from: seg.toks[0]!.s })
      seg.toks = []
      continue
    }
    if (seg !== first && seg.style !== 'dash' && isLegalOnly(seg.toks)) {
      // ", Inc." or "(Pty)" as a whole decoration. A dash decoration is kept: "- PA" / "- CO" are states.
      changes.push({ kind: 'suffix', from: written(seg.toks) })
      seg.toks = []
      continue
    }
    stripTrailingLegal(seg.toks, changes)
    if (seg !== first && seg.toks.length > 0) changes.push({ kind: 'separator', from: describeSegment(seg) })
    seg.toks = dropNumberWords(seg.toks, changes)
    expandAbbreviations(seg.toks, changes)
  }

  markDecorations(segs, allCaps)
  const spelledOut = ascii ? null : spelledOutForms(raw)
  const toks: Tok[] = []
  let count = 0
  for (const seg of segs) count += seg.toks.length
  for (const seg of segs) {
    for (const x of seg.toks) {
      // "Township of Salem" = "Salem Township": linking words carry no identity once the name has others.
      if (count > 2 && CONNECTORS.has(x.t)) changes.push({ kind: 'connector', from: x.s })
      else toks.push(x)
    }
  }
  // Number and spelling changes of every word first, then the plurals: the order `changes` has always had.
  let plurals: Change[] | null = null
  let anyAlt = false
  let anyDeco = false
  for (const x of toks) {
    x.alt = spelledOut?.get(x.t) ?? null
    const form = wordForm(x.t)
    if (form.kind !== null) changes.push({ kind: form.kind, from: x.s, to: form.canon })
    if (form.final !== form.canon) (plurals ??= []).push({ kind: 'plural', from: x.s, to: form.final })
    x.t = form.final
    if (x.alt) anyAlt = true
    if (x.deco) anyDeco = true
  }
  if (plurals) for (const c of plurals) changes.push(c)
  // One pass for the parallel arrays: a `map` callback each cost in the cold first suggest-all.
  const tokens: string[] = []
  const surfaces: string[] = []
  const spelledTokens: string[] = []
  for (let k = 0; k < toks.length; k++) {
    const x = toks[k]!
    tokens.push(x.t)
    surfaces.push(x.surface)
    spelledTokens.push(x.sp)
  }
  return {
    raw,
    tokens: kept(tokens),
    alts: anyAlt ? altsOf(toks) : nulls(toks.length),
    deco: anyDeco ? decoOf(toks) : falses(toks.length),
    surfaces: kept(surfaces),
    key: tokens.join(' '),
    compact: tokens.join(''),
    spelledTokens: kept(spelledTokens),
    spelled: spelledTokens.join(''),
    changes: kept(changes),
    allCaps
  }
}
