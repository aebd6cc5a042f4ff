// Prints how long one search keystroke takes on the Assets grid's rows at 50,000 devices: the filter the screen
// runs per keystroke (the grid is virtualized, so rendering is bounded by the rows in view, not measured here).
// Run: npx tsx bench/assets-grid.bench.ts [size]. Target (issue): under 50 ms per keystroke.
import { performance } from 'node:perf_hooks'
import { filterAssetRows, indexAssetRows } from '../src/renderer/src/screens/assets/filter'
import type { AssetRow } from '../src/shared/contract/assets'
import { generateFleet } from '../tests/fixtures/assets/generate'

const size = Number(process.argv[2] ?? 50_000)
const { devices } = generateFleet(size)
const rows: AssetRow[] = devices.map((d, i) => ({
  key: `d:${d.id}`,
  tab: i % 3 === 0 ? 'unmatched' : 'matched',
  status: 'none',
  customerId: d.customerId,
  customerName: `Customer ${d.customerId}`,
  deviceId: d.id,
  hostname: String(d.hostnames?.[0] ?? ''),
  displayName: null,
  deviceSerial: d.serial ?? null,
  macs: [...(d.macs ?? [])],
  os: 'Windows 11 Pro',
  kind: 'laptop',
  lastContact: null,
  assetId: null,
  assetName: null,
  assetSerial: null,
  assetType: null,
  assetActive: null,
  via: null,
  reason: null,
  conflict: null
}))
const t0 = performance.now()
indexAssetRows(rows)
const indexMs = performance.now() - t0
const typed = 'ws-00a1'
const times: number[] = []
for (let k = 1; k <= typed.length; k++) {
  const t = performance.now()
  filterAssetRows(rows, 'matched', typed.slice(0, k))
  times.push(performance.now() - t)
}
console.log(`assets grid filter, ${rows.length} rows, typing "${typed}" one key at a time`)
console.log(`  search text built when the view arrives: ${indexMs.toFixed(1)} ms`)
console.log(`  keystrokes: ${times.map((x) => x.toFixed(1)).join(', ')} ms (max ${Math.max(...times).toFixed(1)} ms)`)
