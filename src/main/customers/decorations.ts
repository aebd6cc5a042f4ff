import type { Change } from './normalize'
import { segmentText, type Segment } from './segments'

// What in a name is decoration rather than the firm's name: a branch or suite after a separator ("- HQ", "(North)",
// ", Suite 200"), a person's degree after their name ("MD", "D.D.S.", "CPA") and a leading honorific ("Dr."). A
// decoration on one side only barely counts; two different decorations ("North" / "South") still tell two branches
// apart. These are rules about a name's shape, so they hold for words no list foresaw.

/** Titles before a person's name: a closed grammatical class, not a vocabulary of firms. */
const HONORIFICS: ReadonlySet<string> = new Set(['dr', 'doctor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'rev', 'hon'])
/** Address unit designators (USPS secondary units): "Suite 200", "Unit 4", "Floor 2", "Bldg C". */
const UNITS: ReadonlySet<string> = new Set(['suite', 'ste', 'unit', 'floor', 'fl', 'room', 'rm', 'bldg', 'building'])
/** A degree or credential as written after a name: 2–4 capitals, optionally plural ("CPAs"). */
const CREDENTIAL = /^[A-Z]{2,4}s?\.?$/

/** `shouting`: the raw name has no lower-case letter. */
export function markDecorations(segs: Segment[], shouting: boolean): void {
  const main = segs[0]
  for (const seg of segs) if (seg !== main) for (const x of seg.toks) x.deco = true
  if (!main || main.style !== 'main') return
  const toks = main.toks
  // The '#' test on the part as cut out: tidying its spaces neither adds nor removes one.
  const text = main.part.includes('#') ? segmentText(main) : null
  // "#2" and "Suite 110" name a location of the firm, wherever they stand.
  toks.forEach((x, i) => {
    const next = toks[i + 1]
    if (UNITS.has(x.t) && next && i > 0) x.deco = next.deco = true
    // Without a '#' the pattern cannot match: no expression is built for the name's numbers.
    if (text !== null && /^\d+$/.test(x.t) && new RegExp(`#\\s*${x.t}\\b`).test(text)) x.deco = true
  })
  // Trailing credentials: "Jane Okafor MD". In an all-capitals name every word looks like one, so none is read so.
  for (let i = toks.length - 1; i >= 2 && !shouting && CREDENTIAL.test(toks[i]!.s); i--) toks[i]!.deco = true
  if (toks.length >= 3 && HONORIFICS.has(toks[0]!.t)) toks[0]!.deco = true
}

/** "Riverside Community Hospital (RCH)": a parenthesis holding the name's own initials says nothing new. */
export function dropSelfAcronyms(segs: Segment[], changes: Change[]): void {
  const main = segs[0]
  if (!main || !segs.some((seg) => seg.style === 'paren')) return
  const initials = main.toks.map((x) => x.s.charAt(0).toLowerCase())
  for (const seg of segs) {
    if (seg.style !== 'paren' || seg.toks.length !== 1) continue
    const acronym = seg.toks[0]!.t
    if (acronym.length < 2 || acronym.length > initials.length || /\d/.test(acronym)) continue
    let j = 0
    for (let i = 0; i < initials.length && j < acronym.length; i++) if (initials[i] === acronym[j]) j++
    if (j === acronym.length && acronym[0] === initials[0]) {
      changes.push({ kind: 'acronym', from: seg.toks[0]!.s })
      seg.toks = []
    }
  }
}
