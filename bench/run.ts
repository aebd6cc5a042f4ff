// `npm run bench [name]`: runs every bench/*.bench.ts (or those whose file name contains `name`) in turn, one
// process each so peak RSS and JIT state are per bench, with their default sizes. A failing bench is reported.
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
