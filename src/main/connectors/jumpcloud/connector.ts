import { z } from 'zod'
import { AppError } from '../../../shared/errors'
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../http'
import type { SourceConnector, SourceDevice, SourceEvent, SourceOrg, SourceRegion, UsageCounts } from '../types'
import { mapJumpCloudError } from './errors'
import { compareEvents, toSourceEvent } from './events'
import { insightsRows, listOrgDevices } from './devices'
import { jumpCloudUrls } from './hosts'
import { DiEventsSchema, DiPageHeadersSchema, IdOnlySchema, listOf, OrganizationSchema, SystemSchema } from './schemas'

export interface JumpCloudConnectorOptions {
  apiKey: string
  providerId: string
  region?: SourceRegion
  /** Overrides the region's console host (V1 + V2), e.g. a simulator. */
  consoleUrl?: string
  /** Overrides the region's Directory Insights base (…/insights/directory/v1). */
  insightsUrl?: string
  rateLimit?: HttpClientOptions['rateLimit']
  timeoutMs?: number
  retry?: HttpClientOptions['retry']
  onRequest?: HttpClientOptions['onRequest']
}

/** V1/V2 list pages are "Limited to 100" (jumpcloud.md §A.1). */
const LIST_LIMIT = 100
/** DI maximum rows per call (§A.3). */
const EVENTS_LIMIT = 10_000
/**
 * DI accepts any number of repeated x-org-id headers (§A.3), but HTTP servers cap the header block
 * (Node: 16 KiB; ~37 bytes per org line), so large MSPs are split into chunks of this many orgs.
 */
export const EVENTS_ORG_CHUNK = 200
/** No numeric limit is published (§A.4); stay well below anything plausible. */
const DEFAULT_RATE = { limit: 10, intervalMs: 1000 }
const EVENT_SERVICES = ['all']

