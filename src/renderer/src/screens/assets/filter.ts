import type { AssetRow, AssetTab } from '../../../../shared/contract/assets'

/** Rows of one tab whose device, asset, serial, MAC or customer contains every word of the query (case-insensitive). */
export function filterAssetRows(rows: readonly AssetRow[], tab: AssetTab, query: string): AssetRow[] {
  const ws = words(query)
  return rows.filter((r) => r.tab === tab && ws.every((w) => haystack(r).includes(w)))
}

const words = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean)

const KEEP_RESULTS = 32

/** Rows and their search texts, side by side: a keystroke scans plain strings, no per-row lookup or allocation. */
interface Indexed {
  rows: AssetRow[]
  texts: string[]
}

/** The rows containing every word; `base` itself when that is all of them (a key that narrows nothing changes nothing). */
function narrowIndexed(base: Indexed, ws: readonly string[]): Indexed {
  const { rows, texts } = base
  const matches = (i: number) => ws.every((w) => texts[i]!.includes(w))
  let i = 0
  while (i < texts.length && matches(i)) i++
  if (i === texts.length) return base
  const out: Indexed = { rows: rows.slice(0, i), texts: texts.slice(0, i) }
  for (i++; i < texts.length; i++)
    if (matches(i)) {
      out.rows.push(rows[i]!)
      out.texts.push(texts[i]!)
    }
  return out
}

/**
 * filterAssetRows for one list of rows (one view), remembering recent results. Every row's search text is built
 * here, once, when the view arrives. A query that extends an earlier one (the next typed character) only narrows
 * that earlier result, and an erased character finds its result again (the same array, so React sees no change).
 * Sound because a row matching "abc d" contains every word of any prefix of it ("ab", "abc ").
 */
export function createRowFilter(rows: readonly AssetRow[]): (tab: AssetTab, query: string) => AssetRow[] {
  const results = new Map<string, Indexed>()
  const byTab = new Map<AssetTab, Indexed>()
  for (const r of rows) {
    let t = byTab.get(r.tab)
    if (!t) byTab.set(r.tab, (t = { rows: [], texts: [] }))
    t.rows.push(r)
    t.texts.push(haystack(r))
  }
  return (tab, query) => {
    const q = query.toLowerCase()
    const key = `${tab}\u0000${q}`
    let out = results.get(key)
    if (!out) {
      let base: Indexed | undefined
      for (let n = q.length - 1; n >= 0 && !base; n--) base = results.get(`${tab}\u0000${q.slice(0, n)}`)
      out = narrowIndexed(base ?? byTab.get(tab) ?? { rows: [], texts: [] }, words(q))
      if (results.size >= KEEP_RESULTS) results.delete(results.keys().next().value!)
    } else results.delete(key)
    results.set(key, out) // most recently used last
    return out.rows
  }
}

// One lower-cased string per row, built once per row object (rows are replaced, never mutated).
const cache = new WeakMap<AssetRow, string>()
function haystack(r: AssetRow): string {
  let s = cache.get(r)
  if (s === undefined) {
    s = [r.hostname, r.displayName, r.deviceSerial, ...r.macs, r.assetName, r.assetSerial, r.customerName, r.os]
      .filter(Boolean)
      .join('\u0001')
      .toLowerCase()
    cache.set(r, s)
  }
  return s
}

/** PSA-only assets grouped by customer, for "Match to" (a device only matches an asset of its own customer). */
export function candidatesByCustomer(rows: readonly AssetRow[]): Map<string, AssetRow[]> {
  const out = new Map<string, AssetRow[]>()
  for (const r of rows)
    if (r.tab === 'psa-only' && r.assetId) {
      const list = out.get(r.customerId) ?? []
      list.push(r)
      out.set(r.customerId, list)
    }
  return out
}

/** "Match to" options: assets whose name, serial, MAC or hostname contains every typed word; prefix matches first. */
export function filterCandidates(
  candidates: readonly AssetRow[],
  query: string,
  limit: number
): { items: AssetRow[]; more: number } {
  const ws = words(query)
  const first = ws[0] ?? ''
  const prefix: AssetRow[] = []
  const rest: AssetRow[] = []
  for (const c of candidates) {
    const text = haystack(c)
    if (!ws.every((w) => text.includes(w))) continue
    if (first && (c.assetName ?? '').toLowerCase().startsWith(first)) prefix.push(c)
    else rest.push(c)
  }
  const all = [...prefix, ...rest]
  return { items: all.slice(0, limit), more: Math.max(0, all.length - limit) }
}
