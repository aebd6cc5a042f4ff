// One row of bench/RESULTS.md. A bench calls benchRow() for each figure it measured; `npm run bench` collects the
// rows of every bench (one process each) into one table. Benches print and compare; they never fail CI.

export interface BenchRow {
  what: string
  target: string
  /** 'min / median / max unit (…)' or plain text when one figure. */
  measured: string
  /** null = no target to meet (reported for comparison). */
  met: boolean | null
  note?: string
}

export const ROW_PREFIX = 'BENCH-ROW '
/** The line bench/cpu-at-exit.ts prints: CPU ms of the bench process. */
export const CPU_PREFIX = 'BENCH-CPU '

export function benchRow(row: BenchRow): void {
  console.log(`${ROW_PREFIX}${JSON.stringify(row)}`)
}
