// Per-word results of the normaliser's pure word rules (spelling, plural, mistyped legal form). An MSP's 10,000
// names use a few thousand distinct words, so the first suggest-all ran each rule's regular expressions on ~40,000
// words for ~1,000 answers. Bounded: emptied when full, so a process that sees endless new words stays small.
const LIMIT = 50_000

export function perWord<T>(rule: (word: string) => T): (word: string) => T {
  const seen = new Map<string, T>()
  return (word) => {
    let r = seen.get(word)
    if (r === undefined) {
      if (seen.size >= LIMIT) seen.clear()
      r = rule(word)
      seen.set(word, r)
    }
    return r
  }
}
