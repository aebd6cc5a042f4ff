// Prints how long device ↔ PSA asset matching takes at MSP scale. Run: npx tsx bench/assets-match.bench.ts [size]
// A benchmark prints figures; it asserts nothing. Target (issue): 50,000 devices × 50,000 assets under 2 s.
import { performance } from 'node:perf_hooks'
import { matchAssets } from '../src/main/assets/match'
import { generateFleet } from '../tests/fixtures/assets/generate'

const size = Number(process.argv[2] ?? 50_000)
const { devices, assets, truth } = generateFleet(size)
// Pad the PSA side to the same size with assets of customers that have no devices (they cost index work too).
for (let i = assets.length; i < size; i++)
  assets.push({ id: `x${i}`, customerId: `psa-only-${i % 97}`, serial: `X${i}`, macs: [], hostnames: [`x-${i}`] })

const cpuMs = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start)
  return (u.user + u.system) / 1000
}
const run = () => {
  const t = performance.now()
  const cpu = process.cpuUsage()
  const result = matchAssets(devices, assets)
  return { result, wall: performance.now() - t, cpu: cpuMs(cpu) }
}

const cold = run()
const warm = [run(), run(), run()]
const fmt = (r: { wall: number; cpu: number }) => `${r.wall.toFixed(0)} ms wall / ${r.cpu.toFixed(0)} ms cpu`
const r = cold.result
const right = r.matches.filter((m) => truth.get(m.deviceId) === m.assetId).length
console.log(`asset matching, ${devices.length} devices × ${assets.length} assets (seeded generator)`)
console.log(`  first run (cold JIT): ${fmt(cold)}`)
console.log(`  warm runs: ${warm.map(fmt).join('; ')}`)
console.log(
  `  matches: ${r.matches.length} (right ${right}, other ${r.matches.length - right}; planted ${truth.size}), ` +
    `conflicts: ${r.conflicts.length}, shared MACs: ${r.sharedMacs.length}`
)
