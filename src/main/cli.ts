import { runCli } from './cli/run'

// The headless door: same core, same contract, no Electron.
const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  env: process.env,
  progress: process.stderr
})
process.exitCode = code
