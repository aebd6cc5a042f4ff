import type { SourceRegion } from '../types'

/** jumpcloud.md §A.0: console (V1 `/api`, V2 `/api/v2`) and Directory Insights hosts per region. */
export const JUMPCLOUD_HOSTS: Record<SourceRegion, { consoleUrl: string; insightsUrl: string }> = {
  us: { consoleUrl: 'https://console.jumpcloud.com', insightsUrl: 'https://api.jumpcloud.com/insights/directory/v1' },
  eu: {
    consoleUrl: 'https://console.eu.jumpcloud.com',
    insightsUrl: 'https://api.eu.jumpcloud.com/insights/directory/v1'
  }
}

export function jumpCloudUrls(opts: { region?: SourceRegion; consoleUrl?: string; insightsUrl?: string }): {
  consoleUrl: string
  insightsUrl: string
} {
  const hosts = JUMPCLOUD_HOSTS[opts.region ?? 'us']
  return {
    consoleUrl: trimSlash(opts.consoleUrl ?? hosts.consoleUrl),
    insightsUrl: trimSlash(opts.insightsUrl ?? hosts.insightsUrl)
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
