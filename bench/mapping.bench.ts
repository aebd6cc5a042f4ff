// Prints how long customer matching takes at MSP scale. Run: npx tsx bench/mapping.bench.ts [size]
// A benchmark prints figures; it asserts nothing.
import { performance } from 'node:perf_hooks'
import { normalizeName } from '../src/main/customers/normalize'
import { suggestMatches } from '../src/main/customers/suggest'
import { generateLists } from '../tests/fixtures/customers/business-names'

const size = Number(process.argv[2] ?? 5000)
const { orgs, customers, truth } = generateLists(size)

// CPU time is printed next to wall time: on a shared machine wall time includes waiting for a core.
const cpuMs = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start)
  return (u.user + u.system) / 1000
}

// First (cold) run: includes JIT compilation, which is what the app sees on its first "Suggest" click.
let t = performance.now()
let cpu = process.cpuUsage()
let suggestions = suggestMatches(orgs, customers)
const cold = { wall: performance.now() - t, cpu: cpuMs(cpu) }

t = performance.now()
for (const x of [...orgs, ...customers]) normalizeName(x.name)
const normalizeMs = performance.now() - t

const runs: { wall: number; cpu: number }[] = []
for (let i = 0; i < 3; i++) {
  t = performance.now()
  cpu = process.cpuUsage()
  suggestions = suggestMatches(orgs, customers)
  runs.push({ wall: performance.now() - t, cpu: cpuMs(cpu) })
}

const confident = suggestions.filter((s) => s.confident)
const right = (s: { orgId: string; customerId: string }) => truth.get(s.orgId) === s.customerId
const fmt = (ms: number) => `${ms.toFixed(0)} ms`
console.log(`customer matching, ${orgs.length} orgs × ${customers.length} customers (seeded generator)`)
console.log(`  normalise ${orgs.length + customers.length} names (warm): ${fmt(normalizeMs)}`)
const both = (r: { wall: number; cpu: number }) => `${fmt(r.wall)} wall / ${fmt(r.cpu)} cpu`
console.log(`  suggest-all, first run (cold JIT): ${both(cold)}`)
console.log(`  suggest-all, warm runs: ${runs.map(both).join('; ')}`)
console.log(`  suggestions: ${suggestions.length}, confident: ${confident.length}, planted pairs: ${truth.size}`)
console.log(
  `  vs planted pairs: confident right ${confident.filter(right).length}, confident other ${confident.filter((s) => !right(s)).length}; ` +
    `shown right ${suggestions.filter(right).length}`
)
