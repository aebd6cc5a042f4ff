import type { Envelope } from '../../shared/errors'
import type { EventName, Handlers } from '../../shared/contract'
import type { ConnectorFactory } from '../connectors/factory-types'
import { createConnectorFactory } from '../connectors/factory'
import type { Db } from '../db/connection'
import { createAssetHandlers } from '../assets/handlers'
import { createBillingHandlers } from '../billing/handlers'
import { deleteOrgBillingMappings } from '../billing/store'
import { sampleUsage, type SampleSummary } from '../billing/usage-sampler'
import { createConnectHandlers } from '../connect/handlers'
import { createCustomerHandlers } from '../customers/handlers'
import type { AppContext } from '../core/context'
import { dispatch } from '../core/dispatch'
import { createEventBus, type EventBus } from '../core/events'
import type { Logger } from '../core/log'
import { createSystemHandlers } from './system-handlers'
import { deviceEvidenceSource } from './device-evidence'
import { createSettingsHandlers } from './settings-handlers'
import type { AppHost } from './host'
import { createTicketingHandlers } from '../ticketing/handlers'
import { createSeverityTicketingHandlers } from '../ticketing/severity-handlers'
import { createReportHandlers } from '../reports/handlers'
import type { Door } from '../../shared/contract/audit'
import { createAuditHandlers } from './audit/handlers'
import { createAuditHook } from './audit/hook'
import { openCoreBase, type CoreOpenOptions } from './core-open'

export { resolveDataDir } from '../core/data-dir'

export interface AppOptions extends CoreOpenOptions {
  connectors?: ConnectorFactory
  now?: () => Date
  /** The door opening the app and what it can do (folders, login item, where UI preferences live); default: CLI. */
  host?: AppHost
}

export interface App {
  handlers: Handlers
  /** `door` says who is calling (the audit trail records it); callers inside the app leave it out. */
  dispatch(name: unknown, input: unknown, door?: Door): Promise<Envelope<unknown>>
  events: Pick<EventBus, 'onAny' | 'on'>
  log: Logger
  db: Db
  dataDir: string
  /** Work that has no contract method: the background jobs' own steps (background.ts). */
  jobs: AppJobs
  close(): Promise<void>
}

export interface AppJobs {
  /** One pass of background usage sampling (counts of every synced org, then create/delete events replayed). */
  sampleUsage(o?: { shouldStop?: () => boolean }): Promise<SampleSummary>
}

/**
 * The application: the core plus every domain's handlers, wired once. Plain Node, no Electron; every door
 * (IPC, browser bridge, CLI) wraps one of these.
 */
export async function createApp(opts: AppOptions): Promise<App> {
  const env = opts.env ?? process.env
  const { log, db, store, secrets } = openCoreBase(opts)
  const events = createEventBus()
  const ctx: AppContext = {
    db,
    secrets,
    log,
    events,
    connectors: opts.connectors ?? createConnectorFactory(env),
    dataDir: opts.dataDir,
    now: opts.now ?? (() => new Date())
  }
  // Assigning to `Handlers` is the completeness check: a contract method without a handler fails to compile.
  const handlers: Handlers = {
    ...createSystemHandlers(ctx),
    ...createSettingsHandlers(ctx, opts.host ?? { door: 'cli' }),
    ...createConnectHandlers(ctx),
    // Disabling an org also ends its billing, and pulled devices suggest customers: cross-domain steps, wired here.
    ...createCustomerHandlers(ctx, {
      orgDisabled: (source, orgId) => deleteOrgBillingMappings(db, source, orgId),
      deviceEvidence: deviceEvidenceSource(db)
    }),
    ...createBillingHandlers(ctx),
    ...createTicketingHandlers(ctx),
    ...createSeverityTicketingHandlers(ctx),
    ...createReportHandlers(ctx, () => handlers),
    ...createAssetHandlers(ctx),
    ...createAuditHandlers(ctx)
  }
  const audit = createAuditHook(ctx, () => handlers)
  log.info('core started', { dataDir: opts.dataDir, secretStore: store.kind })
  return {
    handlers,
    dispatch: (name, input, door = 'internal') => dispatch(handlers, name, input, log, { door, audit }),
    events,
    log,
    db,
    dataDir: opts.dataDir,
    jobs: { sampleUsage: (o) => sampleUsage(ctx, o) },
    async close() {
      db.close()
    }
  }
}

export type { EventName }
