// The Node flags the shipped launcher starts the CLI and the service with (bin/psa-bridge.js's `#!/usr/bin/env -S node
// …` line), so a bench measures the process as it ships. BENCH_NODE_FLAGS replaces them ('' = none) for comparisons.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export function launcherFlags(): string[] {
  const override = process.env.BENCH_NODE_FLAGS
  if (override !== undefined) return override.split(' ').filter(Boolean)
  const first = readFileSync(join(import.meta.dirname, '..', 'bin', 'psa-bridge.js'), 'utf8').split('\n')[0] ?? ''
  const m = /^#!\/usr\/bin\/env -S node(.*)$/.exec(first)
  if (!m) throw new Error(`bin/psa-bridge.js does not start with '#!/usr/bin/env -S node …': ${first}`)
  return m[1]!.split(' ').filter(Boolean)
}
