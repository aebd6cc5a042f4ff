import { z } from 'zod'
import { AppError } from '../../shared/errors'

export interface WebArgs {
  port: number
  staticDir?: string
  secretStore?: 'keychain' | 'env' | 'memory'
}

const PortSchema = z.coerce.number().int().min(0).max(65535)
const SecretStoreSchema = z.enum(['keychain', 'env', 'memory'])

function flag(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === name) return argv[i + 1]
    if (a.startsWith(name + '=')) return a.slice(name.length + 1)
  }
  return undefined
}

/** Command line + environment of the bridge entry; `--data-dir` is read by resolveDataDir. */
export function parseWebArgs(argv: string[], env: NodeJS.ProcessEnv): WebArgs {
  const rawPort = flag(argv, '--port') ?? '0'
  const port = PortSchema.safeParse(rawPort)
  if (!port.success) throw new AppError('validation', `--port must be a number from 0 to 65535, got "${rawPort.slice(0, 20)}"`)
  const rawStore = env.PSA_BRIDGE_SECRET_STORE?.trim()
  let secretStore: WebArgs['secretStore']
  if (rawStore) {
    const parsed = SecretStoreSchema.safeParse(rawStore)
    if (!parsed.success) throw new AppError('config', 'PSA_BRIDGE_SECRET_STORE must be keychain, env or memory')
    secretStore = parsed.data
  }
  return { port: port.data, staticDir: flag(argv, '--static-dir'), secretStore }
}
