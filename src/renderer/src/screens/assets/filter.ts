import type { AssetRow, AssetTab } from '../../../../shared/contract/assets'

/** Rows of one tab whose device, asset, serial, MAC or customer contains every word of the query (case-insensitive). */
export function filterAssetRows(rows: readonly AssetRow[], tab: AssetTab, query: string): AssetRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const inTab = rows.filter((r) => r.tab === tab)
  if (words.length === 0) return inTab
  return inTab.filter((r) => {
    const text = haystack(r)
    return words.every((w) => text.includes(w))
  })
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
