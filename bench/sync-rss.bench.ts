// Peak RSS of the process doing a billing sync of N orgs (issue 12 target: < 150 MB at 5,000 orgs). The simulators run
// in this process and the app in a child process (billing/app-process.ts + billing/sync-child.ts, shared with
// billing.bench.ts), so the figure is the app's alone: the whole life of a process that connects, refreshes 5,000 orgs
// and customers, maps them one by one and syncs them. The child runs from a bundle, like the shipped CLI (tsx's loader
// alone would add ~35 MB), with the shipped launcher's Node flags (bench/launcher-flags.ts; BENCH_NODE_FLAGS='' measures
// without them). Limits scaled (one minute = BENCH_MINUTE ms, default 1 s: this bench is about memory, a few 429s do
// not matter).
// Sends its row with benchRow(): min / median / max over BENCH_RUNS runs (default 5; fewer for a quick check).
// Run: npm run bench sync-rss, or npx tsx bench/sync-rss.bench.ts [orgs]; BENCH_RSS_TRACE=<ms> samples memory in the
// child. Asserts nothing.
import { execFileSync } from 'node:child_process'
import { startJumpCloudSim } from '../tests/sims/jumpcloud'
import { startSyncroSim } from '../tests/sims/syncro'
import { startAppProcess } from './billing/app-process'
import { addCustomers, endpoints } from './billing/setup'
import { figure, fmt } from './issue12/stats'
import { launcherFlags } from './launcher-flags'
import { benchRow } from './report'

const ORGS = Number(process.argv[2] ?? process.env.BENCH_RSS_ORGS ?? 5000)
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5))
const MINUTE = Number(process.env.BENCH_MINUTE ?? 1000)
const kind = 'syncro'
const FLAGS = launcherFlags()

console.log(
  `sync RSS bench: ${ORGS} orgs, ${kind}, ${RUNS} runs, node ${FLAGS.join(' ') || '(no flags)'}; load ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`
)
const peaks: number[] = []
const beforeSync: number[] = []
const afterSync: number[] = []
const syncCpu: number[] = []
for (let i = 0; i < RUNS; i++) {
  const jc = await startJumpCloudSim({ seed: 11, orgs: ORGS, rateLimit: { limit: 600, windowMs: MINUTE } })
  const psa = await startSyncroSim({ seed: 11, size: 1, rateLimit: { limit: 180, windowMs: MINUTE } })
  try {
    const targets = addCustomers(kind, jc, psa)
    const app = await startAppProcess({ kind, sims: endpoints(kind, jc, psa), targets, minute: MINUTE })
    const { ready } = app
    const r = await app.sync().finally(() => app.close())
    peaks.push(r.peakRssMb)
    beforeSync.push(ready.rssBeforeSyncMb)
    afterSync.push(r.rssAfterSyncMb)
    syncCpu.push(r.cpuMs / 1000)
    console.log(
      `  run ${i + 1}: written ${r.written}, failed ${r.failed}, sync wall ${(r.wallMs / 1000).toFixed(1)} s, ` +
        `CPU ${(r.cpuMs / 1000).toFixed(1)} s; RSS connected ${ready.rssConnectedMb.toFixed(0)} MB, refreshed ${ready.rssRefreshedMb.toFixed(0)} MB ` +
        `(peak ${ready.peakRefreshedMb.toFixed(0)}), mapped ${ready.rssBeforeSyncMb.toFixed(0)} MB (peak ${ready.peakBeforeSyncMb.toFixed(0)}), ` +
        `after sync ${r.rssAfterSyncMb.toFixed(0)} MB, peak ${r.peakRssMb.toFixed(0)} MB`
    )
  } finally {
    await jc.close()
    await psa.close()
  }
}
const peak = figure(peaks)
console.log(
  `peak RSS of the app process (refresh + map + sync of ${ORGS} orgs): ${fmt(peak, 'MB', 0)} (target < 150 MB)`
)
const before = fmt(figure(beforeSync), 'MB', 0)
console.log(`  RSS just before the sync: ${before}; just after: ${fmt(figure(afterSync), 'MB', 0)}`)
benchRow({
  what: `peak RSS of the process doing a ${ORGS.toLocaleString('en')}-org sync (connect, refresh, map each org, sync; simulators in another process)`,
  target: '< 150 MB',
  measured: `${fmt(peak, 'MB', 0)}; just before the sync ${before}; the sync's CPU ${fmt(figure(syncCpu), 's', 1)}`,
  met: peak.median < 150,
  note: `node ${FLAGS.join(' ') || '(no flags)'} as bin/psa-bridge.js starts it; limits scaled to 1 min = ${MINUTE} ms`
})
