import { normalizeMac, normalizeSerial } from './identifiers'

// Device overlap as evidence for org → customer mapping: an org whose devices share serial numbers (or MACs) with
// one PSA customer's assets is very likely that customer, whatever the names say. Pure; the app layer feeds the
// result to the Customers suggestions as an extra evidence input.

export interface OverlapDevice {
  orgId: string
  serial?: string | null
  macs?: readonly string[]
}
export interface OverlapAsset {
  customerId: string
  serial?: string | null
  macs?: readonly string[]
}

export interface OverlapEvidence {
  orgId: string
  customerId: string
  /** Devices of the org with a serial or MAC found among this customer's assets. */
  shared: number
  /** Devices of the org with any usable serial or MAC. */
  devices: number
  via: 'serial' | 'mac'
  /** "12 of 14 devices share serial numbers with this customer's assets" */
  reason: string
  /** Another customer also shares devices with this org: shown, never auto-accepted. */
  conflicting: boolean
}

/** At least this many shared devices, and this share of the org's identifiable devices, to count. */
export const OVERLAP_MIN_DEVICES = 3
export const OVERLAP_MIN_SHARE = 0.5

export function deviceOverlap(devices: readonly OverlapDevice[], assets: readonly OverlapAsset[]): OverlapEvidence[] {
  // A value held by assets of several customers says nothing about which one (a re-used placeholder, a reseller).
  const owners = new Map<string, string | null>()
  const own = (key: string, customerId: string) => {
    const cur = owners.get(key)
    owners.set(key, cur === undefined || cur === customerId ? customerId : null)
  }
  for (const a of assets) {
    const s = normalizeSerial(a.serial)
    if (s) own(`s:${s}`, a.customerId)
    for (const m of a.macs ?? []) if (normalizeMac(m)) own(`m:${normalizeMac(m)}`, a.customerId)
  }
  const perOrg = new Map<string, { devices: number; hits: Map<string, { n: number; serial: number }> }>()
  for (const d of devices) {
    const s = normalizeSerial(d.serial)
    const macs = (d.macs ?? []).map(normalizeMac).filter(Boolean)
    if (!s && macs.length === 0) continue
    const o = perOrg.get(d.orgId) ?? { devices: 0, hits: new Map() }
    perOrg.set(d.orgId, o)
    o.devices++
    const bySerial = s ? owners.get(`s:${s}`) : undefined
    const byMac = macs.map((m) => owners.get(`m:${m}`)).find((c) => c)
    const customer = bySerial || byMac
    if (!customer) continue
    const h = o.hits.get(customer) ?? { n: 0, serial: 0 }
    h.n++
    if (bySerial) h.serial++
    o.hits.set(customer, h)
  }
  const out: OverlapEvidence[] = []
  for (const [orgId, o] of perOrg) {
    const strong = [...o.hits].filter(([, h]) => h.n >= OVERLAP_MIN_DEVICES && h.n / o.devices >= OVERLAP_MIN_SHARE)
    for (const [customerId, h] of strong) {
      const via = h.serial * 2 >= h.n ? 'serial' : 'mac'
      out.push({
        orgId,
        customerId,
        shared: h.n,
        devices: o.devices,
        via,
        reason: `${h.n} of ${o.devices} devices share ${via === 'serial' ? 'serial numbers' : 'MAC addresses'} with this customer's assets`,
        conflicting: [...o.hits].some(([c, x]) => c !== customerId && x.n >= OVERLAP_MIN_DEVICES)
      })
    }
  }
  return out
}
