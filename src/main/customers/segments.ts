import { EXTRA_FOLDS } from './vocabulary'
import { WordCache } from './word-cache'

// The first step of normalising a name: its parts (the name, ", Suite 200", "- North", "(RCH)") and their words, as
// written and in canonical form. The rules that rewrite the words are in normalize.ts.

export interface Tok {
  /** The canonical word, rewritten by the rules ("&" reads "and"). */
  t: string
  /** The word as written. */
  s: string
  /** `s` in canonical form before any rule: the word as spelled. */
  sp: string
  /** `s` without a trailing dot, as a reason quotes it. */
  surface: string
  alt: string | null
  deco: boolean
}

export type SegmentStyle = 'main' | 'comma' | 'paren' | 'dash'

export interface Segment {
  style: SegmentStyle
  /** The part of the name as cut out (see segmentText). */
  part: string
  toks: Tok[]
}

const MARKS = /\p{M}/gu
const APOSTROPHES = /['’‘`´ʼ]/g
const PARENTHESISED = /[([{]([^()[\]{}]*)[)\]}]/g
// A dash with a space on at least one side (or an en/em dash, or a bar) separates a decoration: "X - North".
// An unspaced ASCII hyphen joins words ("Smith-Jones") and is plain punctuation.
const DASH_SEPARATOR = /\s+[-–—|]+\s*|\s*[-–—|]+\s+|[–—|]+/
const WORD = /&|\+|[\p{L}\p{N}]+(?:['’‘`´ʼ][\p{L}\p{N}]+)*\.?/gu
// WORD on printable ASCII, where \p{L} and \p{N} are these letters and digits: most names are, and a Unicode-aware
// expression costs more per word.
const ASCII_WORD = /&|\+|[A-Za-z0-9]+(?:['`][A-Za-z0-9]+)*\.?/g

/** NFKD + drop combining marks + fold the few letters NFKD leaves alone (ß, ø, æ …). */
export function foldAccents(s: string): string {
  let out = s.normalize('NFKD').replace(MARKS, '')
  if (/[\u0080-\uffff]/.test(out)) out = Array.from(out, (c) => EXTRA_FOLDS.get(c) ?? c).join('')
  return out
}

// The replacements below only run when a test says they would change something: most words have neither.
const APOSTROPHE_OR_DOT = /['’‘`´ʼ.]/
const BRACKET = /[([{]/
const DASH_LIKE = /[-–—|]/

export function canonical(word: string): string {
  const lower = word.toLowerCase()
  return APOSTROPHE_OR_DOT.test(lower) ? lower.replace(APOSTROPHES, '').replace(/\./g, '') : lower
}

/** Every WORD match of `text` (an exec loop: matchAll would copy the regular expression on each call). */
export function words(text: string): string[] {
  const out: string[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push(m[0])
  return out
}

/** A word as written and its spelled and quoted forms. */
interface WordText {
  s: string
  sp: string
  surface: string
}

// One set of strings per distinct word as written, shared by every name that has it: 10,000 names hold ~45,000 words
// but a few thousand distinct ones, and the normalised names are kept, so a copy each made the first suggest-all's
// garbage collector copy them from space to space. Shared strings also keep their hash for every later Map look-up.
const textCache = new WordCache<WordText>()
const wordText = (s: string) =>
  textCache.get(s) ?? textCache.set(s, { s, sp: canonical(s), surface: s.endsWith('.') ? s.slice(0, -1) : s })

/** `ascii`: the text is printable ASCII (see ASCII_WORD). */
function tokenize(text: string, ascii: boolean): Tok[] {
  // Every field set from the start: tokens of one shape keep the normaliser's optimised code from being thrown away.
  // Pushed, not mapped: `map` makes holey arrays and `filter` packed ones, and the mix made that code deoptimise.
  const out: Tok[] = []
  // All matches at once (`match` with a global expression): one array of strings instead of a match object per word.
  const found = text.match(ascii ? ASCII_WORD : WORD)
  if (found === null) return out
  for (let k = 0; k < found.length; k++) {
    const w = wordText(found[k]!)
    out.push({
      t: w.s === '&' || w.s === '+' ? 'and' : w.sp,
      s: w.s,
      sp: w.sp,
      surface: w.surface,
      alt: null,
      deco: false
    })
  }
  return out
}

/** A part with words becomes a segment; one without is dropped. */
function addSegment(segs: Segment[], style: SegmentStyle, part: string, ascii: boolean): void {
  const toks = tokenize(part, ascii)
  if (toks.length > 0) segs.push({ style, part, toks })
}

/** The name's parts that hold words: the name itself, then comma and dash parts in order, then parenthesised ones. */
export function splitSegments(text: string, ascii: boolean): Segment[] {
  const parens: string[] = []
  const outside = BRACKET.test(text)
    ? text.replace(PARENTHESISED, (_m, inner: string) => {
        parens.push(inner)
        return ' '
      })
    : text
  const segs: Segment[] = []
  // Indexed loops, no callbacks: this runs for every name, mostly before the code is optimised.
  const commaParts = outside.split(',')
  for (let ci = 0; ci < commaParts.length; ci++) {
    const commaPart = commaParts[ci]!
    const parts = DASH_LIKE.test(commaPart) ? commaPart.split(DASH_SEPARATOR) : [commaPart]
    for (let di = 0; di < parts.length; di++)
      addSegment(segs, ci === 0 && di === 0 ? 'main' : di === 0 ? 'comma' : 'dash', parts[di]!, ascii)
  }
  for (const p of parens) addSegment(segs, 'paren', p, ascii)
  return segs
}

/** A segment's text with spaces tidied, for a reason or a '#' test: built only when one is needed. */
export function segmentText(seg: Segment): string {
  return seg.part.trim().replace(/\s+/g, ' ')
}
