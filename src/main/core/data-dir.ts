import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_DIR_NAME = 'psa-bridge'

/**
 * Where the database and logs live: `--data-dir D` (or `--data-dir=D`), then PSA_BRIDGE_DATA_DIR,
 * then Electron's userData when running in the desktop app, else the platform's per-user data dir.
 */
export function resolveDataDir(opts: {
  argv: string[]
  env: NodeJS.ProcessEnv
  electronUserData?: string
  platform?: NodeJS.Platform
  home?: string
}): string {
  const fromArg = argValue(opts.argv, '--data-dir')
  if (fromArg) return resolve(fromArg)
  const fromEnv = opts.env.PSA_BRIDGE_DATA_DIR?.trim()
  if (fromEnv) return resolve(fromEnv)
  if (opts.electronUserData) return opts.electronUserData
  const platform = opts.platform ?? process.platform
  const home = opts.home ?? homedir()
  if (platform === 'win32') return join(opts.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'PSA Bridge')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'PSA Bridge')
  const xdg = opts.env.XDG_DATA_HOME?.trim()
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), APP_DIR_NAME)
}

function argValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === name) return argv[i + 1]
    if (a.startsWith(name + '=')) return a.slice(name.length + 1)
  }
  return undefined
}
