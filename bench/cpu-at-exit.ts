// Preloaded by bench/run.ts into every bench process: at exit, one line with the CPU time the process used, so the
// report can say what each bench costs apart from waiting for a core (its own child processes are not included).
import { CPU_PREFIX } from './report'

process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  // Pipes are written synchronously on Linux and macOS, so the line is out before the process ends.
  process.stdout.write(`${CPU_PREFIX}${JSON.stringify({ ms: Math.round((user + system) / 1000) })}\n`)
})
