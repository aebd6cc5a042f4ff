import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { SimServer } from '../../sims/common/types'

// `psa-bridge` as a real child process (the CLI entry through tsx, as `npx psa-bridge` runs the built one), with a
// way to SIGKILL it at the k-th request it sends to the simulators.

const CLI = join(import.meta.dirname, '../../../src/main/cli.ts')

export interface ChildRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Requests the simulators received from it. */
  requests: number
}

/**
 * Runs `psa-bridge --data-dir DIR ...args`. With `killAt`, the child is SIGKILLed when the simulators receive its
 * `killAt.request`-th request (0 = as soon as it is spawned), `killAt.afterMs` later (0–a few ms: the child may
 * be between a reply and its database write).
 */
export async function runCli(
  dataDir: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  sims: SimServer[],
  killAt?: { request: number; afterMs: number },
  /** A long-running command (`service`): SIGTERM it once a line of its output matches. */
  stopWhen?: RegExp
): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dataDir, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  let termed = false
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString()
    if (stopWhen && !termed && stopWhen.test(stdout)) {
      termed = true
      child.kill('SIGTERM')
    }
  })
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  let requests = 0
  const kill = () => {
    const t = setTimeout(() => child.kill('SIGKILL'), killAt!.afterMs)
    child.once('exit', () => clearTimeout(t))
  }
  const offs = sims.map((s) =>
    s.onRequest(() => {
      requests++
      if (killAt && requests === killAt.request) kill()
    })
  )
  if (killAt?.request === 0) kill()
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null]
  for (const off of offs) off()
  return { code, signal, stdout, stderr, requests }
}

/** SQLite's own check of the whole file (pages, indexes, free list). */
export function integrityCheck(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join()
  } finally {
    db.close()
  }
}
