#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size=2: V8's young generation grows to 2 × 16 MB by default, sized for allocation-heavy pages.
// This process waits on the PSAs' rate limits (a 5,000-org sync is I/O-bound), so a 4 MB young generation costs a
// few % CPU and no wall time and keeps ~60 MB off its RSS (bench/sync-rss.bench.ts, issue 12). The old generation
// is not capped. Service definitions that start `node bin/psa-bridge.js` pass the same flag (README).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/node/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('psa-bridge is not built yet: run `npm run build` in the project folder first.')
  process.exit(2)
}
await import(cli)
