// `npm run bench [name …]`: runs every bench/*.bench.ts (or those whose file name contains one of the names) in turn, one
// process each so peak RSS and JIT state are per bench, with their default sizes, and writes bench/RESULTS.md:
// machine, date, load, and one table of every figure (rows a bench sent with benchRow(); a bench that sends none
// is listed with its printed summary). A failing bench is reported, never fatal to the others.
import { spawn } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { CPU_PREFIX, ROW_PREFIX, type BenchRow } from './report'

const dir = import.meta.dirname
const only = process.argv.slice(2)
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
const files = all.filter((f) => only.length === 0 || only.some((n) => f.includes(n)))
const skipped = all.filter((f) => !files.includes(f)).map((f) => f.replace('.bench.ts', ''))

interface BenchRun {
  rows: BenchRow[]
  tail: string[]
  code: number | null
  wallMs: number
  /** CPU of the bench process itself (null: it died before saying). */
  cpuMs: number | null
}

/** Runs one bench, echoing its output; returns its rows, its last printed lines and what it took. */
function runBench(file: string): Promise<BenchRun> {
  return new Promise((resolve) => {
    const t0 = performance.now()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', join(dir, 'cpu-at-exit.ts'), join(dir, file)],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let cpuMs: number | null = null
    const rows: BenchRow[] = []
    const printed: string[] = []
    let rest = ''
    child.stdout.on('data', (b: Buffer) => {
      const lines = (rest + b.toString()).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        if (line.startsWith(ROW_PREFIX)) rows.push(JSON.parse(line.slice(ROW_PREFIX.length)) as BenchRow)
        else if (line.startsWith(CPU_PREFIX)) cpuMs = (JSON.parse(line.slice(CPU_PREFIX.length)) as { ms: number }).ms
        else {
          console.log(line)
          if (line.trim()) printed.push(line.trim())
        }
      }
    })
    child.on('close', (code) => resolve({ rows, tail: printed.slice(-6), code, wallMs: performance.now() - t0, cpuMs }))
  })
}

const loadAtStart = loadavg()
const started = new Date()
const sections: string[] = []
const failed: string[] = []
const times: string[] = []
const min = (ms: number) => (ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`)
for (const f of files) {
  console.log(`\n=== ${f} ===`)
  const r = await runBench(f)
  times.push(`| ${f.replace('.bench.ts', '')} | ${min(r.wallMs)} | ${r.cpuMs === null ? '—' : min(r.cpuMs)} |`)
  console.log(`${f}: ${min(r.wallMs)} wall, ${r.cpuMs === null ? '?' : min(r.cpuMs)} CPU of the bench process`)
  if (r.code !== 0) failed.push(`${f} (exit ${r.code})`)
  const rows: BenchRow[] = r.rows.length
    ? r.rows
    : [{ what: f, target: 'see the bench', measured: r.tail.join('<br>') || 'nothing printed', met: null }]
  sections.push(
    ...rows.map(
      (x) =>
        `| ${f.replace('.bench.ts', '')} | ${x.what} | ${x.target} | ${x.measured}${x.note ? `<br>${x.note}` : ''} | ${x.met === null ? '—' : x.met ? 'yes' : 'no'} |`
    )
  )
  if (r.code !== 0) sections.push(`| ${f.replace('.bench.ts', '')} | did not finish | — | exit ${r.code} | — |`)
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}`
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ')
const md = [
  '# Benchmark results',
  '',
  `Machine: ${machine}  `,
  `Date: ${started.toISOString()} (took ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min)  `,
  `Load average (1/5/15 min) at start ${load(loadAtStart)}, at end ${load(loadavg())}: other work on the machine inflates wall figures; CPU figures are given where a bench measures them.  `,
  `Written by \`npm run bench${only.map((n) => ` ${n}`).join('')}\`${only.length ? ' (only the benches whose name contains one of those)' : ''}. Figures are min / median / max over the runs each bench states.`,
  ...(skipped.length ? ['', `Not run this time: ${skipped.join(', ')}.`] : []),
  '',
  '| bench | what | target | measured | met |',
  '|---|---|---|---|---|',
  ...sections,
  '',
  'Time each bench took (CPU of the bench process itself; browsers and app processes it starts are not included):',
  '',
  '| bench | wall | CPU |',
  '|---|---|---|',
  ...times,
  ''
].join('\n')
writeFileSync(join(dir, 'RESULTS.md'), md)
console.log('\nwritten to bench/RESULTS.md')
if (failed.length) {
  console.log(`benches that did not finish: ${failed.join(', ')}`)
  process.exitCode = 1
}
