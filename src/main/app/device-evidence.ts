import type { PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { deviceOverlap } from '../assets/overlap'
import { lastPullAt, loadAssets, loadDevices } from '../assets/store'
import type { DeviceEvidence } from '../customers/device-evidence'

// Assets → Customers: the device overlap of every pulled org with every pulled PSA customer, as evidence for the
// org mapping suggestions. Wired here because it spans two domains. Recomputed only after a pull.

export function deviceEvidenceSource(
  db: Db
): (psa: PsaKind, source: SourceKind) => { key: string; evidence: readonly DeviceEvidence[] } {
  const cache = new Map<string, { key: string; evidence: DeviceEvidence[] }>()
  return (psa, source) => {
    const key = `${psa}|${source}|${lastPullAt(db) ?? ''}`
    const hit = cache.get(source)
    if (hit?.key === key) return hit
    // A source's org ids only mean something within it: its own devices only.
    const devices = loadDevices(db, source).filter((d) => !d.missing)
    const assets = loadAssets(db, psa).filter((a) => !a.missing)
    const evidence = deviceOverlap(devices, assets).map(
      ({ orgId, customerId, shared, devices: n, via, conflicting }) => ({
        orgId,
        customerId,
        shared,
        devices: n,
        via,
        conflicting
      })
    )
    const entry = { key, evidence }
    cache.set(source, entry)
    return entry
  }
}
