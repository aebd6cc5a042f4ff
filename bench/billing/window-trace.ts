// Times every request of every rate window (asked, granted, replied) and prints, per API, where a sync's wall time
// went beyond the rate-limit floor: start-up before the first request, each window's batch of grants vs the floor's
// schedule, latency, and the tail after the last reply. Installed in the app's process (billing/sync-child.ts with
// BENCH_TIMELINE=1, as billing/timeline.ts starts it, which prints the summary): it wraps ReplyWindow.run, so it must
// live where the limiter runs.
import { performance } from 'node:perf_hooks'
import { ReplyWindow } from '../../src/main/connectors/http/reply-window'

interface Req {
  asked: number
  granted: number
  replied: number
  /** This process's CPU (user + system, ms) when the reply came. */
  cpu: number
}
/** ReplyWindow's fields this trace reads (private there; the trace wraps its run to time each request). */
interface Traced {
  limit: number
  windowMs: number
  run(fn: () => Promise<unknown>, signal?: AbortSignal): Promise<unknown>
}
const byWindow = new Map<Traced, { limit: number; windowMs: number; reqs: Req[] }>()

export function installWindowTrace(): void {
  const proto = ReplyWindow.prototype as unknown as Traced
  const origRun = proto.run
  proto.run = function (this: Traced, fn, signal) {
    let w = byWindow.get(this)
    if (!w) byWindow.set(this, (w = { limit: this.limit, windowMs: this.windowMs, reqs: [] }))
    const r: Req = { asked: performance.now(), granted: 0, replied: 0, cpu: 0 }
    w.reqs.push(r)
    return origRun.call(
      this,
      async () => {
        r.granted = performance.now()
        try {
          return await fn()
        } finally {
          r.replied = performance.now()
          r.cpu = cpuMs(process.cpuUsage())
        }
      },
      signal
    )
  }
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000

const NAMES: Record<number, string> = { 180: 'syncro', 600: 'jumpcloud', 10_000: 'autotask' }

/**
 * The summary of the requests asked between t0 and t1 (performance.now() times of this process); cpu0 is the
 * process's CPU usage at t0.
 */
export function windowTrace(t0: number, t1: number, cpu0: NodeJS.CpuUsage): string {
  const lines: string[] = [`    wall ${(t1 - t0).toFixed(0)} ms`]
  const say = (s: string) => lines.push(s)
  for (const w of byWindow.values()) {
    const reqs = w.reqs.filter((r) => r.asked >= t0 && r.asked <= t1)
    if (!reqs.length) continue
    const name = NAMES[w.limit] ?? String(w.limit)
    const g = reqs.map((r) => r.granted - t0).sort((a, b) => a - b)
    const lat = reqs.map((r) => r.replied - r.granted).sort((a, b) => a - b)
    const wait = reqs.map((r) => r.granted - r.asked)
    const lastReply = Math.max(...reqs.map((r) => r.replied)) - t0
    const q = (a: number[], p: number) => a[Math.min(a.length - 1, Math.floor(p * a.length))]!.toFixed(1)
    say(
      `    ${name}: ${reqs.length} req; first asked ${(Math.min(...reqs.map((r) => r.asked)) - t0).toFixed(0)} ms, first granted ${g[0]!.toFixed(0)} ms; last granted ${g.at(-1)!.toFixed(0)}, last reply ${lastReply.toFixed(0)}, tail to end ${(t1 - t0 - lastReply).toFixed(0)} ms`
    )
    say(
      `      latency ms p50 ${q(lat, 0.5)} p90 ${q(lat, 0.9)} p99 ${q(lat, 0.99)} max ${lat.at(-1)!.toFixed(1)}; granted without waiting: ${wait.filter((x) => x < 0.5).length}`
    )
    // Window k's batch: grants k*limit .. (k+1)*limit-1; the floor has batch k start at k*window.
    const parts: string[] = []
    for (let k = 0; k * w.limit < g.length; k++) {
      const first = g[k * w.limit]!
      const last = g[Math.min(g.length, (k + 1) * w.limit) - 1]!
      parts.push(`#${k} ${first.toFixed(0)}…${last.toFixed(0)} (+${(first - k * w.windowMs).toFixed(0)})`)
    }
    say(`      batches (grant first…last, +late vs floor): ${parts.join('; ')}`)
    if (process.env.TIMELINE_FIRST)
      say(
        `      first: ${reqs
          .slice(0, Number(process.env.TIMELINE_FIRST))
          .map((r) => `${(r.granted - t0).toFixed(0)}→${(r.replied - t0).toFixed(0)}`)
          .join(' ')}`
      )
    // TIMELINE_BINS=ms: grants per bin over the first window (what the first window's spread is made of).
    const bin = Number(process.env.TIMELINE_BINS ?? 0)
    if (bin > 0) {
      const counts = new Array<number>(Math.ceil(w.windowMs / bin)).fill(0)
      for (const x of g) if (x < w.windowMs) counts[Math.floor(x / bin)]!++
      say(`      first window, grants per ${bin} ms: ${counts.join(' ')}`)
    }
    const at = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9].map((p) => `${p * 100}% ${q(g, p)}`)
    say(`      granted by (ms): ${at.join(', ')}`)
    // The last window's k requests take the slots freed by the first window's first k replies (the window counts
    // by replies), so the k-th reply of the run, plus the windows between, is when the last one can start: how fast
    // the first k came back, and the CPU this process spent until then, bound the whole run.
    if (reqs.length > w.limit) {
      const k = ((reqs.length - 1) % w.limit) + 1
      const kth = [...reqs].sort((a, b) => a.replied - b.replied)[k - 1]!
      say(
        `      reply #${k} (the last window's ${k} requests follow it) at ${(kth.replied - t0).toFixed(0)} ms, CPU of this process until then ${(kth.cpu - cpuMs(cpu0)).toFixed(0)} ms`
      )
    }
    // Work left when the other APIs were done: a backlog here is this API's own pace, not its rate limit.
    const ends = [...byWindow.values()]
      .filter((o) => o !== w)
      .map((o) => Math.max(...o.reqs.filter((r) => r.asked >= t0 && r.asked <= t1).map((r) => r.replied)) - t0)
    for (const end of ends.filter(Number.isFinite))
      say(`      granted after ${end.toFixed(0)} ms (the other API's last reply): ${g.filter((x) => x > end).length}`)
  }
  return lines.join('\n')
}
