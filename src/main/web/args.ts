import { z } from 'zod'
import { AppError } from '../../shared/errors'

export interface WebArgs {
  port: number
  staticDir?: string
  /** Also run the background jobs (schedule, sampling, alert polling), as `psa-bridge service` does. */
  background: boolean
}

const PortSchema = z.coerce.number().int().min(0).max(65535)

function flag(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === name) return argv[i + 1]
    if (a.startsWith(name + '=')) return a.slice(name.length + 1)
  }
  return undefined
}

/**
 * The bridge's own flags. `--data-dir` is read by resolveDataDir and the secret store by the
 * core (PSA_BRIDGE_SECRET_STORE), so neither is parsed twice here.
 */
export function parseWebArgs(argv: string[]): WebArgs {
  const rawPort = flag(argv, '--port') ?? '0'
  const port = PortSchema.safeParse(rawPort)
  if (!port.success)
    throw new AppError('validation', `--port must be a number from 0 to 65535, got "${rawPort.slice(0, 20)}"`)
  return { port: port.data, staticDir: flag(argv, '--static-dir'), background: argv.includes('--background') }
}
