import { CandidateIndex } from './blocking'
import type { MatchFile } from './match-file'
import { normalizeName, type NormalizedName } from './normalize'
import { explain, scoreNames, type Scored } from './similarity'

export { MatchFileSchema, parseMatchFile, parseMatchFileText, type MatchFile } from './match-file'

/** At or above: offered for "Accept all". Same words up to spacing or one common typo (see similarity.ts). */
export const CONFIDENT = 0.9
/** At or above: shown, accepted one by one. */
export const SUGGEST = 0.75
/** A confident suggestion also needs this lead over any other pairing of the same org or customer. */
export const CONFIDENT_MARGIN = 0.05
/** Candidates scored per org after blocking. */
const CANDIDATES_PER_ORG = 25

export interface Named {
  id: string
  name: string
}

export interface Suggestion {
  orgId: string
  customerId: string
  score: number
  confident: boolean
  reason: string
}

export interface SuggestOptions {
  /** Already-mapped orgs/customers: never suggested again. */
  exclude?: { orgIds?: Set<string>; customerIds?: Set<string> }
}

interface Edge {
  o: number
  c: number
  score: number
  scored: Scored
}

interface Side {
  id: string
  n: NormalizedName
}

function prepare(list: readonly Named[], excluded: Set<string> | undefined): Side[] {
  return list
    .filter((x) => !excluded?.has(x.id))
    .map((x) => ({ id: x.id, n: normalizeName(x.name) }))
    .filter((x) => x.n.key !== '')
}

function scoreCandidates(orgs: Side[], customers: Side[]): Edge[] {
  const index = new CandidateIndex(customers.map((c) => c.n))
  const edges: Edge[] = []
  orgs.forEach((org, o) => {
    // Same normalised name: only a spacing variant (0.96) can come within CONFIDENT_MARGIN of it, so skip the
    // fuzzy search for this org and score just those.
    const exact = index.exact(org.n.key)
    const candidates = exact.length > 0 ? index.sameLetters(org.n) : index.candidates(org.n, CANDIDATES_PER_ORG)
    for (const c of candidates) {
      const scored = scoreNames(org.n, customers[c]!.n)
      if (scored.score >= SUGGEST) edges.push({ o, c, score: scored.score, scored })
    }
  })
  return edges
}

/**
 * One-to-one greedy assignment by score. Edges with equal score that compete for the same org or customer are an
 * ambiguity (two "Smith Plumbing" customers): everyone involved is left for a human instead of guessing.
 */
function assign(edges: Edge[]): Edge[] {
  const sorted = [...edges].sort((x, y) => y.score - x.score || x.o - y.o || x.c - y.c)
  const doneO = new Set<number>()
  const doneC = new Set<number>()
  const chosen: Edge[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++
    const live = sorted.slice(i, j).filter((e) => !doneO.has(e.o) && !doneC.has(e.c))
    const perO = new Map<number, number>()
    const perC = new Map<number, number>()
    for (const e of live) {
      perO.set(e.o, (perO.get(e.o) ?? 0) + 1)
      perC.set(e.c, (perC.get(e.c) ?? 0) + 1)
    }
    const ambiguous = live.filter((e) => perO.get(e.o)! > 1 || perC.get(e.c)! > 1)
    for (const e of live) if (!ambiguous.includes(e)) chosen.push(e)
    for (const e of live) {
      doneO.add(e.o)
      doneC.add(e.c)
    }
    i = j
  }
  return chosen
}

/** Best other score involving the same org or the same customer, for the confidence margin. */
function runnerUp(edges: Edge[]): (e: Edge) => number {
  const top2 = (map: Map<number, number[]>, k: number, s: number) => {
    const cur = map.get(k) ?? []
    cur.push(s)
    cur.sort((x, y) => y - x)
    map.set(k, cur.slice(0, 2))
  }
  const byO = new Map<number, number[]>()
  const byC = new Map<number, number[]>()
  for (const e of edges) {
    top2(byO, e.o, e.score)
    top2(byC, e.c, e.score)
  }
  // The edge itself is one of the top two of its own lists; the other entry is the runner-up.
  const other = (list: number[] | undefined, s: number) => {
    if (!list) return 0
    const i = list.indexOf(s)
    return i === -1 ? (list[0] ?? 0) : (list[1 - i] ?? 0)
  }
  return (e) => Math.max(other(byO.get(e.o), e.score), other(byC.get(e.c), e.score))
}

export function suggestMatches(
  orgs: readonly Named[],
  customers: readonly Named[],
  opts: SuggestOptions = {}
): Suggestion[] {
  const os = prepare(orgs, opts.exclude?.orgIds)
  const cs = prepare(customers, opts.exclude?.customerIds)
  const edges = scoreCandidates(os, cs)
  const second = runnerUp(edges)
  return assign(edges).map((e) => ({
    orgId: os[e.o]!.id,
    customerId: cs[e.c]!.id,
    score: e.score,
    confident: e.score >= CONFIDENT && e.score - second(e) >= CONFIDENT_MARGIN,
    // Reasons are built only for what is shown, not for every scored pair.
    reason: explain(os[e.o]!.n, cs[e.c]!.n, e.scored)
  }))
}

export type ConfidentMatches = Record<string, { customerId: string; score: number } | null>

/** For `psa-bridge match FILE --json`: every org id is a key; null when there is no confident suggestion. */
export function matchConfident(input: Pick<MatchFile, 'orgs' | 'customers'>): ConfidentMatches {
  // Null prototype: an org id of "__proto__" must be an ordinary key.
  const out: ConfidentMatches = Object.create(null) as ConfidentMatches
  for (const o of input.orgs) out[o.id] = null
  for (const s of suggestMatches(input.orgs, input.customers)) {
    if (s.confident) out[s.orgId] = { customerId: s.customerId, score: s.score }
  }
  return out
}
