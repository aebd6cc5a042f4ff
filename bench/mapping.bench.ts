// Prints how long customer matching (suggest-all) takes at MSP scale. Run: npx tsx bench/mapping.bench.ts [size]
// (or `npm run bench mapping`). Target (issue 13): suggest-all at 5,000 × 5,000 under 1 s. A benchmark prints
// figures; it asserts nothing. Each figure is min / median / max over BENCH_RUNS (≥ 5) runs, wall and CPU: on a
// shared machine wall time includes waiting for a core, so CPU is printed next to it and `uptime` before it.
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { suggestMatches } from '../src/main/customers/suggest'
import { generateLists, type GeneratedLists } from '../tests/fixtures/customers/business-names'
import { figure, fmt } from './issue12/stats'

const size = Number(process.argv[2] ?? 5000)
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5))

interface Timed {
  wall: number
  cpu: number
}
function timed(lists: GeneratedLists): Timed & { out: ReturnType<typeof suggestMatches> } {
  const t = performance.now()
  const c = process.cpuUsage()
  const out = suggestMatches(lists.orgs, lists.customers)
  const u = process.cpuUsage(c)
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000, out }
}
const both = (runs: Timed[]) =>
  `wall ${fmt(figure(runs.map((r) => r.wall)), 'ms', 0)}; CPU ${fmt(figure(runs.map((r) => r.cpu)), 'ms', 0)}`

const load = execFileSync('uptime', { encoding: 'utf8' }).trim()
const lists = generateLists(size)
// Other lists of the same size: JIT warm, but names the normaliser has not seen (what a changed list costs).
const others = Array.from({ length: RUNS }, (_, i) => generateLists(size, 1000 + i))

// First run: cold JIT and no name normalised yet, which is what the app sees on its first "Suggest" click.
const cold = timed(lists)
const fresh = others.map((l) => timed(l))
// The same lists again: every name already normalised (the view is fetched again, nothing changed).
const again = Array.from({ length: RUNS }, () => timed(lists))

const suggestions = again[again.length - 1]!.out
const { truth } = lists
const confident = suggestions.filter((s) => s.confident)
const right = (s: { orgId: string; customerId: string }) => truth.get(s.orgId) === s.customerId
console.log(`customer matching (suggest-all), ${lists.orgs.length} orgs × ${lists.customers.length} customers`)
console.log(`  machine load: ${load}`)
console.log(`  target: < 1,000 ms`)
console.log(`  first run (cold JIT, names not seen): wall ${cold.wall.toFixed(0)} ms; CPU ${cold.cpu.toFixed(0)} ms`)
console.log(`  warm, other lists of this size (names not seen): ${both(fresh)}`)
console.log(`  warm, the same lists again (names normalised before): ${both(again)}`)
console.log(`  suggestions: ${suggestions.length}, confident: ${confident.length}, planted pairs: ${truth.size}`)
console.log(
  `  vs planted pairs: confident right ${confident.filter(right).length}, confident other ${confident.filter((s) => !right(s)).length}; ` +
    `shown right ${suggestions.filter(right).length}`
)
