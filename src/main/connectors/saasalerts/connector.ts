import { AppError } from '../../../shared/errors'
import { createHttpClient, type HttpClientOptions } from '../http'
import type { SourceEvent, SourceOrg, UsageCounts } from '../types'
import { isQuotaError, mapSaasAlertsError } from './errors'
import { collectEvents } from './events'
import {
  BillingDatesSchema,
  BillingDetailsSchema,
  CreatedCustomerSchema,
  CustomersSchema,
  type SaCustomer
} from './schemas'
import type { SaasAlertsConnector } from './types'

/**
 * Production base (saasalerts.md "Connection"): UNCONFIRMED by the vendor, but the one both
 * open-source clients use (node-saas-alerts `src/types/common.ts`).
 */
export const SAAS_ALERTS_BASE_URL = 'https://us-central1-the-byway-248217.cloudfunctions.net/reportApi/api/v1'

export interface SaasAlertsConnectorOptions {
  apiKey: string
  /** Overrides the production base (…/reportApi/api/v1), e.g. a simulator. */
  baseUrl?: string
  rateLimit?: HttpClientOptions['rateLimit']
  timeoutMs?: number
  retry?: HttpClientOptions['retry']
  onRequest?: HttpClientOptions['onRequest']
}

/** No limit is published (saasalerts.md); stay well below anything plausible. */
const DEFAULT_RATE = { limit: 5, intervalMs: 1000 }

export function createSaasAlertsConnector(opts: SaasAlertsConnectorOptions): SaasAlertsConnector {
  if (!opts.apiKey.trim()) throw new AppError('validation', 'Enter the SaaS Alerts API key.', { field: 'apiKey' })
  const http = createHttpClient({
    name: 'SaaS Alerts',
    baseURL: (opts.baseUrl ?? SAAS_ALERTS_BASE_URL).replace(/\/+$/, ''),
    timeoutMs: opts.timeoutMs,
    // CONFIRMED: the key travels in the `api_key` header (node-saas-alerts src/http.ts).
    headers: { api_key: opts.apiKey },
    rateLimit: opts.rateLimit ?? DEFAULT_RATE,
    retry: opts.retry,
    mapError: mapSaasAlertsError,
    // A quota message is a rate limit even without a 429 (node-saas-alerts): wait and retry.
    isRetryable: (ctx) => (isQuotaError(ctx) ? true : undefined),
    onRequest: opts.onRequest
  })

  async function customers(): Promise<SaCustomer[]> {
    const { data } = await http.request({ method: 'GET', url: '/customers', schema: CustomersSchema })
    const byId = new Map(data.map((c) => [c.id, c]))
    return [...byId.values()]
  }

  async function listOrganizations(): Promise<SourceOrg[]> {
    return (await customers()).map((c) => ({ id: c.id, name: c.name }))
  }

  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

  /**
   * `POST /customers` (saasalerts.md: "create the organization during the mapping process").
   * UNCONFIRMED body `{ name }`. A POST is not retried, so an existing organization of that name is
   * reused instead of created twice (the retry after a lost reply finds it).
   */
  async function createOrganization(input: { name: string }): Promise<SourceOrg> {
    const name = input.name.trim()
    if (!name) throw new AppError('validation', 'Enter a name for the SaaS Alerts organization.', { field: 'name' })
    const existing = (await customers()).find((c) => sameName(c.name, name))
    if (existing) return { id: existing.id, name: existing.name }
    const { data } = await http.request({
      method: 'POST',
      url: '/customers',
      data: { name },
      headers: { 'content-type': 'application/json' },
      schema: CreatedCustomerSchema
    })
    if (data) return { id: data.id, name: data.name }
    // UNCONFIRMED reply shape: without an id in the reply, the new organization is found by name.
    const created = (await customers()).find((c) => sameName(c.name, name))
    if (!created)
      throw new AppError('bad-response', `SaaS Alerts accepted "${name}" but does not list it as an organization.`, {
        hint: 'Refresh the organization list in a minute; it may take SaaS Alerts a moment to show it.'
      })
    return { id: created.id, name: created.name }
  }

  async function listBillingDates(): Promise<string[]> {
    const { data } = await http.request({ method: 'GET', url: '/reports/billing-dates', schema: BillingDatesSchema })
    return [...new Set(data)].sort()
  }

  async function getBillableUsers(billingDate: string): Promise<Map<string, number>> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billingDate))
      throw new AppError('validation', `The billing date "${billingDate}" is not YYYY-MM-DD.`)
    const { data } = await http.request({
      method: 'GET',
      url: '/reports/billing-details',
      params: { billingDate },
      schema: BillingDetailsSchema
    })
    const out = new Map<string, number>()
    // Two rows for one customer (e.g. one per application) are added up: the bill is per customer.
    for (const row of data) out.set(row.orgId, (out.get(row.orgId) ?? 0) + row.billableUsers)
    return out
  }

  /** Billable users of the latest billing date; SaaS Alerts bills no devices. */
  async function getUsageCounts(orgId: string): Promise<UsageCounts> {
    const dates = await listBillingDates()
    const latest = dates.at(-1)
    if (!latest) return { users: 0, devices: 0 }
    return { users: (await getBillableUsers(latest)).get(orgId) ?? 0, devices: 0 }
  }

  async function fetchEvents(q: {
    orgIds: string[]
    eventTypes?: string[]
    start: Date
    end: Date
  }): Promise<SourceEvent[]> {
    return collectEvents(http, q)
  }

  async function verify(): Promise<{ displayName: string; orgCount: number }> {
    // `GET /customers` proves the key (401/403 otherwise) and is needed anyway; the documented
    // profile routes are UNCONFIRMED (saasalerts.md), so they are not relied on.
    const orgs = await customers()
    return { displayName: `SaaS Alerts (${orgs.length} organizations)`, orgCount: orgs.length }
  }

  return {
    verify,
    listOrganizations,
    createOrganization,
    getUsageCounts,
    listBillingDates,
    getBillableUsers,
    fetchEvents,
    listDevices: () => Promise.resolve([])
  }
}
