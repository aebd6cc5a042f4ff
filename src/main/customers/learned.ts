import type { Db } from '../db/connection'
import { align, type Equivalences } from './align'
import { prepared } from '../db/prepared'
import { normalizeName } from './normalize'

// Learning from the admin: a mapping they made or accepted is evidence that its two names are one firm, so the words
// that differ between them are taken as the same word from then on (in both directions), shown in a list the admin
// can prune, and exported with the configuration.

export interface LearnedEquivalence {
  /** The two canonical words, in order (word_a < word_b). */
  a: string
  b: string
  /** As written in the names it was learned from. */
  shownA: string
  shownB: string
  orgName: string
  customerName: string
  createdAt: string
}

const usable = (t: string) => t.length >= 2 && !/\d/.test(t)

/**
 * What a mapping teaches: each word read as a short form or initials of the other side's word, and, when exactly one
 * name word on each side is left unexplained, that pair ("Dental" / "Dentistry").
 */
export function equivalencesFrom(
  orgName: string,
  customerName: string
): { a: string; b: string; shownA: string; shownB: string }[] {
  // Two names once per mapping: looked up in the lists' cache, not added to it.
  const o = normalizeName(orgName, false)
  const c = normalizeName(customerName, false)
  if (!o.key || !c.key) return []
  const al = align(o, c)
  const pairs: [number, number][] = []
  for (const m of al.matches)
    if (m.rel === 'abbreviation' && m.i.length === 1 && m.j.length === 1) pairs.push([m.i[0]!, m.j[0]!])
  const leftO = al.extraA.filter((i) => !o.deco[i])
  const leftC = al.extraB.filter((j) => !c.deco[j])
  if (leftO.length === 1 && leftC.length === 1) pairs.push([leftO[0]!, leftC[0]!])
  const out = new Map<string, { a: string; b: string; shownA: string; shownB: string }>()
  for (const [i, j] of pairs) {
    const [x, y] = [o.tokens[i]!, c.tokens[j]!]
    if (x === y || !usable(x) || !usable(y)) continue
    const [a, b, shownA, shownB] =
      x < y ? [x, y, o.surfaces[i]!, c.surfaces[j]!] : [y, x, c.surfaces[j]!, o.surfaces[i]!]
    out.set(`${a}|${b}`, { a, b, shownA, shownB })
  }
  return [...out.values()]
}

export function learnFromMapping(db: Db, orgName: string, customerName: string, now: string): number {
  const insert = prepared(
    db,
    `INSERT INTO learned_equivalences (word_a, word_b, shown_a, shown_b, org_name, customer_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (word_a, word_b) DO NOTHING`
  )
  let added = 0
  for (const e of equivalencesFrom(orgName, customerName))
    added += insert.run(e.a, e.b, e.shownA, e.shownB, orgName, customerName, now).changes
  return added
}

export function listLearned(db: Db): LearnedEquivalence[] {
  return (
    db
      .prepare(
        `SELECT word_a, word_b, shown_a, shown_b, org_name, customer_name, created_at
         FROM learned_equivalences ORDER BY created_at, word_a, word_b`
      )
      .all() as {
      word_a: string
      word_b: string
      shown_a: string
      shown_b: string
      org_name: string
      customer_name: string
      created_at: string
    }[]
  ).map((r) => ({
    a: r.word_a,
    b: r.word_b,
    shownA: r.shown_a,
    shownB: r.shown_b,
    orgName: r.org_name,
    customerName: r.customer_name,
    createdAt: r.created_at
  }))
}

export function removeLearned(db: Db, a: string, b: string): boolean {
  const [x, y] = a < b ? [a, b] : [b, a]
  return db.prepare('DELETE FROM learned_equivalences WHERE word_a = ? AND word_b = ?').run(x, y).changes === 1
}

/** Replaces the whole list (config import); the caller holds the transaction. */
export function replaceLearned(db: Db, list: readonly LearnedEquivalence[]): void {
  db.prepare('DELETE FROM learned_equivalences').run()
  const insert = db.prepare(
    `INSERT OR IGNORE INTO learned_equivalences (word_a, word_b, shown_a, shown_b, org_name, customer_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  for (const e of list) {
    const [a, b] = e.a < e.b ? [e.a, e.b] : [e.b, e.a]
    if (a !== b) insert.run(a, b, e.shownA, e.shownB, e.orgName, e.customerName, e.createdAt)
  }
}

/** The lookup the matcher uses: "a|b" and "b|a" for every learned pair. */
export function learnedLookup(db: Db): Equivalences {
  const out = new Set<string>()
  for (const e of listLearned(db)) {
    out.add(`${e.a}|${e.b}`)
    out.add(`${e.b}|${e.a}`)
  }
  return out
}
