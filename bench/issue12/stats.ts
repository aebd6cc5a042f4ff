import { performance } from 'node:perf_hooks'

export interface Figure {
  min: number
  median: number
  max: number
  runs: number
}

export function figure(values: readonly number[]): Figure {
  const v = [...values].sort((a, b) => a - b)
  const n = v.length
  // An even count has two middles: their mean (the lower one alone flattered 2- and 4-run figures).
  const median = n % 2 ? v[(n - 1) / 2]! : (v[n / 2 - 1]! + v[n / 2]!) / 2
  return { min: v[0]!, median, max: v[n - 1]!, runs: n }
}

/** Runs fn `runs` times (after one warm-up) and returns its wall times in ms. */
export async function timeRuns(runs: number, fn: (i: number) => unknown): Promise<Figure> {
  await fn(-1)
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    out.push(performance.now() - t0)
  }
  return figure(out)
}

export const fmt = (f: Figure, unit: string, digits = 1) =>
  `${f.min.toFixed(digits)} / ${f.median.toFixed(digits)} / ${f.max.toFixed(digits)} ${unit} (min/median/max, ${f.runs} runs)`

/** Wall and CPU (user + system of this process) of each of `runs` calls of fn, after one warm-up call. */
export async function wallAndCpu(runs: number, fn: (i: number) => unknown): Promise<{ wall: Figure; cpu: Figure }> {
  await fn(-1)
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage()
    const t0 = performance.now()
    await fn(i)
    wall.push(performance.now() - t0)
    const u = process.cpuUsage(c)
    cpu.push((u.user + u.system) / 1000)
  }
  return { wall: figure(wall), cpu: figure(cpu) }
}
