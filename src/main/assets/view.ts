import type { AssetRow, AssetTab } from '../../shared/contract/assets'
import type { SourceKind } from '../../shared/registry'
import { matchAssets, type AssetConflict, type AssetMatch } from './match'
import type { AssetRecord, DeviceRecord, LinkRecord } from './store'

// The Assets screen's rows: confirmed links first, then the matcher's suggestions for everything not yet linked
// or ignored; the rest is unmatched (device only) or only in the PSA. One flat row per device or PSA-only asset.

/** A device with the source it was pulled from. */
export type SourcedDevice = DeviceRecord & { source: SourceKind }

export interface AssetsInput {
  devices: SourcedDevice[]
  assets: AssetRecord[]
  links: LinkRecord[]
  /** orgId → customerId of the PSA mapping; devices of unmapped orgs are out of scope. */
  customerOfOrg: Map<string, string>
  customerName: (customerId: string) => string | null
}

export interface AssetsModel {
  rows: AssetRow[]
  /** deviceId → the matcher's unaccepted suggestion. */
  suggestions: Map<string, AssetMatch>
  devices: Map<string, SourcedDevice & { customerId: string }>
  assets: Map<string, AssetRecord>
  /** deviceId → assetId of confirmed links still valid. */
  linked: Map<string, string>
}

const VIA_WORDS = { serial: 'serial number', mac: 'MAC address', hostname: 'hostname' } as const

function conflictNote(c: AssetConflict): string {
  const what = VIA_WORDS[c.via]
  if (c.reason === 'different-serial') return `same ${what} "${c.value}" but different serial numbers`
  if (c.reason === 'split') return `its ${what}es point at ${Math.max(c.deviceIds.length, c.assetIds.length)} records`
  return `${what} "${c.value}" is on ${c.deviceIds.length} device(s) and ${c.assetIds.length} PSA asset(s)`
}

export function buildAssetsModel(input: AssetsInput): AssetsModel {
  const devices = new Map<string, SourcedDevice & { customerId: string }>()
  for (const d of input.devices) {
    const customerId = input.customerOfOrg.get(d.orgId)
    if (customerId && !d.missing) devices.set(d.id, { ...d, customerId })
  }
  const customers = new Set(input.customerOfOrg.values())
  const assets = new Map(input.assets.filter((a) => !a.missing && customers.has(a.customerId)).map((a) => [a.id, a]))
  const linked = new Map<string, string>()
  const linkOrigin = new Map<string, LinkRecord['origin']>()
  const assetLinked = new Set<string>()
  for (const l of input.links)
    if (devices.has(l.deviceId) && assets.has(l.assetId)) {
      linked.set(l.deviceId, l.assetId)
      linkOrigin.set(l.deviceId, l.origin)
      assetLinked.add(l.assetId)
    }

  const freeDevices = [...devices.values()].filter((d) => !d.ignored && !linked.has(d.id))
  const freeAssets = [...assets.values()].filter((a) => !a.ignored && !assetLinked.has(a.id))
  const result = matchAssets(
    freeDevices.map((d) => ({
      id: d.id,
      customerId: d.customerId,
      serial: d.serial,
      macs: d.macs,
      hostnames: [d.hostname, d.displayName]
    })),
    freeAssets.map((a) => ({
      id: a.id,
      customerId: a.customerId,
      serial: a.serial,
      macs: a.macs,
      hostnames: [a.hostname, a.name]
    }))
  )
  const suggestions = new Map(result.matches.map((m) => [m.deviceId, m]))
  const suggestedAssets = new Set(result.matches.map((m) => m.assetId))
  const notes = new Map<string, string>()
  for (const c of result.conflicts)
    for (const id of [...c.deviceIds.map((x) => `d:${x}`), ...c.assetIds.map((x) => `a:${x}`)])
      if (!notes.has(id)) notes.set(id, conflictNote(c))
  for (const s of result.sharedMacs)
    for (const id of s.deviceIds)
      if (!notes.has(`d:${id}`))
        notes.set(`d:${id}`, `MAC ${s.mac} is shared by ${s.deviceIds.length} devices (ignored)`)

  const rows: AssetRow[] = []
  const deviceCols = (d: SourcedDevice) => ({
    source: d.source,
    deviceId: d.id,
    hostname: d.hostname,
    displayName: d.displayName,
    deviceSerial: d.serial,
    macs: d.macs,
    os: d.os,
    kind: d.kind,
    lastContact: d.lastContact
  })
  const noDevice = {
    source: null,
    deviceId: null,
    hostname: null,
    displayName: null,
    deviceSerial: null,
    macs: [],
    os: null,
    kind: null,
    lastContact: null
  }
  const assetCols = (a: AssetRecord | undefined) => ({
    assetId: a?.id ?? null,
    assetName: a?.name ?? null,
    assetSerial: a?.serial ?? null,
    assetType: a?.type ?? null,
    assetActive: a ? a.active : null
  })
  const push = (
    tab: AssetTab,
    status: AssetRow['status'],
    customerId: string,
    rest: Omit<AssetRow, 'key' | 'tab' | 'status' | 'customerId' | 'customerName'>,
    key: string
  ) => rows.push({ key, tab, status, customerId, customerName: input.customerName(customerId), ...rest })

  for (const d of devices.values()) {
    const linkedTo = linked.get(d.id)
    const s = suggestions.get(d.id)
    const cols = deviceCols(d)
    if (d.ignored)
      push(
        'ignored',
        'none',
        d.customerId,
        { ...cols, ...assetCols(undefined), via: null, reason: null, conflict: null },
        `d:${d.id}`
      )
    else if (linkedTo)
      push(
        'matched',
        'confirmed',
        d.customerId,
        { ...cols, ...assetCols(assets.get(linkedTo)), via: linkOrigin.get(d.id)!, reason: null, conflict: null },
        `d:${d.id}`
      )
    else if (s)
      push(
        'matched',
        'suggested',
        d.customerId,
        {
          ...cols,
          ...assetCols(assets.get(s.assetId)),
          via: s.via,
          reason: `same ${VIA_WORDS[s.via]} ${s.value}`,
          conflict: null
        },
        `d:${d.id}`
      )
    else
      push(
        'unmatched',
        'none',
        d.customerId,
        { ...cols, ...assetCols(undefined), via: null, reason: null, conflict: notes.get(`d:${d.id}`) ?? null },
        `d:${d.id}`
      )
  }
  for (const a of assets.values()) {
    if (assetLinked.has(a.id) || suggestedAssets.has(a.id)) continue
    const tab: AssetTab = a.ignored ? 'ignored' : 'psa-only'
    const conflict = a.ignored ? null : (notes.get(`a:${a.id}`) ?? null)
    push(tab, 'none', a.customerId, { ...noDevice, ...assetCols(a), via: null, reason: null, conflict }, `a:${a.id}`)
  }
  return { rows, suggestions, devices, assets, linked }
}

export function countTabs(rows: AssetRow[]): Record<AssetTab, number> {
  const counts: Record<AssetTab, number> = { matched: 0, unmatched: 0, 'psa-only': 0, ignored: 0 }
  for (const r of rows) counts[r.tab]++
  return counts
}
