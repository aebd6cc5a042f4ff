export { createSyncroConnector, DEFAULT_SYNCRO_URL_TEMPLATE, SYNCRO_RATE_LIMIT } from './connector'
export type { SyncroConnector, SyncroConnectorOptions } from './connector'
export { CLOSED_STATUSES } from './tickets'
