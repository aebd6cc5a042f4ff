import type { ConnectorFactory } from '../connectors/factory-types'
import type { Db } from '../db/connection'
import type { SecretStore } from '../secrets/types'
import type { EventBus } from './events'
import type { Logger } from './log'

/** Everything a domain's handlers may use. Built once by createApp. */
export interface AppContext {
  db: Db
  secrets: SecretStore
  log: Logger
  events: EventBus
  connectors: ConnectorFactory
  dataDir: string
  now: () => Date
}
