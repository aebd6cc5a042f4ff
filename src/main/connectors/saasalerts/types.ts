import type { SourceConnector, SourceOrg } from '../types'

/** The source interface plus what SaaS Alerts adds: creating organizations and billable users per billing date. */
export interface SaasAlertsConnector extends SourceConnector {
  createOrganization(input: { name: string }): Promise<SourceOrg>
  /** The billing dates SaaS Alerts has details for (YYYY-MM-DD), oldest first. */
  listBillingDates(): Promise<string[]>
  /** Billable users per organization id on that billing date; an organization absent has none. */
  getBillableUsers(billingDate: string): Promise<Map<string, number>>
}
