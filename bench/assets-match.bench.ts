// How long device ↔ PSA asset matching takes at MSP scale: wall and CPU, min/median/max over RUNS runs in one
// process, the first with a cold JIT (as the app's first match after start). Run: npm run bench assets-match (or
// npx tsx bench/assets-match.bench.ts [size]). Prints figures and sends a bench row; asserts nothing.
// Target (issue 14): 50,000 devices × 50,000 assets under 2 s.
import { performance } from 'node:perf_hooks'
import { matchAssets } from '../src/main/assets/match'
import { generateFleet } from '../tests/fixtures/assets/generate'
import { figure, fmt } from './issue12/stats'
import { benchRow } from './report'

const size = Number(process.argv[2] ?? 50_000)
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5))
const TARGET_MS = 2000
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

const runs = Array.from({ length: RUNS }, run)
const r = runs[0]!.result
const right = r.matches.filter((m) => truth.get(m.deviceId) === m.assetId).length
const wall = figure(runs.map((x) => x.wall))
const cpu = figure(runs.map((x) => x.cpu))
const what = `match ${devices.length.toLocaleString('en')} devices × ${assets.length.toLocaleString('en')} PSA assets`
const found =
  `matches ${r.matches.length} (right ${right}, other ${r.matches.length - right}; planted ${truth.size}), ` +
  `conflicts ${r.conflicts.length}, shared MACs ${r.sharedMacs.length}`
console.log(`asset matching, ${what} (seeded generator)`)
console.log(
  `  wall ${fmt(wall, 'ms', 0)}; first run (cold JIT) ${runs[0]!.wall.toFixed(0)} ms (target < ${TARGET_MS} ms)`
)
console.log(`  CPU ${fmt(cpu, 'ms', 0)}`)
console.log(`  ${found}`)
benchRow({
  what,
  target: `< ${TARGET_MS / 1000} s`,
  measured: fmt(wall, 'ms', 0),
  met: wall.median < TARGET_MS,
  note: `first run cold (JIT): ${runs[0]!.wall.toFixed(0)} ms; CPU ${fmt(cpu, 'ms', 0)}; ${found}`
})
