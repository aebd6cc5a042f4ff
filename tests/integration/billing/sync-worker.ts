// `psa-bridge sync --json` in a child process of its own, on a test's data dir (crash-reconcile.test.ts SIGKILLs it
// while the simulator holds its writes).
import { runCli } from '../../../src/main/cli/run'

const code = await runCli(['--data-dir', process.argv[2]!, 'sync', '--json'], {
  out: (t) => void process.stdout.write(`${t}\n`),
  err: (t) => void process.stderr.write(`${t}\n`),
  env: process.env
})
process.exit(code)
