import { join } from 'node:path'
import { openDatabase, type Db } from '../db/connection'
import { migrate } from '../db/migrate'
import { migrations } from '../db/migrations'
import { createSecretStore, secretStoreKindFrom, withRedaction, type SecretStore } from '../secrets'
import { createLogger, type Logger } from '../core/log'

export interface CoreOpenOptions {
  dataDir: string
  secretStore?: SecretStore['kind']
  /** A ready store (tests); wins over `secretStore`. */
  secrets?: SecretStore
  env?: NodeJS.ProcessEnv
  logEcho?: boolean
  /** Plain log lines to this too (`psa-bridge service` prints them on stdout). */
  logTo?: (line: string) => void
}

/** What every core of a data dir starts from: the log, the migrated database and the secret store. */
export interface CoreBase {
  log: Logger
  db: Db
  /** The store itself (its kind is what status shows). */
  store: SecretStore
  /** The store with every secret it passes registered for log redaction: what handlers get. */
  secrets: SecretStore
}

/**
 * Opens the data dir the same way for the whole app (createApp) and for the status core (status-core.ts), so a
 * light door cannot skip a migration or the redaction of secrets.
 */
export function openCoreBase(opts: CoreOpenOptions): CoreBase {
  const env = opts.env ?? process.env
  const log = createLogger({ dataDir: opts.dataDir, echo: opts.logEcho, plain: opts.logTo })
  const db = openDatabase(join(opts.dataDir, 'psa-bridge.db'))
  migrate(db, migrations)
  const store = opts.secrets ?? createSecretStore(opts.secretStore ?? secretStoreKindFrom(env), env)
  return { log, db, store, secrets: withRedaction(store, log) }
}
