import { Command, CommanderError } from 'commander'
import { InputFileError, readInputText, readJsonFile } from './input-file'
import type { Envelope } from '../../shared/errors'
import type { App } from '../app/app'
import type { StatusCore } from '../app/status-core'
import { isAppError } from '../../shared/errors'
import type { ProgressStream } from './progress-output'
import { assetsCommands } from './assets-commands'
import { auditCommands } from './audit-commands'
import { billingCommands } from './billing-commands'
import { reportCommands } from './report-commands'
import { serviceCommand } from './service-command'
import { statusCommands } from './status-commands'
import { ticketingCommands } from './ticketing-commands'
import { sourceOption } from './source-option'
import { kindLabel, type SourceKind } from '../../shared/registry'

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Where long actions print progress (a bar on a TTY, plain lines otherwise); none when absent. */
  progress?: ProgressStream
  /** Where SIGTERM/SIGINT come from (`psa-bridge service`); default: this process. */
  signals?: Pick<NodeJS.Process, 'once' | 'off'>
}

/** What a command module gets: the lazily opened core and one way to print a result. */
export interface CliContext {
  io: CliIo
  /** The core of the data dir, opened on first use; `logTo` (first open only) also gets plain log lines. */
  app(o?: { logTo?: (line: string) => void }): Promise<App>
  /** The status core of the data dir (getStatus only; app/status-core.ts): what `status` needs, quick to open. */
  statusCore(): Promise<StatusCore>
  report(env: Envelope<unknown>, json: boolean, human: (v: unknown) => string): void
  fail(code: number, message: string): void
}

export type CommandModule = (program: Command, cli: CliContext) => void

/** Domain command modules (billing, ticketing …): each adds its commands to the program. */
const commandModules: CommandModule[] = [
  statusCommands,
  billingCommands,
  ticketingCommands,
  reportCommands,
  assetsCommands,
  auditCommands,
  serviceCommand
]

/** Exit codes: 0 ok, 1 the operation failed, 2 bad usage or invalid input. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let app: App | undefined
  let statusCore: StatusCore | undefined
  const resolveDir = async (dataDir?: string): Promise<string> => {
    const { resolveDataDir } = await import('../core/data-dir')
    return resolveDataDir({ argv: dataDir ? ['--data-dir', dataDir] : [], env: io.env })
  }
  const open = async (dataDir?: string, o: { logTo?: (line: string) => void } = {}): Promise<App> => {
    // The core (SQLite, connectors, every domain) loads only for a command that uses it: --help stays quick.
    const { createApp } = await import('../app/app')
    if (!app) {
      const core = await createApp({ dataDir: await resolveDir(dataDir), env: io.env, logTo: o.logTo })
      // Every command's call is a person's call through the CLI door (the audit trail records it).
      app = { ...core, dispatch: (name, input) => core.dispatch(name, input, 'cli') }
    }
    return app
  }
  let code = 0
  const report = (env: Envelope<unknown>, json: boolean, human: (v: unknown) => string) => {
    if (env.ok) {
      io.out(json ? JSON.stringify(env.value, null, 2) : human(env.value))
      return
    }
    // A reference to something that does not exist (an unknown org id) is bad input like any other.
    code = env.error.code === 'validation' || env.error.code === 'not-found' ? 2 : 1
    if (json) io.out(JSON.stringify({ error: env.error }, null, 2))
    else io.err(`Error (${env.error.code}): ${env.error.message}${env.error.hint ? `\n${env.error.hint}` : ''}`)
  }

  const program = new Command('psa-bridge')
    .description('PSA Bridge: JumpCloud MTP organizations ↔ Syncro/Autotask billing and tickets')
    .option('--data-dir <dir>', 'data directory (default: PSA_BRIDGE_DATA_DIR or the per-user data dir)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir
  const cli: CliContext = {
    io,
    app: (o) => open(dataDir(), o),
    statusCore: async () => {
      const { openStatusCore } = await import('../app/status-core')
      if (!statusCore) {
        const core = openStatusCore({ dataDir: await resolveDir(dataDir()), env: io.env })
        statusCore = { ...core, dispatch: (name, input) => core.dispatch(name, input, 'cli') }
      }
      return statusCore
    },
    report,
    fail: (c, message) => {
      code = c
      io.err(message)
    }
  }
  for (const mod of commandModules) mod(program, cli)

  program
    .command('methods')
    .description('list every API method (the same contract the UI uses)')
    .action(async () => {
      const { methodNames, methods } = await import('../../shared/contract')
      for (const n of methodNames) io.out(`${n.padEnd(22)} ${methods[n].summary}`)
    })

  program
    .command('match <file>')
    .description(
      'suggest confident org → customer matches for a JSON file {"orgs":[{id,name}],"customers":[{id,name}]}'
    )
    .option('--json', 'machine-readable output (the default)')
    .action(async (file: string) => {
      const { matchConfident, parseMatchFileText } = await import('../customers/suggest')
      let text: string
      try {
        text = readInputText(file)
      } catch (e) {
        if (!(e instanceof InputFileError)) throw e
        io.err(`Error (validation): ${e.message}`)
        code = 2
        return
      }
      try {
        io.out(JSON.stringify(matchConfident(parseMatchFileText(text)), null, 2))
      } catch (e) {
        if (!isAppError(e)) throw e
        report({ ok: false, error: e.toJSON() }, false, String)
      }
    })

  program
    .command('mappings')
    .description('current organization → customer mappings')
    .addOption(sourceOption('only the organizations of this source'))
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean; source?: SourceKind }) => {
      const a = await open(dataDir())
      const env = await a.dispatch('listMappings', {})
      type Row = {
        source: SourceKind
        orgName: string | null
        orgId: string
        customerName: string | null
        customerId: string
      }
      // The rows carry their source (org ids are per source): the filter needs no second call.
      const rows = (v: unknown) => (v as Row[]).filter((m) => !o.source || m.source === o.source)
      report(
        env.ok ? { ...env, value: rows(env.value) } : env,
        !!o.json,
        (v) =>
          (v as Row[])
            .map((m) => `${m.orgName ?? m.orgId} (${kindLabel(m.source)}) → ${m.customerName ?? m.customerId}`)
            .join('\n') || 'no mappings yet'
      )
    })

  program
    .command('call <method>')
    .description('call any API method with a JSON input (see `methods`)')
    .option('--input <json>', 'input as JSON', '{}')
    .option('--input-file <file>', 'read the input JSON from a file')
    .action(async (name: string, o: { input: string; inputFile?: string }) => {
      let input: unknown
      try {
        input = o.inputFile ? readJsonFile(o.inputFile) : JSON.parse(o.input)
      } catch (e) {
        const message = e instanceof InputFileError ? e.message : `the input is not valid JSON: ${String(e)}`
        io.err(`Error (validation): ${message}`)
        code = 2
        return
      }
      const a = await open(dataDir())
      report(await a.dispatch(name, input), true, String)
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0
      return 2
    }
    const msg = e instanceof Error ? e.message : String(e)
    io.err(`Error: ${msg}`)
    code = 1
  } finally {
    await app?.close()
    await statusCore?.close()
  }
  return code
}
