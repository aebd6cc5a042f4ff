export { createSaasAlertsConnector, SAAS_ALERTS_BASE_URL, type SaasAlertsConnectorOptions } from './connector'
export { EVENTS_PAGE_SIZE, EVENTS_WINDOW_LIMIT } from './events'
export { SEVERITIES, type Severity } from './schemas'
export type { SaasAlertsConnector } from './types'
