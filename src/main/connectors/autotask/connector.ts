// Autotask PSA connector: Companies = customers, Recurring Service contracts = billing containers,
// ContractServices (+ ContractServiceUnits) = billing items, Tickets/Notes, ConfigurationItems = assets.
import { createHttpClient } from '../http'
import type { PsaConnector, PsaIdentity } from '../types'
import { AutotaskApi } from './api'
import { addContractService, listCompanyContracts, listContracts, listServices } from './billing'
import { addConfigurationItem, listCiTypes, listCompanyAssets } from './assets'
import { addCompany, listCompanies } from './directory'
import { utcDay } from './period'
import { isAutotaskRetryable, mapAutotaskError } from './errors'
import { probeAll } from './probe'
import { entityKey } from './query'
import { readQuantities, readQuantity, writeQuantities, writeQuantity } from './quantities'
import { CompanySchema } from './schemas'
import { readTicketMetadata } from './ticket-fields'
import { addNote, findByMarker, hasNoteWith, openTicket, readTicket } from './tickets'

export interface AutotaskConnectorOptions {
  username: string
  secret: string
  integrationCode: string
  /** Zone API base from discoverAutotaskZone (e.g. https://webservices2.autotask.net/ATServicesRest/). */
  zoneUrl: string
  /** Zone UI base (webUrl) for ticket links; optional. */
  webUrl?: string
  /** Zone name from discovery ("Pre Release"), shown by verify(); optional. */
  zoneName?: string
  /** Client-side cap; default 10,000 per rolling hour like the tenant threshold (§5.1). */
  rateLimit?: { limit: number; intervalMs: number }
  /** Parallel requests per entity endpoint; default 3 (§5.2). */
  threadLimit?: number
  timeoutMs?: number
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number }
  /** Clock for "current" billing period lookups (tests). */
  now?: () => Date
}

export function createAutotaskConnector(opts: AutotaskConnectorOptions): PsaConnector {
  const zoneUrl = opts.zoneUrl.endsWith('/') ? opts.zoneUrl : `${opts.zoneUrl}/`
  const now = opts.now ?? (() => new Date())
  const http = createHttpClient({
    name: 'Autotask',
    baseURL: zoneUrl,
    timeoutMs: opts.timeoutMs,
    retry: opts.retry,
    headers: {
      ApiIntegrationCode: opts.integrationCode,
      UserName: opts.username,
      Secret: opts.secret,
      'Content-Type': 'application/json'
    },
    rateLimit: opts.rateLimit ?? { limit: 10_000, intervalMs: 3_600_000 },
    // thread limit is per (integration code, entity endpoint) (§5.2)
    concurrency: { max: opts.threadLimit ?? 3, key: (req) => entityKey(req.url) },
    mapError: (ctx) => mapAutotaskError(ctx, opts.username),
    isRetryable: isAutotaskRetryable
  })
  const api = new AutotaskApi(http)

  return {
    kind: 'autotask',
    async verify(): Promise<PsaIdentity> {
      // Company 0 is the MSP's own company (§7.1): one cheap authenticated call that proves all three headers
      const own = await api.get('Companies/0', CompanySchema)
      const where = opts.zoneName ? `zone ${opts.zoneName}` : new URL(zoneUrl).host
      return { displayName: `Autotask ${where}${own ? ` (${own.companyName})` : ''}` }
    },
    probePermissions: () => probeAll(api),
    listCustomers: (o) => listCompanies(api, o),
    createCustomer: (input) => addCompany(api, input.name),
    listBillingTargets: (customerId) => listContracts(api, customerId, now()),
    getQuantities: (targets, o) => readQuantities(api.query, targets, o?.billingDay ?? utcDay(now())),
    getQuantity: (target, o) => readQuantity(api.query, target, o?.billingDay ?? utcDay(now())),
    setQuantity: (target, change) => writeQuantity(api, { target, change }),
    setQuantities: (writes) => writeQuantities(api, writes),
    listServices: () => listServices(api),
    addContractService: (containerId, service) => addContractService(api, containerId, service),
    listContracts: (customerId) => listCompanyContracts(api, customerId),
    getTicketMetadata: () => readTicketMetadata(api),
    createTicket: (input) => openTicket(api, input, opts.webUrl),
    addTicketNote: (ticketId, note) => addNote(api, ticketId, note),
    getTicket: (ticketId) => readTicket(api, ticketId),
    findTicketByMarker: (customerId, marker) => findByMarker(api, customerId, marker),
    hasNoteWithMarker: (ticketId, marker) => hasNoteWith(api, ticketId, marker),
    listAssets: (customerId) => listCompanyAssets(api, customerId),
    listAssetsChangedSince: (customerId, since) => listCompanyAssets(api, customerId, since),
    listAssetTypes: () => listCiTypes(api),
    createAsset: (input) => addConfigurationItem(api, input)
  }
}
