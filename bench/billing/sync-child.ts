// The app side of the billing benches (billing.bench.ts, sync-rss.bench.ts, billing/timeline.ts), in its own process
// as in production, where the PSAs' and JumpCloud's servers are elsewhere: the simulators run in the parent, so their
// CPU is not counted in the app's wall time, CPU or peak RSS. Driven over the IPC channel (billing/app-messages.ts):
// 'start' connects to the parent's simulators, refreshes, maps every org and answers 'ready'; each 'sync' runs one
// billing sync and answers 'synced' with its wall, the app's CPU and the counts; 'done' closes the app and exits. The
// parent starts it with billing/app-process.ts (bundled, with the shipped launcher's Node flags).
// BENCH_RSS_TRACE=<ms> samples memory per phase on stderr; BENCH_TIMELINE=1 times every rate window's requests.
import { rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { App } from '../../src/main/app/app'
import type { SyncResult } from '../../src/shared/contract/billing'
import { ToChildSchema, type FromChild, type ToChild } from './app-messages'
import { connect, mapAll, type SimEndpoints, type Target } from './setup'
import { installWindowTrace, windowTrace } from './window-trace'

if (!process.send) throw new Error('sync-child.ts runs as a forked child of a billing bench (IPC channel)')
const send = (m: FromChild) =>
  new Promise<void>((resolve, reject) => process.send!(m, undefined, {}, (e) => (e ? reject(e) : resolve())))

// Messages arrive while a sync runs; queue them for the loop below (one that fails its check ends the run).
const inbox: Array<ToChild | Error> = []
let wake: (() => void) | undefined
const deliver = (m: ToChild | Error) => {
  inbox.push(m)
  wake?.()
}
process.on('message', (raw) => {
  const m = ToChildSchema.safeParse(raw)
  deliver(m.success ? m.data : new Error(`bad message from the bench: ${m.error.message}`))
})
// The parent went away (it died or was stopped): nothing will say 'done'.
process.on('disconnect', () => deliver({ type: 'done' }))
async function next(): Promise<ToChild> {
  while (!inbox.length) await new Promise<void>((r) => (wake = r))
  wake = undefined
  const m = inbox.shift()!
  if (m instanceof Error) throw m
  return m
}

const tracing = process.env.BENCH_TIMELINE === '1'
if (tracing) installWindowTrace()
const mb = (bytes: number) => bytes / 1024 / 1024
const rss = () => mb(process.memoryUsage().rss)
const peakRss = () => process.resourceUsage().maxRSS / 1024
// BENCH_RSS_TRACE=<ms>: one stderr line per interval with RSS beside V8's heap and external memory, to tell what a peak
// is made of (a large RSS with a small heapUsed points at native memory; a heapUsed that falls far at each full GC, at
// garbage rather than retained objects).
let phase = 'connect'
const traceMs = Number(process.env.BENCH_RSS_TRACE ?? 0)
const t00 = performance.now()
if (traceMs > 0)
  setInterval(() => {
    const m = process.memoryUsage()
    const f = (b: number) => mb(b).toFixed(1)
    const at = ((performance.now() - t00) / 1000).toFixed(1)
    process.stderr.write(
      `  ${at} s ${phase}: rss ${f(m.rss)} MB, heapTotal ${f(m.heapTotal)}, heapUsed ${f(m.heapUsed)}, external ${f(m.external)}, arrayBuffers ${f(m.arrayBuffers)}\n`
    )
  }, traceMs).unref()

async function start(m: Extract<ToChild, { type: 'start' }>): Promise<App> {
  const app = await connect(m.kind, m.sims as SimEndpoints, m.minute)
  const rssConnectedMb = rss()
  const t0 = performance.now()
  phase = 'refresh'
  const refreshed = await app.dispatch('refreshData', { from: 'both' })
  if (!refreshed.ok) throw new Error(refreshed.error.message)
  const rssRefreshedMb = rss()
  const peakRefreshedMb = peakRss()
  phase = 'map'
  await mapAll(app, m.kind, new Map<string, Target>(m.targets))
  m.targets.length = 0 // the bench's own list (~2 MB at 5,000 orgs) is not the app's memory
  const setupMs = performance.now() - t0
  await send({
    type: 'ready',
    setupMs,
    rssConnectedMb,
    rssRefreshedMb,
    peakRefreshedMb,
    rssBeforeSyncMb: rss(),
    peakBeforeSyncMb: peakRss()
  })
  return app
}

async function sync(app: App): Promise<void> {
  phase = 'sync'
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const r = await app.dispatch('pushSync', { trigger: 'manual' })
  const t1 = performance.now()
  const cpu = process.cpuUsage(cpu0)
  if (!r.ok) throw new Error(r.error.message)
  const res = r.value as SyncResult
  await send({
    type: 'synced',
    status: res.status,
    written: res.counts.written,
    unchanged: res.counts.unchanged,
    failed: res.counts.failed,
    items: res.items.length,
    containers: new Set(res.items.map((i) => i.target.containerId)).size,
    wallMs: t1 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssAfterSyncMb: rss(),
    peakRssMb: peakRss(),
    ...(tracing ? { trace: windowTrace(t0, t1, cpu0) } : {})
  })
  phase = 'idle'
}

let app: App | undefined
try {
  for (let m = await next(); m.type !== 'done'; m = await next()) {
    if (m.type === 'start') {
      if (app) throw new Error("'start' twice")
      app = await start(m)
    } else if (!app) throw new Error("'sync' before 'start'")
    else await sync(app)
  }
} catch (e) {
  if (process.connected) await send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  process.exitCode = 1
} finally {
  if (app) {
    await app.close()
    rmSync(app.dataDir, { recursive: true, force: true })
  }
  if (process.connected) process.disconnect()
}
