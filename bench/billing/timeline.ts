// Where a billing sync's wall time goes beyond the rate-limit floor: one run per PSA (first and steady sync) with
// every rate window's requests timed (asked, granted, replied), printed as a timeline summary per API: start-up
// before the first request, each window's first grant vs the floor's schedule, slots left idle while nothing waited
// (pipeline not full), and the tail after the last reply. Diagnostic only; asserts nothing.
// Run: npx tsx bench/billing/timeline.ts [syncro|autotask] [orgs] [ms per minute]
import { rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { ReplyWindow } from '../../src/main/connectors/http/reply-window'
import { startAutotaskSim } from '../../tests/sims/autotask'
import { startJumpCloudSim } from '../../tests/sims/jumpcloud'
import { startSyncroSim } from '../../tests/sims/syncro'
import { addCustomers, connect, endpoints, mapAll, scaled, type Kind } from './setup'

const kind = (process.argv[2] ?? 'syncro') as Kind
const ORGS = Number(process.argv[3] ?? 1000)
const MINUTE = Number(process.argv[4] ?? 3000)
const { HOUR } = scaled(MINUTE)

interface Req {
  asked: number
  granted: number
  replied: number
}
const byWindow = new Map<Traced, { limit: number; windowMs: number; reqs: Req[] }>()
/** ReplyWindow's fields this trace reads (private there; the trace wraps its run to time each request). */
interface Traced {
  limit: number
  windowMs: number
  run(fn: () => Promise<unknown>, signal?: AbortSignal): Promise<unknown>
}
const proto = ReplyWindow.prototype as unknown as Traced
const origRun = proto.run
proto.run = function (this: Traced, fn, signal) {
  let w = byWindow.get(this)
  if (!w) byWindow.set(this, (w = { limit: this.limit, windowMs: this.windowMs, reqs: [] }))
  const r: Req = { asked: performance.now(), granted: 0, replied: 0 }
  w.reqs.push(r)
  return origRun.call(
    this,
    async () => {
      r.granted = performance.now()
      try {
        return await fn()
      } finally {
        r.replied = performance.now()
      }
    },
    signal
  )
}

const NAMES: Record<number, string> = { 180: 'syncro', 600: 'jumpcloud', 10_000: 'autotask' }

function summary(t0: number, t1: number): void {
  console.log(`    wall ${(t1 - t0).toFixed(0)} ms`)
  for (const w of byWindow.values()) {
    const reqs = w.reqs.filter((r) => r.asked >= t0 && r.asked <= t1)
    if (!reqs.length) continue
    const name = NAMES[w.limit] ?? String(w.limit)
    const g = reqs.map((r) => r.granted - t0).sort((a, b) => a - b)
    const lat = reqs.map((r) => r.replied - r.granted).sort((a, b) => a - b)
    const wait = reqs.map((r) => r.granted - r.asked)
    const lastReply = Math.max(...reqs.map((r) => r.replied)) - t0
    const q = (a: number[], p: number) => a[Math.min(a.length - 1, Math.floor(p * a.length))]!.toFixed(1)
    console.log(
      `    ${name}: ${reqs.length} req; first asked ${(Math.min(...reqs.map((r) => r.asked)) - t0).toFixed(0)} ms, first granted ${g[0]!.toFixed(0)} ms; last granted ${g.at(-1)!.toFixed(0)}, last reply ${lastReply.toFixed(0)}, tail to end ${(t1 - t0 - lastReply).toFixed(0)} ms`
    )
    console.log(
      `      latency ms p50 ${q(lat, 0.5)} p90 ${q(lat, 0.9)} p99 ${q(lat, 0.99)} max ${lat.at(-1)!.toFixed(1)}; granted without waiting: ${wait.filter((x) => x < 0.5).length}`
    )
    // Window k's batch: grants k*limit .. (k+1)*limit-1; the floor has batch k start at k*window.
    const parts: string[] = []
    for (let k = 0; k * w.limit < g.length; k++) {
      const first = g[k * w.limit]!
      const last = g[Math.min(g.length, (k + 1) * w.limit) - 1]!
      parts.push(`#${k} ${first.toFixed(0)}…${last.toFixed(0)} (+${(first - k * w.windowMs).toFixed(0)})`)
    }
    console.log(`      batches (grant first…last, +late vs floor): ${parts.join('; ')}`)
    if (process.env.TIMELINE_FIRST)
      console.log(
        `      first: ${reqs
          .slice(0, Number(process.env.TIMELINE_FIRST))
          .map((r) => `${(r.granted - t0).toFixed(0)}→${(r.replied - t0).toFixed(0)}`)
          .join(' ')}`
      )
    const at = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9].map((p) => `${p * 100}% ${q(g, p)}`)
    console.log(`      granted by (ms): ${at.join(', ')}`)
    // Work left when the other APIs were done: a backlog here is this API's own pace, not its rate limit.
    const ends = [...byWindow.values()]
      .filter((o) => o !== w)
      .map((o) => Math.max(...o.reqs.filter((r) => r.asked >= t0 && r.asked <= t1).map((r) => r.replied)) - t0)
    for (const end of ends.filter(Number.isFinite))
      console.log(
        `      granted after ${end.toFixed(0)} ms (the other API's last reply): ${g.filter((x) => x > end).length}`
      )
  }
}

const jc = await startJumpCloudSim({ seed: 11, orgs: ORGS, rateLimit: { limit: 600, windowMs: MINUTE } })
const psa =
  kind === 'syncro'
    ? await startSyncroSim({ seed: 11, size: 1, rateLimit: { limit: 180, windowMs: MINUTE } })
    : await startAutotaskSim({ seed: 11, size: 1, hourlyLimit: 10_000, hourlyWindowMs: HOUR, latencyMs: 2 })
const targets = addCustomers(kind, jc, psa)
const app = await connect(kind, endpoints(kind, jc, psa), MINUTE)
try {
  const refreshed = await app.dispatch('refreshData', { from: 'both' })
  if (!refreshed.ok) throw new Error(refreshed.error.message)
  await mapAll(app, kind, targets)
  for (const label of ['first sync', 'steady sync']) {
    await new Promise((r) => setTimeout(r, MINUTE))
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const r = await app.dispatch('pushSync', { trigger: 'manual' })
    const t1 = performance.now()
    const c = process.cpuUsage(c0)
    if (!r.ok) throw new Error(r.error.message)
    console.log(`${kind} ${ORGS} orgs, ${label}: cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`)
    summary(t0, t1)
  }
} finally {
  await app.close()
  rmSync(app.dataDir, { recursive: true, force: true })
  await jc.close()
  await psa.close()
}
