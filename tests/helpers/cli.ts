import { runCli } from '../../src/main/cli/run'

/** Runs the CLI in-process with a memory secret store; what it printed, joined, and its exit code. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: { PSA_BRIDGE_SECRET_STORE: 'memory', ...env }
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}
