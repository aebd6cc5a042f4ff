import type { CommandModule } from './run'

/**
 * `psa-bridge service`: the desktop app's background jobs (billing schedule with catch-up, usage sampling, alert
 * polling) without a window, against the same data dir, until SIGTERM or SIGINT; one per data dir. Logs go to stdout
 * as plain lines (and to the log file as always).
 */
export const serviceCommand: CommandModule = (program, cli) => {
  program
    .command('service')
    .description('run the background jobs (billing schedule, usage sampling, alert polling) until SIGTERM/SIGINT')
    .action(async () => {
      const { claimBackgroundJobs } = await import('../app/service')
      const { isAppError } = await import('../../shared/errors')
      const app = await cli.app({ logTo: (line) => cli.io.out(line) })
      let running
      try {
        running = claimBackgroundJobs(app)
      } catch (e) {
        if (!isAppError(e)) throw e
        cli.report({ ok: false, error: e.toJSON() }, false, String)
        return
      }
      const signals = cli.io.signals ?? process
      const stopped = new Promise<string>((resolve) => {
        const on = (signal: string) => () => {
          signals.off('SIGTERM', term)
          signals.off('SIGINT', int)
          resolve(signal)
        }
        const term = on('SIGTERM')
        const int = on('SIGINT')
        signals.once('SIGTERM', term)
        signals.once('SIGINT', int)
      })
      const started = running.start()
      const signal = await stopped
      app.log.info('service stopping', { signal })
      await running.stop(`The service was stopped (${signal}) while this run was in progress.`)
      await started
      app.log.info('service stopped', { signal })
    })
}
