import { runCli } from './cli/run'

// The headless door: same core, same contract, no Electron.
const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  env: process.env,
  // A getter: the first read of process.stderr builds its stream (Node's stream modules), which `status` never
  // writes to (issue 12: cold start).
  get progress() {
    return process.stderr
  }
})
process.exitCode = code
