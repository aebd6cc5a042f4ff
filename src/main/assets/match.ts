import { normalizeHostname, normalizeMac, normalizeSerial } from './identifiers'

// Device ↔ PSA asset matching, per customer: serial number first, then MAC address, then hostname. One-to-one.
// A value held by more than one record of a side is a conflict: surfaced for a human, never resolved by guessing.

/** A source device or a PSA asset, already attributed to the PSA customer it belongs to. */
export interface MatchRecord {
  id: string
  customerId: string
  serial?: string | null
  macs?: readonly string[]
  /** Hostname first; display names / asset names may follow. */
  hostnames?: ReadonlyArray<string | null | undefined>
}

export type MatchVia = 'serial' | 'mac' | 'hostname'
export const MATCH_TIERS: readonly MatchVia[] = ['serial', 'mac', 'hostname']

export interface AssetMatch {
  deviceId: string
  assetId: string
  customerId: string
  via: MatchVia
  /** The normalised value both share. */
  value: string
}

export type ConflictReason =
  /** The value is on several devices and/or several assets of the customer. */
  | 'duplicate'
  /** One record's values at this tier point at two different partners. */
  | 'split'
  /** MAC or hostname agree but both sides carry real serial numbers that differ (a replaced or renamed machine). */
  | 'different-serial'

export interface AssetConflict {
  customerId: string
  via: MatchVia
  reason: ConflictReason
  value: string
  deviceIds: string[]
  assetIds: string[]
}

export interface AssetMatchResult {
  matches: AssetMatch[]
  conflicts: AssetConflict[]
  /** MACs on at least `sharedMacMin` devices (or assets), e.g. a docking station's NIC: never used as evidence. */
  sharedMacs: Array<{ mac: string; deviceIds: string[]; assetIds: string[] }>
  unmatchedDeviceIds: string[]
  unmatchedAssetIds: string[]
}

export interface MatchOptions {
  /** A MAC seen on this many devices or assets (across all customers) is shared hardware. Default 3. */
  sharedMacMin?: number
}

interface Prepared {
  id: string
  customerId: string
  serial: string
  keys: Record<MatchVia, string[]>
}

function uniqueNonEmpty<T>(raw: readonly T[] | undefined, norm: (x: T) => string): string[] {
  const out: string[] = []
  if (raw)
    for (const x of raw) {
      const v = norm(x)
      if (v !== '' && !out.includes(v)) out.push(v)
    }
  return out
}

function prepare(r: MatchRecord): Prepared {
  const serial = normalizeSerial(r.serial)
  return {
    id: r.id,
    customerId: r.customerId,
    serial,
    keys: {
      serial: serial ? [serial] : [],
      mac: uniqueNonEmpty(r.macs, normalizeMac),
      hostname: uniqueNonEmpty(r.hostnames, normalizeHostname)
    }
  }
}

/** value → holders: a device as its index i, an asset as ~i (negative). One array per value keeps this lean. */
function holdersOf(via: MatchVia, devices: Prepared[], assets: Prepared[], skip: Set<string>): Map<string, number[]> {
  const map = new Map<string, number[]>()
  const add = (list: Prepared[], code: (i: number) => number) => {
    for (let i = 0; i < list.length; i++)
      for (const v of list[i]!.keys[via]) {
        if (skip.has(v)) continue
        const h = map.get(v)
        if (h) h.push(code(i))
        else map.set(v, [code(i)])
      }
  }
  add(devices, (i) => i)
  add(assets, (i) => ~i)
  return map
}

interface Bucket {
  d: number[]
  a: number[]
}

/** Holders of one value, per customer (matching never crosses customers). */
function perCustomer(holders: number[], devices: Prepared[], assets: Prepared[]): Bucket[] {
  const by = new Map<string, Bucket>()
  for (const h of holders) {
    const c = h >= 0 ? devices[h]!.customerId : assets[~h]!.customerId
    let b = by.get(c)
    if (!b) by.set(c, (b = { d: [], a: [] }))
    if (h >= 0) b.d.push(h)
    else b.a.push(~h)
  }
  return [...by.values()]
}

function sharedMacList(devices: Prepared[], assets: Prepared[], min: number): AssetMatchResult['sharedMacs'] {
  // Count first; only the few shared MACs get id lists.
  const count = (list: Prepared[]) => {
    const n = new Map<string, number>()
    for (const r of list) for (const m of r.keys.mac) n.set(m, (n.get(m) ?? 0) + 1)
    return n
  }
  const nd = count(devices)
  const na = count(assets)
  const shared = new Set<string>()
  for (const n of [nd, na]) for (const [m, c] of n) if (c >= min) shared.add(m)
  if (shared.size === 0) return []
  const holders = new Map<string, { d: string[]; a: string[] }>([...shared].map((m) => [m, { d: [], a: [] }]))
  for (const [list, side] of [
    [devices, 'd'],
    [assets, 'a']
  ] as const)
    for (const r of list) for (const m of r.keys.mac) holders.get(m)?.[side].push(r.id)
  return [...holders].map(([mac, h]) => ({ mac, deviceIds: h.d, assetIds: h.a }))
}

