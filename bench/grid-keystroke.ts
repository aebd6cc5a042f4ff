// Search-keystroke timing of a virtualized grid in Chromium, shared by the grid benches (assets, customers).
//
// What one keystroke costs, per key of several queries each typed then erased. The queries differ (from their first
// character on): a grid may remember the rows of a search it has seen, and the same query again would time that.
// - wall: from the keydown event's timestamp (when the input reached the page) to the end of the first frame after
//   the grid shows that keystroke's rows. The grid says which search its rows answer (data-query on the table);
//   the frame is over when a task queued from the next requestAnimationFrame runs (after that frame's paint).
//   Measured inside the page with performance.now(), so CDP round trips are not billed. Load on the machine
//   inflates it (the renderer waits for a core).
// - main-thread CPU: CPU time of the renderer's main thread over the keystroke (CDP Performance metrics in thread
//   ticks), of which script: time in JavaScript. The machine's load barely changes these. They include the
//   small evaluate that reads the result, so they are an upper bound of the keystroke's own work.
// Set BENCH_CPU_PROFILE=<file.cpuprofile> to write a V8 CPU profile of the keystrokes, BENCH_TRACE=<file.json> a
// Chromium trace of them (style, layout, paint per thread, with thread CPU time); open either in DevTools.
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { figure, type Figure } from './issue12/stats'
import { benchRow } from './report'

export const KEYSTROKE_TARGET_MS = 50

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PSA_BRIDGE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
  })
}

export interface GridSearch {
  /** Accessible name of the search box, e.g. "Search assets". */
  input: string
  /** Accessible name of the grid (role=table, carrying data-query), e.g. "Assets". */
  table: string
}

export interface KeystrokeFigures {
  keys: number
  /** Per keystroke, ms. */
  wall: number[]
  cpu: number[]
  script: number[]
  load: number
}

/** Types each query into the grid's search box and erases it, timing every keystroke. */
export async function timeKeystrokes(
  page: Page,
  grid: GridSearch,
  queries: readonly string[]
): Promise<KeystrokeFigures> {
  const cdp = await page.context().newCDPSession(page)
  // threadTicks: durations are the main thread's CPU time, not wall time.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  const profile = process.env.BENCH_CPU_PROFILE
  if (profile) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  await page.getByRole('searchbox', { name: grid.input }).focus()
  const trace = process.env.BENCH_TRACE
  const browser = page.context().browser()!
  if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES })
  const out: KeystrokeFigures = { keys: 0, wall: [], cpu: [], script: [], load: 0 }
  for (const query of queries)
    for (const key of [...query, ...[...query].map(() => 'Backspace')]) {
      const r = await keystroke(page, cdp, grid, key)
      out.wall.push(r.wall)
      out.cpu.push(r.cpu)
      out.script.push(r.script)
    }
  if (trace) {
    await browser.stopTracing()
    console.log(`  trace of the keystrokes written to ${trace}`)
  }
  out.keys = out.wall.length
  out.load = loadavg()[0]!
  if (profile) {
    const { profile: p } = await cdp.send('Profiler.stop')
    writeFileSync(profile, JSON.stringify(p))
    console.log(`  CPU profile of the keystrokes written to ${profile}`)
  }
  await cdp.detach()
  return out
}

/** Prints the figures and sends the bench rows: wall against the target, CPU for comparison. */
export function reportKeystrokes(what: string, queries: readonly string[], f: KeystrokeFigures): void {
  const wall = figure(f.wall)
  const how = `${f.keys} keystrokes: ${queries.map((q) => `"${q}"`).join(', ')} each typed then erased`
  const note = `load ${f.load.toFixed(1)}; main-thread CPU ${ms(figure(f.cpu))}, of which script ${ms(figure(f.script))}`
  console.log(`  ${what}, ${how}:`)
  console.log(`    wall ${ms(wall)}, p95 ${p95(f.wall).toFixed(1)} ms (target < ${KEYSTROKE_TARGET_MS} ms)`)
  console.log(`    ${note}`)
  console.log(
    `    per key, wall / CPU ms: ${f.wall.map((w, i) => `${w.toFixed(0)}/${f.cpu[i]!.toFixed(0)}`).join(' ')}`
  )
  benchRow({
    what: `${what}: keydown → filtered grid painted`,
    target: `< ${KEYSTROKE_TARGET_MS} ms`,
    measured: `${ms(wall)} (min/median/max over ${how}), p95 ${p95(f.wall).toFixed(1)} ms`,
    met: wall.median < KEYSTROKE_TARGET_MS,
    note
  })
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'v8']
const ms = (f: Figure) => `${f.min.toFixed(1)} / ${f.median.toFixed(1)} / ${f.max.toFixed(1)} ms`
const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN

// In-page scripts are strings: this file compiles without the DOM lib (tsconfig.node.json).
/** Arms a timer for the next keystroke: its keydown → the first frame after the grid's data-query is the input's. */
const armKeyTimer = (grid: GridSearch) => `(() => {
  window.__benchKey = new Promise((resolve) => {
    addEventListener('keydown', (e) => {
      const input = document.querySelector(${JSON.stringify(`input[aria-label="${grid.input}"]`)})
      const table = document.querySelector(${JSON.stringify(`[role="table"][aria-label="${grid.table}"]`)})
      const check = () => {
        if (table.dataset.query === input.value) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - e.timeStamp), 0))
        else requestAnimationFrame(check)
      }
      // After the input event has been handled (a discrete event: React renders it before the next task).
      setTimeout(check, 0)
    }, { once: true, capture: true })
  })
})()`

async function mainThread(cdp: CDPSession): Promise<{ cpu: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const at = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000
  return { cpu: at('TaskDuration'), script: at('ScriptDuration') }
}

async function keystroke(
  page: Page,
  cdp: CDPSession,
  grid: GridSearch,
  key: string
): Promise<{ wall: number; cpu: number; script: number }> {
  await page.evaluate(armKeyTimer(grid))
  const before = await mainThread(cdp)
  await page.keyboard.press(key)
  const wall = (await page.evaluate('window.__benchKey')) as number
  const after = await mainThread(cdp)
  return { wall, cpu: after.cpu - before.cpu, script: after.script - before.script }
}
