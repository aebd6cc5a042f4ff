import { typoLengths, type Equivalences } from './align'

// A cheap, exact pre-test for the reach bound's word-pair relations (reach.ts). The first suggest-all at 5,000 × 5,000
// asks how ~80,000 distinct word pairs relate and about one in ninety relates at all; working each one out with
// align's own tests (short-form rules, a typo distance) was most of the reach bound's cold cost. Each word gets a few
// numbers once, and `apart` proves most pairs unrelated from those alone. It only ever answers "apart" when none of
// align's one-word tests (same, learned, abbreviation, typo) nor a joined word can relate the two: see each rule.

/** Letters a–z as bits 0–25. */
const LETTERS = 26
/** Any digit (what typoDistance's /\d/ looks for): a word with one is never read as a typo. */
const DIGIT = 1 << LETTERS
/** Any other character, all in one bit: a coarser alphabet only lowers the count of letters one word lacks. */
const OTHER = 1 << (LETTERS + 1)

/** Which characters a word has, as bits (see LETTERS, DIGIT, OTHER). */
export function charMask(word: string): number {
  let mask = 0
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k)
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97)
    else if (c >= 48 && c <= 57) mask |= DIGIT
    else mask |= OTHER
  }
  return mask
}

/** At most two bits set. */
const atMostTwo = (x: number) => {
  const y = x & (x - 1)
  return (y & (y - 1)) === 0
}

/**
 * Whether two words may be within typoDistance's reach: its length rule, no digit, and at most two characters of
 * each missing from the other. Every character of one word that the other lacks takes an edit of its own (a deletion
 * or substitution; a transposition moves letters without changing them), so three missing means a distance over 2.
 */
export function mayBeTypo(x: string, mx: number, y: string, my: number): boolean {
  if (!typoLengths(x, y)) return false
  return ((mx | my) & DIGIT) === 0 && atMostTwo(mx & ~my) && atMostTwo(my & ~mx)
}

/** Every word of any learned pair ("a|b" keys; tokens never hold a '|': it separates a name's parts). */
function learnedWords(learned: Equivalences | undefined): ReadonlySet<string> {
  const out = new Set<string>()
  if (learned) for (const key of learned) for (const w of key.split('|')) out.add(w)
  return out
}

/** Per word id (a token with its spelled and accent-free readings), the numbers `apart` reads. */
export class WordFacts {
  private readonly tokens: string[] = []
  private readonly spelled: string[] = []
  private readonly tokenMasks: number[] = []
  private readonly spelledMasks: number[] = []
  /** First character codes of the token, the spelled word and the alternative reading (-1: none). */
  private readonly firsts: number[] = []
  /** The token is in a learned pair: a learned pair can join any two words. */
  private readonly learned: boolean[] = []
  private readonly learnedSet: ReadonlySet<string>

  constructor(learned: Equivalences | undefined) {
    this.learnedSet = learnedWords(learned)
  }

  /** Facts of the next word id, in id order. */
  add(t: string, s: string, alt: string | null): void {
    this.tokens.push(t)
    this.spelled.push(s)
    this.tokenMasks.push(charMask(t))
    this.spelledMasks.push(charMask(s))
    // An empty reading can begin any word (align's beginsWord): no first letter stands for it, so never "apart".
    const empty = t === '' || s === '' || alt === ''
    this.firsts.push(empty ? -2 : t.charCodeAt(0), s.charCodeAt(0), alt === null ? -1 : alt.charCodeAt(0))
    this.learned.push(this.learnedSet.has(t))
  }

  /**
   * True only when words ia and ib cannot be related by align: no first letter in common among their readings (the
   * same word, an alternative reading, a short form and a joined word all start alike; align's abbreviation test
   * first compares the tokens' first letters), not both in learned pairs, and neither the tokens nor the spelled
   * words within a typo's reach.
   */
  apart(ia: number, ib: number): boolean {
    const f = this.firsts
    const a = 3 * ia
    const b = 3 * ib
    if (f[a] === -2 || f[b] === -2) return false
    for (let x = a; x < a + 3; x++)
      if (f[x] !== -1 && (f[x] === f[b] || f[x] === f[b + 1] || f[x] === f[b + 2])) return false
    if (this.learned[ia] && this.learned[ib]) return false
    const t = this.tokens
    const s = this.spelled
    return (
      !mayBeTypo(t[ia]!, this.tokenMasks[ia]!, t[ib]!, this.tokenMasks[ib]!) &&
      !mayBeTypo(s[ia]!, this.spelledMasks[ia]!, s[ib]!, this.spelledMasks[ib]!)
    )
  }
}
