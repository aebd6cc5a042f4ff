import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { E2E_APP_DIR, ROOT } from './paths'

const WEB_JS = join(E2E_APP_DIR, 'node', 'web.js')
const READY = /PSA Bridge is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[A-Za-z0-9_-]+)/

export interface BridgeProcess {
  /** http://127.0.0.1:PORT/?token=… — visiting it signs the browser in. */
  launchUrl: string
  origin: string
  dataDir: string
  /** Stop (SIGTERM, graceful) and start again on the same data dir; `env` overrides are merged. */
  restart(env?: NodeJS.ProcessEnv): Promise<void>
  stop(): Promise<void>
  /** Everything the process wrote, for failure messages. */
  output(): string
}

/** Starts `node out/node/web.js --data-dir D` and waits for the line it prints when ready. */
export async function startBridge(dataDir: string, env: NodeJS.ProcessEnv): Promise<BridgeProcess> {
  let child: ChildProcess | null = null
  let log = ''
  let launchUrl = ''
  let origin = ''
  let baseEnv = env

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, [WEB_JS, '--data-dir', dataDir], {
        cwd: ROOT,
        env: { ...process.env, ...baseEnv },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      child = proc
      let ready = false
      // Only this launch's output: an earlier launch printed the same line with an old port.
      const from = log.length
      proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk
        const m = READY.exec(log.slice(from))
        if (!ready && m) {
          ready = true
          launchUrl = m[1]!
          origin = `http://127.0.0.1:${m[2]}`
          resolve()
        }
      })
      proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
      proc.once('exit', (code) => {
        if (!ready) reject(new Error(`bridge exited with ${code} before it was ready:\n${log}`))
      })
    })

  const stop = async () => {
    const proc = child
    child = null
    if (!proc || proc.exitCode !== null) return
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
    proc.kill('SIGTERM')
    await exited
  }

  await launch()
  return {
    get launchUrl() {
      return launchUrl
    },
    get origin() {
      return origin
    },
    dataDir,
    async restart(extra = {}) {
      await stop()
      baseEnv = { ...baseEnv, ...extra }
      await launch()
    },
    stop,
    output: () => log
  }
}
