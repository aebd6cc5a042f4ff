import { writeFileSync } from 'node:fs'
import type { CliContext } from './run'

/**
 * Writes a command's output file. Refuses to replace an existing file unless `force` ('wx' fails
 * atomically if it exists: no check-then-write race). Owner-only mode: exports name clients.
 * Returns false (with the exit code and message set) when nothing was written.
 */
export function writeOutputFile(cli: CliContext, path: string, data: string | Buffer, force: boolean): boolean {
  try {
    writeFileSync(path, data, { flag: force ? 'w' : 'wx', mode: 0o600 })
    return true
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST') cli.fail(2, `Error (conflict): ${path} already exists.\nUse --force to overwrite it.`)
    else cli.fail(1, `Error (internal): cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`)
    return false
  }
}