export function createJumpCloudConnector(opts: JumpCloudConnectorOptions): SourceConnector {
  if (!opts.apiKey.trim()) throw new AppError('validation', 'Enter the JumpCloud API key.', { field: 'apiKey' })
  if (!/^[A-Za-z0-9_-]+$/.test(opts.providerId))
    throw new AppError('validation', 'The JumpCloud Provider ID looks wrong.', {
      hint: 'Copy it from the Multi-Tenant Portal: Account Management → Account Overview.',
      field: 'providerId'
    })
  const urls = jumpCloudUrls(opts)
  const common = {
    name: 'JumpCloud',
    timeoutMs: opts.timeoutMs,
    headers: { 'x-api-key': opts.apiKey },
    rateLimit: opts.rateLimit ?? DEFAULT_RATE,
    retry: opts.retry,
    mapError: mapJumpCloudError(opts.providerId),
    onRequest: opts.onRequest
  }
  const consoleHttp = createHttpClient({ ...common, baseURL: urls.consoleUrl })
  const insightsHttp = createHttpClient({ ...common, baseURL: urls.insightsUrl })
  const providerPath = `/api/v2/providers/${encodeURIComponent(opts.providerId)}/organizations`

  /** Follows `{results,totalCount}` pages to the end, with `sort=_id` as JumpCloud advises for skip paging (§A.1). */
  async function listAll<T extends z.ZodType>(
    http: HttpClient,
    url: string,
    item: T,
    extra: { headers?: Record<string, string>; fields?: string } = {}
  ): Promise<Array<z.infer<T>>> {
    const out: Array<z.infer<T>> = []
    for (let skip = 0; ;) {
      const { data } = await http.request({
        method: 'GET',
        url,
        params: { limit: LIST_LIMIT, skip, sort: '_id', fields: extra.fields },
        headers: extra.headers,
        schema: listOf(item)
      })
      out.push(...data.results)
      skip += data.results.length
      if (data.results.length < LIST_LIMIT || skip >= data.totalCount) return out
    }
  }

  async function listOrganizations(): Promise<SourceOrg[]> {
    // No x-org-id here: provider routes answer 403 when it is sent (§A.0).
    const orgs = await listAll(consoleHttp, providerPath, OrganizationSchema)
    return orgs.map((o) => ({ id: o.id, name: o.name }))
  }

  function orgHeader(orgId: string): Record<string, string> {
    if (!orgId) throw new AppError('validation', 'A JumpCloud organization id is required.')
    return { 'x-org-id': orgId }
  }

  async function countOf(url: string, orgId: string): Promise<number> {
    const { data } = await consoleHttp.request({
      method: 'GET',
      url,
      params: { limit: 1, skip: 0, fields: '_id' },
      headers: orgHeader(orgId),
      schema: listOf(IdOnlySchema)
    })
    return data.totalCount
  }

  async function getUsageCounts(orgId: string): Promise<UsageCounts> {
    // §A.2: totalCount of /systemusers includes suspended users, which JumpCloud bills.
    const [users, devices] = await Promise.all([countOf('/api/systemusers', orgId), countOf('/api/systems', orgId)])
    return { users, devices }
  }

  function listDevices(orgId: string): Promise<SourceDevice[]> {
    const headers = orgHeader(orgId)
    return listOrgDevices(orgId, {
      systems: () =>
        listAll(consoleHttp, '/api/systems', SystemSchema, {
          headers,
          fields: '_id hostname displayName serialNumber os version lastContact'
        }),
      insights: (table, schema) => insightsRows(consoleHttp, table, schema, headers)
    })
  }

  async function fetchEventChunk(
    orgIds: string[],
    q: { eventTypes: string[]; start: Date; end: Date }
  ): Promise<SourceEvent[]> {
    const query = {
      service: EVENT_SERVICES,
      start_time: q.start.toISOString(),
      end_time: q.end.toISOString(),
      limit: EVENTS_LIMIT,
      sort: 'ASC',
      // Object form of `SearchTerm.and` (spec: TermConjunction is an object), as JumpCloud's own SDK
      // sends it (`-SearchTermAnd @{...}`); the prose's array form is not what the schema declares.
      // DI stores values lower-cased (§A.3).
      search_term: { and: { event_type: q.eventTypes.map((t) => t.toLowerCase()) } }
    }
    const out: SourceEvent[] = []
    const seenCursors = new Set<string>()
    let searchAfter: string[] | undefined
    for (;;) {
      const res = await insightsHttp.request({
        method: 'POST',
        url: '/events',
        data: searchAfter ? { ...query, search_after: searchAfter } : query,
        // One request carries every org as a repeated header (§A.3 "Multi-org").
        headers: { 'x-org-id': orgIds, 'content-type': 'application/json' },
        schema: DiEventsSchema,
        idempotent: true // a read, safe to retry
      })
      const page = DiPageHeadersSchema.safeParse(res.headers)
      if (!page.success)
        throw new AppError(
          'bad-response',
          'JumpCloud Directory Insights sent no paging headers (X-Result-Count / X-Limit).',
          {
            hint: 'JumpCloud may have changed its API; report this with the Activity log.'
          }
        )
      for (const e of res.data) out.push(toSourceEvent(e, orgIds.length === 1 ? (orgIds[0] ?? '') : ''))
      // Stop rule of §A.3: X-Search_after is present even on the last page, so only the count decides.
      if (page.data['x-result-count'] < page.data['x-limit'] || res.data.length === 0) return out
      const cursor = page.data['x-search_after']
      if (!cursor || seenCursors.has(cursor))
        throw new AppError(
          'bad-response',
          'JumpCloud Directory Insights returned a full page without a new X-Search_after cursor.',
          {
            hint: 'JumpCloud may have changed its API; report this with the Activity log.'
          }
        )
      seenCursors.add(cursor)
      searchAfter = parseCursor(cursor)
    }
  }

  async function fetchEvents(q: {
    orgIds: string[]
    eventTypes?: string[]
    start: Date
    end: Date
  }): Promise<SourceEvent[]> {
    const eventTypes = q.eventTypes ?? []
    if (q.orgIds.length === 0 || eventTypes.length === 0) return []
    if (!(q.start < q.end)) return []
    const orgIds = [...new Set(q.orgIds)]
    const all: SourceEvent[] = []
    for (let i = 0; i < orgIds.length; i += EVENTS_ORG_CHUNK) {
      all.push(...(await fetchEventChunk(orgIds.slice(i, i + EVENTS_ORG_CHUNK), { ...q, eventTypes })))
    }
    // end_time is inclusive on the server side (UNCONFIRMED), our contract is [start, end).
    const endIso = q.end.toISOString()
    const byId = new Map<string, SourceEvent>()
    for (const e of all) if (e.timestamp < endIso) byId.set(e.id, e)
    return [...byId.values()].sort(compareEvents)
  }

  async function verify(): Promise<{ displayName: string; orgCount: number }> {
    const orgs = await listOrganizations()
    return {
      displayName: `JumpCloud MTP provider ${opts.providerId} (${orgs.length} organizations)`,
      orgCount: orgs.length
    }
  }

  return {
    verify,
    listOrganizations,
    getUsageCounts,
    atRateLimit: () => consoleHttp.atRateLimit(),
    fetchEvents,
    listDevices
  }
}

function parseCursor(header: string): string[] {
  try {
    const v = JSON.parse(header) as unknown
    // The header holds `[1576181718000,"id"]`, but EventQuery.search_after is declared as an array of
    // strings (spec x-go-name SearchAfter): strings satisfy a strict []string decoder and are what
    // the spec promises to accept.
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String)
  } catch {
    // fall through
  }
  throw new AppError('bad-response', 'JumpCloud Directory Insights sent an unreadable X-Search_after cursor.', {
    hint: 'JumpCloud may have changed its API; report this with the Activity log.'
  })
}
