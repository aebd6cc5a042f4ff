// Browser bridge entry: `node out/node/web.js [--port N] [--data-dir D] [--static-dir D] [--background]`.
// Serves the built renderer and the core's methods on 127.0.0.1 behind a per-launch token.
import { fileURLToPath } from 'node:url'
import { createApp, resolveDataDir } from './app/app'
import { claimBackgroundJobs, type RunningJobs } from './app/service'
import { startWebServer } from './web/server'
import { parseWebArgs } from './web/args'

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2))
  const dataDir = resolveDataDir({ argv: process.argv.slice(2), env: process.env })
  // No folder opening or login item from a browser page; UI preferences in the data folder's JSON file.
  const app = await createApp({ dataDir, env: process.env, host: { door: 'bridge' } })
  const staticDir = args.staticDir ?? fileURLToPath(new URL('../renderer', import.meta.url))
  // Background jobs only with --background: one process per data dir runs them (the lease refuses a second one).
  let jobs: RunningJobs | null = null
  if (args.background) jobs = claimBackgroundJobs(app)
  const server = await startWebServer({ app, staticDir, port: args.port })
  // Tests and users parse this exact line.
  console.log(`PSA Bridge is running at ${server.launchUrl}`)
  if (jobs) void jobs.start()
  else console.log('Background jobs are off (start with --background, or run `psa-bridge service`).')

  let closing = false
  const shutdown = (signal: string): void => {
    if (closing) return
    closing = true
    app.log.info('browser bridge stopping', { signal })
    server
      .close()
      .then(() => jobs?.stop(`The browser bridge was stopped (${signal}) while this run was in progress.`))
      .then(() => app.close())
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error('Shutdown failed:', e instanceof Error ? e.message : String(e))
        process.exit(1)
      })
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((e: unknown) => {
  console.error(`PSA Bridge could not start: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
