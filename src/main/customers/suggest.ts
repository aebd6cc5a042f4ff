import { CandidateIndex } from './blocking'
import type { MatchFile } from './match-file'
import { WordPairMemo, type Equivalences } from './align'
import { explainScored } from './explain'
import { normalizeName, type NormalizedName } from './normalize'
import { cannotReach, WordRelations } from './reach'
import { nameWeights, rivalStrength, scoreNames, type NameWeights, type Scored } from './similarity'
import { corpusWeights, type CorpusWeights } from './weights'

export { MatchFileSchema, parseMatchFile, parseMatchFileText, type MatchFile } from './match-file'

/** At or above (and with the margins below): offered for "Accept all". */
export const CONFIDENT = 0.8
/** At or above: shown, accepted one by one. */
export const SUGGEST = 0.6
/** A confident suggestion also needs this lead over any other pairing of the same org or customer (both sides). */
export const CONFIDENT_MARGIN = 0.1
/** A pair that rests on a typo is confident only when nothing else comes this close to either side. */
export const RIVAL = 0.45
/** Pairings scored at least this (or this close before the 'different' cap) count as rivals. */
export const KEEP = 0.25
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
  /** Word equivalences learned from the admin's mappings ("chiro|chiropractic", both directions). */
  learned?: Equivalences
}

interface Edge {
  o: number
  c: number
  score: number
  /** How close a rival this pairing is: its score, or its matched share when it was capped as 'different'. */
  strength: number
  /** The score on the words both names share (Scored.core, else the score): what rivals.core compares. */
  core: number
  /** Kept only for pairs that can be shown (score ≥ SUGGEST); see UNSHOWN. */
  scored: Scored
}

/**
 * Stands in for the scoring detail of a pair below SUGGEST: such a pair only ever counts as a rival (score, core,
 * strength), and dropping its alignment lets the ~10^5 objects behind it die young instead of being copied by the
 * garbage collector until the run ends.
 */
const UNSHOWN: Scored = { score: 0, kind: 'none' }

interface Side {
  id: string
  n: NormalizedName
  /** The name's word weights among this run's names, computed once per name rather than per pair. */
  w?: NameWeights
}

function prepare(list: readonly Named[], excluded: Set<string> | undefined): Side[] {
  const out: Side[] = []
  for (const x of list) {
    if (excluded?.has(x.id)) continue
    const n = normalizeName(x.name)
    if (n.key !== '') out.push({ id: x.id, n })
  }
  return out
}

