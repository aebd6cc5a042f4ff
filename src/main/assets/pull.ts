import { isAppError } from '../../shared/errors'
import { openSession } from '../connect/session'
import type { AppContext } from '../core/context'
import type { ProgressReporter } from '../core/progress'
import { writeSetting } from '../core/settings'
import type { SourceConnector, SourceKind } from '../connectors/types'
import { loadCustomers, loadOrgs } from '../customers/store'
import { customerOfOrg, DEVICE_SOURCES, TypesSetting, typesKey } from './scope'
import { lastPull, recordPull, saveAssets, saveDevices } from './store'

// Pull: devices of every mapped org and assets of their PSA customers. A customer's first pull (and one a day)
// is full; after that, a PSA that can filter by change time is asked only for what changed since the last pull.

/** A full re-read at least this often catches deletions an incremental read cannot see. */
const FULL_EVERY_MS = 24 * 3600_000
/** Changes are read from a little before the last pull: clocks of the PSA and this machine differ. */
const OVERLAP_MS = 5 * 60_000

export interface PullResult {
  customers: number
  devices: number
  assets: number
  incremental: number
}

export async function pullAssets(
  ctx: AppContext,
  opts: { customerId?: string; full?: boolean; unmapped?: boolean },
  progress?: ProgressReporter
): Promise<PullResult> {
  const session = openSession(ctx)
  const { kind: psa, connector } = await session.psa()
  // Mapped orgs of every connected source that lists devices, per customer.
  const orgsOf = new Map<string, Array<{ source: SourceKind; orgId: string }>>()
  const sources = new Map<SourceKind, SourceConnector>()
  for (const kind of DEVICE_SOURCES.filter((k) => session.sources.includes(k))) {
    sources.set(kind, await session.source(kind))
    for (const [orgId, customerId] of customerOfOrg(ctx, psa, kind))
      if (!opts.customerId || customerId === opts.customerId)
        orgsOf.set(customerId, [...(orgsOf.get(customerId) ?? []), { source: kind, orgId }])
  }
  const result: PullResult = { customers: orgsOf.size, devices: 0, assets: 0, incremental: 0 }
  let done = 0
  const step = 'Reading devices and PSA assets per customer'
  progress?.step(step, done, orgsOf.size)

  for (const [customerId, orgIds] of orgsOf) {
    const now = ctx.now()
    const prev = lastPull(ctx.db, psa, customerId)
    const fresh = prev?.fullAt && now.getTime() - Date.parse(prev.fullAt) < FULL_EVERY_MS
    const since = prev && fresh && !opts.full && connector.listAssetsChangedSince ? prev.lastAt : null
    const assets = since
      ? await connector.listAssetsChangedSince!(customerId, new Date(Date.parse(since) - OVERLAP_MS))
      : await connector.listAssets(customerId)
    saveAssets(ctx.db, psa, customerId, assets, now.toISOString(), since === null)
    recordPull(ctx.db, psa, customerId, now.toISOString(), since === null)
    result.assets += assets.length
    if (since) result.incremental++
    for (const { source, orgId } of orgIds) {
      // JumpCloud documents no "changed since" filter for systems, so devices are always read in full.
      const devices = await sources.get(source)!.listDevices(orgId)
      saveDevices(ctx.db, source, orgId, devices, now.toISOString(), true)
      recordPull(ctx.db, source, orgId, now.toISOString(), true)
      result.devices += devices.length
    }
    progress?.step(step, ++done, orgsOf.size)
  }
  if (opts.unmapped && !opts.customerId) {
    // Orgs without a customer and customers without an org: their shared devices suggest mappings (Customers).
    progress?.step('Reading unmapped organizations and customers', 0)
    const taken = new Set<string>()
    const now = ctx.now().toISOString()
    for (const [kind, source] of sources) {
      const mapped = customerOfOrg(ctx, psa, kind)
      for (const c of mapped.values()) taken.add(c)
      for (const org of loadOrgs(ctx.db, kind))
        if (!mapped.has(org.id) && !org.ignored && !org.disabled && !org.missingSince) {
          const devices = await source.listDevices(org.id)
          saveDevices(ctx.db, kind, org.id, devices, now, true)
          recordPull(ctx.db, kind, org.id, now, true)
          result.devices += devices.length
        }
    }
    for (const c of loadCustomers(ctx.db, psa))
      if (!taken.has(c.id) && c.active && !c.missingSince) {
        const assets = await connector.listAssets(c.id)
        saveAssets(ctx.db, psa, c.id, assets, now, true)
        recordPull(ctx.db, psa, c.id, now, true)
        result.assets += assets.length
      }
  }
  try {
    writeSetting(ctx.db, typesKey(psa), TypesSetting, await connector.listAssetTypes(), ctx.now())
  } catch (e) {
    // Types only matter for creating; a refused read must not fail the pull (the last list stays).
    if (!isAppError(e)) throw e
    ctx.log.warn('reading PSA asset types failed', { code: e.code })
  }
  ctx.log.info('assets pulled', { ...result })
  return result
}
