// Where a billing sync's wall time goes beyond the rate-limit floor: one run per PSA (first and steady sync) with
// every rate window's requests timed (asked, granted, replied), printed as a timeline summary per API: start-up
// before the first request, each window's first grant vs the floor's schedule, slots left idle while nothing waited
// (pipeline not full), the reply the last window waits on (with the CPU spent until it), and the tail after the last
// reply. Diagnostic only; asserts nothing.
// The app runs in its own process as in billing.bench.ts (real servers are elsewhere; the simulators answer from this
// one), so the timing is done there: the child installs billing/window-trace.ts when BENCH_TIMELINE=1.
// Run: npx tsx bench/billing/timeline.ts [syncro|autotask] [orgs] [ms per minute]; TIMELINE_FIRST=n also lists the
// first n requests' grant→reply times; TIMELINE_SYNCS=1 runs the first sync only.
import { startAutotaskSim } from '../../tests/sims/autotask'
import { startJumpCloudSim } from '../../tests/sims/jumpcloud'
import { startSyncroSim } from '../../tests/sims/syncro'
import { startAppProcess } from './app-process'
import { addCustomers, endpoints, scaled, type Kind } from './setup'

const kind = (process.argv[2] ?? 'syncro') as Kind
const ORGS = Number(process.argv[3] ?? 1000)
const MINUTE = Number(process.argv[4] ?? 3000)
const { HOUR } = scaled(MINUTE)

const jc = await startJumpCloudSim({ seed: 11, orgs: ORGS, rateLimit: { limit: 600, windowMs: MINUTE } })
const psa =
  kind === 'syncro'
    ? await startSyncroSim({ seed: 11, size: 1, rateLimit: { limit: 180, windowMs: MINUTE } })
    : await startAutotaskSim({ seed: 11, size: 1, hourlyLimit: 10_000, hourlyWindowMs: HOUR, latencyMs: 2 })
try {
  const targets = addCustomers(kind, jc, psa)
  const app = await startAppProcess({
    kind,
    sims: endpoints(kind, jc, psa),
    targets,
    minute: MINUTE,
    env: { BENCH_TIMELINE: '1' }
  })
  try {
    for (const label of ['first sync', 'steady sync'].slice(0, Number(process.env.TIMELINE_SYNCS ?? 2))) {
      await new Promise((r) => setTimeout(r, MINUTE))
      const r = await app.sync()
      console.log(
        `${kind} ${ORGS} orgs, ${label}: cpu app ${r.cpuMs.toFixed(0)} ms / sims ${r.simsCpuMs.toFixed(0)} ms`
      )
      console.log(r.trace)
    }
  } finally {
    await app.close()
  }
} finally {
  await jc.close()
  await psa.close()
}
