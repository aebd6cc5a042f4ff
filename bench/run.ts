// `npm run bench`: runs every bench/*.bench.ts in turn (one process each, so peak RSS and JIT state are
// per bench), passing through any extra arguments. Prints figures; a failing bench is reported, not fatal.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = import.meta.dirname
const only = process.argv[2]
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort()
const failed: string[] = []
for (const f of files) {
  console.log(`\n=== ${f} ===`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { stdio: 'inherit' })
  if (r.status !== 0) failed.push(`${f} (exit ${r.status ?? r.signal})`)
}
if (failed.length) {
  console.log(`\nbenches that did not finish: ${failed.join(', ')}`)
  process.exitCode = 1
}
