import type { AssetRow, AssetTab } from '../../../../shared/contract/assets'

/** Rows of one tab whose device, asset, serial, MAC or customer contains every word of the query (case-insensitive). */
export function filterAssetRows(rows: readonly AssetRow[], tab: AssetTab, query: string): AssetRow[] {
  const inTab = rows.filter((r) => r.tab === tab)
  return narrow(inTab, query)
}

function narrow(rows: readonly AssetRow[], query: string): AssetRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...rows]
  return rows.filter((r) => {
    const text = haystack(r)
    return words.every((w) => text.includes(w))
  })
}

const KEEP_RESULTS = 32

/**
 * filterAssetRows for one list of rows, remembering recent results: a query that extends an earlier one (the next
 * typed character) only narrows that earlier result, and an erased character finds its result again. Sound because
 * a row matching "abc d" contains every word of any prefix of it ("ab", "abc ").
 */
export function createRowFilter(rows: readonly AssetRow[]): (tab: AssetTab, query: string) => AssetRow[] {
  const results = new Map<string, AssetRow[]>()
  return (tab, query) => {
    const q = query.toLowerCase()
    const key = `${tab}\u0000${q}`
    let out = results.get(key)
    if (!out) {
      let base: AssetRow[] | undefined
      for (let n = q.length - 1; n >= 0 && !base; n--) base = results.get(`${tab}\u0000${q.slice(0, n)}`)
      out = base ? narrow(base, q) : filterAssetRows(rows, tab, q)
      if (results.size >= KEEP_RESULTS) results.delete(results.keys().next().value!)
    } else results.delete(key)
    results.set(key, out) // most recently used last
    return out
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

/** Builds every row's search text up front (when a view arrives), so no keystroke pays for it. */
export function indexAssetRows(rows: readonly AssetRow[]): void {
  for (const r of rows) haystack(r)
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
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const first = words[0] ?? ''
  const prefix: AssetRow[] = []
  const rest: AssetRow[] = []
  for (const c of candidates) {
    const text = haystack(c)
    if (!words.every((w) => text.includes(w))) continue
    if (first && (c.assetName ?? '').toLowerCase().startsWith(first)) prefix.push(c)
    else rest.push(c)
  }
  const all = [...prefix, ...rest]
  return { items: all.slice(0, limit), more: Math.max(0, all.length - limit) }
}
