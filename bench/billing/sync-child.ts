// The app side of sync-rss.bench.ts, in its own process so its peak RSS is the app's alone: connects to the parent's
// simulators, refreshes, maps every org and runs one billing sync, then prints one JSON line with its figures.
// Args: kind, a JSON file { sims: SimEndpoints, targets: [orgId, Target][] }, ms per scaled minute.
import { readFileSync, rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import type { SyncResult } from '../../src/shared/contract/billing'
import { connect, mapAll, type Kind, type SimEndpoints, type Target } from './setup'

const Input = z.object({
  sims: z.object({
    jumpcloud: z.object({
      consoleUrl: z.string(),
      insightsUrl: z.string(),
      apiKey: z.string(),
      providerId: z.string()
    }),
    psaUrl: z.string()
  }),
  targets: z.array(
    z.tuple([z.string(), z.object({ customerId: z.string(), containerId: z.string(), itemId: z.string() })])
  )
})

const kind = z.enum(['syncro', 'autotask']).parse(process.argv[2]) as Kind
const input = Input.parse(JSON.parse(readFileSync(z.string().parse(process.argv[3]), 'utf8')))
const minute = z.coerce.number().int().positive().parse(process.argv[4])

const mb = (bytes: number) => bytes / 1024 / 1024
const rss = () => mb(process.memoryUsage().rss)
const app = await connect(kind, input.sims as SimEndpoints, minute)
// BENCH_RSS_TRACE=<ms>: one stderr line per interval with RSS beside V8's heap and external memory, to tell what a peak
// is made of (a large RSS with a small heapUsed points at native memory; a heapUsed that falls far at each full GC, at
// garbage rather than retained objects).
let phase = 'refresh'
const traceMs = Number(process.env.BENCH_RSS_TRACE ?? 0)
const t00 = performance.now()
const trace = () => {
  const m = process.memoryUsage()
  const f = (b: number) => mb(b).toFixed(1)
  const at = ((performance.now() - t00) / 1000).toFixed(1)
  process.stderr.write(
    `  ${at} s ${phase}: rss ${f(m.rss)} MB, heapTotal ${f(m.heapTotal)}, heapUsed ${f(m.heapUsed)}, external ${f(m.external)}, arrayBuffers ${f(m.arrayBuffers)}\n`
  )
}
if (traceMs > 0) setInterval(trace, traceMs).unref()
try {
  const rssConnected = rss()
  const refreshed = await app.dispatch('refreshData', { from: 'both' })
  if (!refreshed.ok) throw new Error(refreshed.error.message)
  const rssRefreshed = rss()
  const peakRefreshed = process.resourceUsage().maxRSS / 1024
  phase = 'map'
  await mapAll(app, kind, new Map<string, Target>(input.targets))
  input.targets.length = 0 // the bench's own list (~2 MB at 5,000 orgs) is not the app's memory
  const rssBefore = rss()
  const peakBefore = process.resourceUsage().maxRSS / 1024
  phase = 'sync'
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const r = await app.dispatch('pushSync', { trigger: 'manual' })
  const cpu = process.cpuUsage(cpu0)
  if (!r.ok) throw new Error(r.error.message)
  const res = r.value as SyncResult
  console.log(
    JSON.stringify({
      orgs: input.targets.length,
      written: res.counts.written,
      failed: res.counts.failed,
      wallMs: performance.now() - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssConnectedMb: rssConnected,
      rssRefreshedMb: rssRefreshed,
      peakRefreshedMb: peakRefreshed,
      rssBeforeSyncMb: rssBefore,
      peakBeforeSyncMb: peakBefore,
      rssAfterSyncMb: mb(process.memoryUsage().rss),
      // Whole process life: start-up, refresh, mapping and the sync.
      peakRssMb: process.resourceUsage().maxRSS / 1024
    })
  )
} finally {
  await app.close()
  rmSync(app.dataDir, { recursive: true, force: true })
}