export function matchAssets(
  deviceRecords: readonly MatchRecord[],
  assetRecords: readonly MatchRecord[],
  opts: MatchOptions = {}
): AssetMatchResult {
  const devices = deviceRecords.map(prepare)
  const assets = assetRecords.map(prepare)
  const sharedMacs = sharedMacList(devices, assets, opts.sharedMacMin ?? 3)
  const skipMac = new Set(sharedMacs.map((s) => s.mac))
  const deviceMatch = new Int32Array(devices.length).fill(-1)
  const assetMatch = new Int32Array(assets.length).fill(-1)
  const matches: AssetMatch[] = []
  const conflicts: AssetConflict[] = []
  const conflict = (p: Prepared, via: MatchVia, reason: ConflictReason, value: string, d: number[], a: number[]) =>
    conflicts.push({
      customerId: p.customerId,
      via,
      reason,
      value,
      deviceIds: d.map((i) => devices[i]!.id),
      assetIds: a.map((i) => assets[i]!.id)
    })

  const free = (list: number[], taken: Int32Array) => list.filter((i) => taken[i] === -1)
  for (const via of MATCH_TIERS) {
    const edges: Array<{ d: number; a: number; value: string }> = []
    for (const [value, holders] of holdersOf(via, devices, assets, via === 'mac' ? skipMac : new Set())) {
      if (holders.length < 2) continue
      // Fast path, the common case: one device and one asset.
      const [x, y] = holders as [number, number]
      const buckets =
        holders.length === 2 && (x ^ y) < 0
          ? [x >= 0 ? { d: [x], a: [~y] } : { d: [y], a: [~x] }].filter(
              (b) => devices[b.d[0]!]!.customerId === assets[b.a[0]!]!.customerId
            )
          : perCustomer(holders, devices, assets)
      for (const b of buckets) {
        if (b.d.length === 0 || b.a.length === 0) continue
        if (b.d.length === 1 && b.a.length === 1) {
          // Records a stronger tier already paired take no further part (their weaker values only corroborate).
          if (deviceMatch[b.d[0]!] === -1 && assetMatch[b.a[0]!] === -1) edges.push({ d: b.d[0]!, a: b.a[0]!, value })
        } else if (free(b.d, deviceMatch).length > 0 && free(b.a, assetMatch).length > 0)
          conflict(devices[b.d[0]!]!, via, 'duplicate', value, b.d, b.a)
      }
    }
    // A device whose MACs (or names) lead to two different assets, or the reverse, is not decided by this tier.
    // partner[i]: -1 none yet, ≥0 the one partner, -2 several.
    const partnerD = new Int32Array(devices.length).fill(-1)
    const partnerA = new Int32Array(assets.length).fill(-1)
    for (const e of edges) {
      partnerD[e.d] = partnerD[e.d] === -1 || partnerD[e.d] === e.a ? e.a : -2
      partnerA[e.a] = partnerA[e.a] === -1 || partnerA[e.a] === e.d ? e.d : -2
    }
    const splitD = new Map<number, { value: string; others: Set<number> }>()
    const splitA = new Map<number, { value: string; others: Set<number> }>()
    const note = (m: typeof splitD, i: number, other: number, value: string) => {
      const s = m.get(i) ?? { value, others: new Set<number>() }
      m.set(i, s.others.add(other) && s)
    }
    for (const e of edges) {
      if (partnerD[e.d] === -2 || partnerA[e.a] === -2) {
        if (partnerD[e.d] === -2) note(splitD, e.d, e.a, e.value)
        else note(splitA, e.a, e.d, e.value)
        continue
      }
      // The same pair can share several values (two NICs): the first one pairs them.
      if (deviceMatch[e.d] !== -1) continue
      const d = devices[e.d]!
      const a = assets[e.a]!
      if (via !== 'serial' && d.serial && a.serial && d.serial !== a.serial) {
        if (partnerD[e.d] !== -3) conflict(d, via, 'different-serial', e.value, [e.d], [e.a])
        partnerD[e.d] = -3
        continue
      }
      deviceMatch[e.d] = e.a
      assetMatch[e.a] = e.d
      matches.push({ deviceId: d.id, assetId: a.id, customerId: d.customerId, via, value: e.value })
    }
    for (const [i, x] of splitD) conflict(devices[i]!, via, 'split', x.value, [i], [...x.others])
    for (const [i, x] of splitA) conflict(assets[i]!, via, 'split', x.value, [...x.others], [i])
  }

  return {
    matches,
    conflicts,
    sharedMacs,
    unmatchedDeviceIds: devices.filter((_, i) => deviceMatch[i] === -1).map((d) => d.id),
    unmatchedAssetIds: assets.filter((_, i) => assetMatch[i] === -1).map((a) => a.id)
  }
}
