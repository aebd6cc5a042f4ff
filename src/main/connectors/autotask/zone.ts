// Zone discovery (autotask.md §1.3): an unauthenticated GET that tells which webservicesN host serves
// this API user. The answer decides where the secret is sent next, so its URL is checked strictly.
import { AppError } from '../../../shared/errors'
import { createHttpClient } from '../http'
import { isAutotaskRetryable, mapAutotaskError } from './errors'
import type { AutotaskZone } from '../factory-types'
import { ZoneInfoSchema } from './schemas'

export const DEFAULT_ZONE_LOOKUP_URL = 'https://webservices.autotask.net/atservicesrest/'

/**
 * Accepts a zone API URL only if it is https on a host ending in `.autotask.net`, or — when the lookup
 * URL was overridden (tests, simulator) — on the same origin as that override. Returns the URL with a
 * trailing slash; throws AppError('bad-response') otherwise.
 */
export function validateZoneUrl(url: string, lookupOverride?: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('bad-response', `Autotask zone lookup returned an invalid API URL: ${url.slice(0, 200)}`)
  }
  if (lookupOverride) {
    if (parsed.origin !== new URL(lookupOverride).origin)
      throw new AppError(
        'bad-response',
        `Autotask zone lookup returned ${parsed.origin}, which is not the overridden lookup host ${new URL(lookupOverride).origin}.`
      )
  } else if (parsed.protocol !== 'https:' || !parsed.hostname.toLowerCase().endsWith('.autotask.net')) {
    throw new AppError(
      'bad-response',
      `Autotask zone lookup returned ${parsed.origin}, which is not an https autotask.net host; refusing to send credentials there.`
    )
  }
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`
}

export interface ZoneDiscoveryOptions {
  username: string
  /** Overrides the default lookup base (simulator/tests). */
  zoneLookupUrl?: string
  timeoutMs?: number
}

export async function discoverAutotaskZone(opts: ZoneDiscoveryOptions): Promise<AutotaskZone> {
  const username = opts.username.trim()
  if (!username) throw new AppError('validation', 'Enter the Autotask API username.', { field: 'username' })
  const base = opts.zoneLookupUrl ?? DEFAULT_ZONE_LOOKUP_URL
  const http = createHttpClient({
    name: 'Autotask',
    baseURL: base.endsWith('/') ? base : `${base}/`,
    timeoutMs: opts.timeoutMs,
    retry: { retries: 2 },
    mapError: (ctx) => mapAutotaskError(ctx, username),
    isRetryable: isAutotaskRetryable
  })
  // No auth headers: zone lookup is unauthenticated (Datto Postman "ZoneInformation (non-authenticated)")
  const res = await http.request({
    method: 'GET',
    url: 'v1.0/zoneInformation',
    params: { user: username },
    schema: ZoneInfoSchema
  })
  // webUrl only builds "Open in PSA" links: a value that fails the same host rule is dropped, not trusted.
  let webUrl: string | undefined
  try {
    webUrl = res.data.webUrl ? validateZoneUrl(res.data.webUrl, opts.zoneLookupUrl) : undefined
  } catch {
    webUrl = undefined
  }
  const url = validateZoneUrl(res.data.url, opts.zoneLookupUrl)
  return { url, webUrl: webUrl ?? '', zoneName: res.data.zoneName?.trim() || new URL(url).host }
}
