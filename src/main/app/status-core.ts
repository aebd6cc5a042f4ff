import type { Envelope } from '../../shared/errors'
import type { Door } from '../../shared/contract/audit'
import { systemMethods } from '../../shared/contract/system'
import { dispatchIn } from '../core/dispatch-in'
import { openCoreBase, type CoreOpenOptions } from './core-open'
import { createSystemHandlers } from './system-handlers'

/** The part of App a read-only status caller uses. */
export interface StatusCore {
  dispatch(name: unknown, input: unknown, door?: Door): Promise<Envelope<unknown>>
  close(): Promise<void>
}

/**
 * The core for `getStatus` alone: the same data dir opening (migrations, secret store, log) and the same dispatch
 * (input and output checked by the contract), without loading or wiring every domain, the connectors or the whole
 * contract. That wiring was most of the CLI's `status` cold start (issue 12). getStatus only reads (the audit
 * catalog has it as READ), so there is no audit hook to run; any other method is refused as unknown here.
 */
export function openStatusCore(opts: CoreOpenOptions & { now?: () => Date }): StatusCore {
  const { log, db, store, secrets } = openCoreBase(opts)
  const handlers = createSystemHandlers({ db, secrets, dataDir: opts.dataDir, now: opts.now ?? (() => new Date()) })
  log.info('core started', { dataDir: opts.dataDir, secretStore: store.kind })
  return {
    dispatch: (name, input, door = 'internal') => dispatchIn(systemMethods, handlers, name, input, log, { door }),
    async close() {
      db.close()
    }
  }
}
