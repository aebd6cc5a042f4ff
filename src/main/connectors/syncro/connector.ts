import { AppError } from '../../../shared/errors'
import { parseSyncroSubdomain } from '../../../shared/syncro-subdomain'
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http'
import type { PsaConnector, PsaIdentity } from '../types'
import { SyncroApi } from './api'
import { readQuantity, listSchedules, writeQuantity } from './billing'
import { readQuantities } from './quantities'
import { addScheduleLine, listCustomerContracts, listProducts } from './catalog'
import { addAsset, listAssetTypes, listCustomerAssets } from './assets'
import { addCustomer, listAllCustomers } from './directory'
import { createSyncroErrorMapper } from './errors'
import { probeAll } from './probe'
import { MeSchema } from './schemas'
import { addNote, findByMarker, hasNoteWith, openTicket, readTicket, readTicketMetadata } from './tickets'

export const DEFAULT_SYNCRO_URL_TEMPLATE = 'https://{subdomain}.syncromsp.com/api/v1'

/** syncro.md §3: 180 requests per minute per IP [S1][S7]. */
export const SYNCRO_RATE_LIMIT = { limit: 180, intervalMs: 60_000 }

export interface SyncroConnectorOptions {
  subdomain: string
  apiToken: string
  /** `{subdomain}` is replaced; the simulator serves `http://127.0.0.1:PORT/{subdomain}/api/v1`. */
  urlTemplate?: string
  rateLimit?: { limit: number; intervalMs: number }
  timeoutMs?: number
  retry?: HttpClientOptions['retry']
}

export interface SyncroConnector extends PsaConnector {
  readonly kind: 'syncro'
  readonly subdomain: string
  /** REST base, e.g. https://acme.syncromsp.com/api/v1 */
  readonly baseURL: string
  /** Request counters from the HTTP layer (API economy checks). */
  stats(): ReturnType<HttpClient['stats']>
}

export function createSyncroConnector(opts: SyncroConnectorOptions): SyncroConnector {
  const parsed = parseSyncroSubdomain(opts.subdomain)
  // Only a bare label is accepted here: the URL form is the settings form's job, and anything else
  // could point the token at another host.
  if (!parsed.ok || parsed.subdomain !== opts.subdomain) {
    throw new AppError('validation', parsed.ok ? `Use the bare subdomain "${parsed.subdomain}".` : parsed.message, {
      field: 'subdomain'
    })
  }
  if (!opts.apiToken.trim()) throw new AppError('validation', 'The Syncro API token is empty.', { field: 'apiToken' })

  const subdomain = parsed.subdomain
  const baseURL = (opts.urlTemplate ?? DEFAULT_SYNCRO_URL_TEMPLATE)
    .replace('{subdomain}', subdomain)
    .replace(/\/+$/, '')
  const webBase = baseURL.replace(/\/api\/v1$/, '')
  const http = createHttpClient({
    name: 'Syncro',
    baseURL,
    timeoutMs: opts.timeoutMs ?? 30_000,
    // Bearer is what the spec declares (syncro.md §1 [S1]); never the api_key query form, which
    // would put the token into URLs and therefore into logs and error messages.
    headers: { Authorization: `Bearer ${opts.apiToken.trim()}`, Accept: 'application/json' },
    rateLimit: opts.rateLimit ?? SYNCRO_RATE_LIMIT,
    retry: opts.retry,
    mapError: createSyncroErrorMapper(subdomain)
  })
  const api = new SyncroApi(http)

  return {
    kind: 'syncro',
    subdomain,
    baseURL,
    stats: () => http.stats(),
    async verify(): Promise<PsaIdentity> {
      const me = await api.get('/me', MeSchema)
      const who = me.user_name || me.user_email
      return { displayName: who ? `${subdomain}.syncromsp.com (${who})` : `${subdomain}.syncromsp.com` }
    },
    probePermissions: () => probeAll(api),
    listCustomers: (o) => listAllCustomers(api, o),
    createCustomer: (input) => addCustomer(api, input.name),
    listBillingTargets: (customerId) => listSchedules(api, customerId),
    getQuantity: (target) => readQuantity(api, target),
    setQuantity: (target, change) => writeQuantity(api, target, change),
    getQuantities: (targets, o) => readQuantities(api, targets, o?.onRead),
    listServices: () => listProducts(api),
    addContractService: (containerId, service) => addScheduleLine(api, containerId, service),
    listContracts: (customerId) => listCustomerContracts(api, customerId),
    getTicketMetadata: () => readTicketMetadata(api),
    createTicket: (input) => openTicket(api, input, webBase),
    addTicketNote: (ticketId, note) => addNote(api, ticketId, note),
    getTicket: (ticketId) => readTicket(api, ticketId),
    findTicketByMarker: (customerId, marker) => findByMarker(api, customerId, marker, webBase),
    hasNoteWithMarker: (ticketId, marker) => hasNoteWith(api, ticketId, marker),
    listAssets: (customerId) => listCustomerAssets(api, customerId),
    listAssetTypes: () => listAssetTypes(api),
    createAsset: (input) => addAsset(api, input)
  }
}
