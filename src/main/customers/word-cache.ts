// Per-word results of the normaliser's pure word rules (spelling, plural, mistyped legal form). An MSP's 10,000
// names use a few thousand distinct words, so the first suggest-all ran each rule's regular expressions on ~40,000
// words for ~1,000 answers. Bounded: emptied when full, so a process that sees endless new words stays small.
const LIMIT = 50_000

/**
 * One rule's results by word. Each user calls its rule from its own small function (`cache.get(w) ?? cache.set(w,
 * rule(w))`) rather than through one shared wrapper: a shared wrapper's call of "the rule" saw all four rules, and the
 * optimiser copied all four into every place the wrapper was inlined, which made the normaliser slow to compile in
 * the first suggest-all.
 */
export class WordCache<T> {
  private readonly seen = new Map<string, T>()

  get(word: string): T | undefined {
    return this.seen.get(word)
  }

  /** Remembers `result` for `word` and returns it. */
  set(word: string, result: T): T {
    if (this.seen.size >= LIMIT) this.seen.clear()
    this.seen.set(word, result)
    return result
  }
}
