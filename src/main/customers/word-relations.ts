import numberToWords from 'number-to-words'

// How two single words can be the same word written differently. Each relation is a general rule about how people
// shorten or respell words, not a list of the words seen in some data set; the only vocabulary here is number words,
// which come from the maintained `number-to-words` package.

/** "three" / "third" / "3rd" → "3", built from number-to-words for 1..100 (single words only: "twenty-one" is two). */
const NUMBER_FORMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>()
  for (let n = 1; n <= 100; n++) {
    for (const form of [numberToWords.toWords(n), numberToWords.toWordsOrdinal(n), numberToWords.toOrdinal(n)])
      if (/^[a-z0-9]+$/.test(form)) m.set(form, String(n))
  }
  return m
})()

export function numberCanon(t: string): string {
  return NUMBER_FORMS.get(t) ?? t
}

/**
 * British → American spelling by the regular patterns (colour/color, centre/center, paediatric/pediatric,
 * organisation/organization, catalogue/catalog, defence/defense). Applied to both names, so a rule that also
 * touches an unrelated word ("contour" → "contor") changes both sides alike and cannot create a false match
 * between two different words that were spelled the same way.
 */
// One test that passes only when some rule below will fire: most words skip the replacements.
const SPELLING_HINT = /our|[bcdfgkmnpstvz]re[sd]?$|[^aeiou]ae[dmcst]|[^aeiou]is(e|ed|es|ing|ations?)$|ogue$|[fc]ence$/

export function americanSpelling(t: string): string {
  if (t.length < 5 || !SPELLING_HINT.test(t) || /\d/.test(t)) return t
  return t
    .replace(/our(s|al|able|ite|ed|ing|hood|view)?$/, 'or$1')
    .replace(/([bcdfgkmnpstvz])re(s|d)?$/, '$1er$2')
    .replace(/([^aeiou])ae([dmcst])/, '$1e$2')
    .replace(/([^aeiou])is(e|ed|es|ing|ation|ations)$/, (m, c: string, end: string) =>
      t.length >= 7 ? `${c}iz${end}` : m
    )
    .replace(/ogue$/, 'og')
    .replace(/([fc])ence$/, '$1ense')
}

/** Crude English singular: "Services" = "Service", "Supplies" = "Supply"; leaves "Glass", "Campus", "Lewis". */
export function singular(t: string): string {
  if (/\d/.test(t)) return t
  if (t.length > 4 && t.endsWith('ies')) return t.slice(0, -3) + 'y'
  if (t.length > 3 && t.endsWith('s') && !/(ss|us|is)$/.test(t)) return t.slice(0, -1)
  return t
}

/** German/Nordic letters written out ("ü" → "ue", "ø" → "oe", "å" → "aa"): the other common way to drop an accent. */
const SPELLED_OUT: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa', æ: 'ae' }
const SPELLED_OUT_RE = /[äöüøåæ]/g
const HAS_SPELLED_OUT = /[äöüøåæ]/

export function spellOutAccents(word: string): string | null {
  const lower = word.toLowerCase()
  if (!HAS_SPELLED_OUT.test(lower)) return null
  return lower.replace(SPELLED_OUT_RE, (c) => SPELLED_OUT[c]!)
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++
  return j === short.length
}

const VOWEL = /[aeiou]/

/** Endings of derived words (-ic, -ary, -ment, -ing …): what people truncate ("Chiro", "Vet"), unlike proper names. */
const DERIVED =
  /(ic|ics|ical|ary|ory|ery|al|ial|ing|ings|ment|ion|ance|ence|ogy|ies|ity|ily|emy|ety|ure|ive|ant|ent|ate|ates|ist|er|ers|or|ors|ship|ces|ine|ict)$/

/**
 * `short` is a written short form of `long`: it starts with the same letter and keeps its letters in order, and is
 * a truncation of a derived word by 3+ letters ("Chiro", "Vet", "Assoc"; not "Park" / "Parker"), or, at most 70 %
 * as long, a contraction keeping the last letter ("Mgmt", "Intl", "Svcs") or a consonant skeleton ("Mfg", "Plbg").
 * Two-letter forms only as consonant contractions of short words ("St", "Mt", "Dr", "Ft").
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || long.length < 4 || short.length >= long.length || short[0] !== long[0]) return false
  if (/\d/.test(short) || /\d/.test(long)) return false
  if (short.length === 2) return long.length <= 6 && !VOWEL.test(short) && isSubsequence(short, long)
  if (!isSubsequence(short, long)) return false
  if (long.startsWith(short)) return long.length - short.length >= 3 && DERIVED.test(long)
  if (short.length > 0.7 * long.length) return false
  return short[short.length - 1] === long[long.length - 1] || !VOWEL.test(short.slice(1))
}

/** Collapses doubled letters: "marketting" / "marketing", "phillips" / "philips" share it. */
export function squeeze(t: string): string {
  return t.replace(/(.)\1+/g, '$1')
}