function scoreCandidates(orgs: Side[], customers: Side[], weights: CorpusWeights, learned?: Equivalences): Edge[] {
  const index = new CandidateIndex(customers.map((c) => c.n))
  const ctx = { weight: weights.weight, learned, memo: new WordPairMemo() }
  const words = new WordRelations(learned)
  for (const x of orgs) x.w = nameWeights(x.n, weights.weight, words.wordId)
  for (const x of customers) x.w = nameWeights(x.n, weights.weight, words.wordId)
  const edges: Edge[] = []
  orgs.forEach((org, o) => {
    // Same normalised name: only a spacing variant (0.96) can come within CONFIDENT_MARGIN of it, so skip the
    // fuzzy search for this org and score just those.
    const exact = index.exact(org.n.key)
    const candidates = exact.length > 0 ? index.sameLetters(org.n) : index.candidates(org.n, CANDIDATES_PER_ORG)
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!
      const cust = customers[c]!
      // Settled without aligning: this pair could not even count as a rival.
      if (cannotReach(org.n, cust.n, KEEP, words, org.w!, cust.w!)) continue
      const scored = scoreNames(org.n, cust.n, ctx, org.w, cust.w)
      const strength = rivalStrength(scored)
      if (strength < KEEP) continue
      const core = scored.core ?? scored.score
      edges.push({ o, c, score: scored.score, strength, core, scored: scored.score >= SUGGEST ? scored : UNSHOWN })
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

/** Which figure of an edge a runner-up is taken on. */
type Figure = 'score' | 'core' | 'strength'

// A direct field read per figure rather than a callback per figure: one shared callback site saw three closures and
// could not be inlined, in a loop over every edge.
function figureOf(e: Edge, f: Figure): number {
  return f === 'score' ? e.score : f === 'core' ? e.core : e.strength
}

/** The best and second-best edge per org (or per customer) index, in two arrays rather than a tuple per index. */
interface TopTwo {
  first: (Edge | undefined)[]
  second: (Edge | undefined)[]
}

function keepTop(top: TopTwo, k: number, e: Edge, f: Figure): void {
  const first = top.first[k]
  const second = top.second[k]
  if (!first) top.first[k] = e
  else if (figureOf(e, f) > figureOf(first, f)) {
    top.second[k] = first
    top.first[k] = e
  } else if (!second || figureOf(e, f) > figureOf(second, f)) top.second[k] = e
}

function otherThan(top: TopTwo, k: number, e: Edge, f: Figure): number {
  const first = top.first[k]
  const other = first !== e ? first : top.second[k]
  return other ? figureOf(other, f) : 0
}

function topTwo(size: number): TopTwo {
  return { first: new Array<Edge | undefined>(size).fill(undefined), second: new Array(size).fill(undefined) }
}

/** Best other value involving the same org or the same customer (the runner-up on both sides). */
function runnerUp(byO: TopTwo, byC: TopTwo, f: Figure): (e: Edge) => number {
  return (e) => Math.max(otherThan(byO, e.o, e, f), otherThan(byC, e.c, e, f))
}

/**
 * The runner-ups of all three figures, from one pass over the edges: a pass per figure had the first pass's
 * optimised code see only 'score' and be thrown away for 'core', then 'strength'.
 */
function rivalsOf(edges: Edge[], orgs: number, customers: number): Rivals {
  // The two best edges per org and per customer (ties keep the earlier edge first, as a stable sort would).
  const scoreO = topTwo(orgs)
  const scoreC = topTwo(customers)
  const coreO = topTwo(orgs)
  const coreC = topTwo(customers)
  const nearO = topTwo(orgs)
  const nearC = topTwo(customers)
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!
    keepTop(scoreO, e.o, e, 'score')
    keepTop(scoreC, e.c, e, 'score')
    keepTop(coreO, e.o, e, 'core')
    keepTop(coreC, e.c, e, 'core')
    keepTop(nearO, e.o, e, 'strength')
    keepTop(nearC, e.c, e, 'strength')
  }
  return {
    second: runnerUp(scoreO, scoreC, 'score'),
    core: runnerUp(coreO, coreC, 'core'),
    near: runnerUp(nearO, nearC, 'strength')
  }
}

interface Rivals {
  /** Best other score on either side. */
  second: (e: Edge) => number
  /** Best other pairing ignoring one-sided words: "Kestrel Dental" is as close to "(North)" as to "(South)". */
  core: (e: Edge) => number
  /** Best other pairing's strength, 'different' ones included. */
  near: (e: Edge) => number
}

function isConfident(e: Edge, rivals: Rivals): boolean {
  const s = e.scored
  if (s.kind === 'different' || s.kind === 'none' || s.risky || s.distinctExtra) return false
  if (e.score < CONFIDENT || e.score - rivals.second(e) < CONFIDENT_MARGIN) return false
  // A containment match must also beat the others on the words the names do share.
  if (s.kind === 'partial' && (s.core ?? e.score) - rivals.core(e) < CONFIDENT_MARGIN) return false
  // A near-miss is confident only when no other name on either side comes close ("Johnson" / "Johnston").
  return !s.near || rivals.near(e) < RIVAL
}

/** "the only customer sharing the rare word 'Kestrel'": the evidence behind a match that is not an exact one. */
function rareWordPhrase(org: NormalizedName, e: Edge, weights: CorpusWeights): string | null {
  const al = e.scored.alignment
  if (!al || e.scored.kind === 'same') return null
  let best: number | null = null
  for (const m of al.matches) {
    if (m.rel !== 'same' || m.i.length !== 1) continue
    const i = m.i[0]!
    if (org.deco[i]) continue
    if (best === null || weights.weight(org.tokens[i]!) > weights.weight(org.tokens[best]!)) best = i
  }
  // Shared by just this org and this customer among all names.
  return best !== null && weights.count(org.tokens[best]!) <= 2
    ? `the only customer sharing the rare word '${org.surfaces[best]}'`
    : null
}

export function suggestMatches(
  orgs: readonly Named[],
  customers: readonly Named[],
  opts: SuggestOptions = {}
): Suggestion[] {
  const os = prepare(orgs, opts.exclude?.orgIds)
  const cs = prepare(customers, opts.exclude?.customerIds)
  const weights = corpusWeights([...os.map((x) => x.n), ...cs.map((x) => x.n)])
  const edges = scoreCandidates(os, cs, weights, opts.learned)
  const rivals = rivalsOf(edges, os.length, cs.length)
  return assign(edges.filter((e) => e.score >= SUGGEST)).map((e) => {
    const reason = explainScored(os[e.o]!.n, cs[e.c]!.n, e.scored)
    const rare = rareWordPhrase(os[e.o]!.n, e, weights)
    return {
      orgId: os[e.o]!.id,
      customerId: cs[e.c]!.id,
      score: e.score,
      confident: isConfident(e, rivals),
      // Reasons are built only for what is shown, not for every scored pair.
      reason: rare ? `${reason}; ${rare}` : reason
    }
  })
}

export type ConfidentMatches = Record<string, { customerId: string | number; score: number } | null>

/** For `psa-bridge match FILE --json`: every org id is a key; null when there is no confident suggestion. */
export function matchConfident(input: {
  orgs: readonly Named[]
  customers: readonly (Named | MatchFile['customers'][number])[]
}): ConfidentMatches {
  // Null prototype: an org id of "__proto__" must be an ordinary key.
  const out: ConfidentMatches = Object.create(null) as ConfidentMatches
  for (const o of input.orgs) out[o.id] = null
  // The customer id goes back as it was given: 77 stays a number, "77" a string.
  const given = new Map(input.customers.map((c) => [c.id, 'given' in c ? c.given : c.id]))
  for (const s of suggestMatches(input.orgs, input.customers)) {
    if (s.confident) out[s.orgId] = { customerId: given.get(s.customerId) ?? s.customerId, score: s.score }
  }
  return out
}
