import type { NormalizedName } from './normalize'

// A word's weight is how rare it is among THIS MSP's names (orgs and customers together): a surname or place that
// one firm has decides a match; "Dental" or "Group", which dozens of names share, barely counts. Smoothed inverse
// document frequency, squared so the difference between rare and common is felt in a short name.

export interface CorpusWeights {
  weight: (token: string) => number
  /** How many names contain the token. */
  count: (token: string) => number
}

export function corpusWeights(names: readonly NormalizedName[]): CorpusWeights {
  const df = new Map<string, number>()
  // Each distinct word of a name once, found by its first place in the name: no Set per name (names have few words).
  for (const n of names) {
    const tokens = n.tokens
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!
      if (tokens.indexOf(t) === k) df.set(t, (df.get(t) ?? 0) + 1)
    }
  }
  const size = Math.max(names.length, 1)
  const cache = new Map<string, number>()
  const weight = (t: string) => {
    let w = cache.get(t)
    if (w === undefined) {
      const idf = Math.log(1 + size / (df.get(t) ?? 1))
      w = idf * idf
      cache.set(t, w)
    }
    return w
  }
  return { weight, count: (t) => df.get(t) ?? 0 }
}
