import { assetsAudit } from './describe-assets'
import { billingAudit } from './describe-billing'
import { connectAudit } from './describe-connect'
import { customersAudit } from './describe-customers'
import { settingsAudit } from './describe-settings'
import { ticketingAudit } from './describe-ticketing'
import { READ, type AuditCatalog, type Describer, type NotAudited } from './types'
import type { MethodName } from '../../../shared/contract'

const OPERATION = (where: string): NotAudited => ({ notAudited: `an operation, not a setting: ${where}` })

/**
 * Every contract method: how it is audited, or why it is not. The type makes this table total, so a new method
 * does not compile until someone decides; tests/unit/app/audit-catalog.test.ts calls each audited one.
 */
export const auditCatalog: AuditCatalog = {
  ...connectAudit,
  ...customersAudit,
  ...billingAudit,
  ...ticketingAudit,
  ...assetsAudit,
  ...settingsAudit,
  getSettings: READ,
  getStatus: READ,
  listIntegrations: READ,
  getCustomersView: READ,
  listCustomerNames: READ,
  listMappings: READ,
  listLearnedEquivalences: READ,
  getBillingView: READ,
  listBillingTargets: READ,
  listPsaServices: READ,
  listOrgContracts: READ,
  checkBillingPrerequisites: READ,
  previewSync: READ,
  getBillingSettings: READ,
  listRuns: READ,
  getRun: READ,
  getHwmHistory: READ,
  exportConfig: READ,
  getTicketingSettings: READ,
  listAlerts: READ,
  listAlertTickets: READ,
  getSourceTicketing: READ,
  exportMappingReport: READ,
  getAssetsView: READ,
  previewAssetCreate: READ,
  exportAssetsReport: READ,
  listAudit: READ,
  exportAudit: READ,
  refreshData: OPERATION('re-reads orgs and customers'),
  pushSync: OPERATION('recorded as a billing run with every item it wrote'),
  pollAlertsNow: OPERATION('recorded as alerts and tickets'),
  pullAssets: OPERATION('re-reads devices and assets'),
  refreshTicketMetadata: OPERATION("re-reads the PSA's choice lists"),
  openFolder: OPERATION('opens a folder in the file manager')
}

export function describerOf(name: MethodName): Describer<MethodName> | null {
  const entry = auditCatalog[name] as Describer<MethodName> | NotAudited
  return 'notAudited' in entry ? null : entry
}
