#!/usr/bin/env -S node --max-semi-space-size=2 --heap-growing-percent=30
// --max-semi-space-size=2: V8's young generation grows to 2 × 16 MB by default, sized for allocation-heavy pages.
// This process waits on the PSAs' rate limits (a 5,000-org sync is I/O-bound), so a 4 MB young generation costs a
// few % CPU and no wall time and keeps ~60 MB off its RSS (bench/sync-rss.bench.ts, issue 12).
// --heap-growing-percent=30: after each full GC V8 lets the old generation grow to up to 4 × what survived before the
// next one (the factor rises with CPU speed, so an idle machine grew most). A sync's live heap stays ~35-45 MB, but
// each request's short-lived objects outlive the small young generation while they wait for a rate slot, so the old
// generation filled with garbage to ~130 MB. Growing by 30 % keeps it at ~50 MB; the extra full GCs cost no
// measurable CPU (bench/sync-rss.bench.ts). The old generation is not capped. Service definitions that start
// `node bin/psa-bridge.js` pass the same flags (README).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/node/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('psa-bridge is not built yet: run `npm run build` in the project folder first.')
  process.exit(2)
}
await import(cli)
