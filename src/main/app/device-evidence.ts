import type { PsaKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { deviceOverlap } from '../assets/overlap'
import { lastPullAt, loadAssets, loadDevices } from '../assets/store'
import type { DeviceEvidence } from '../customers/device-evidence'
import { SOURCE } from '../customers/store'

// Assets → Customers: the device overlap of every pulled org with every pulled PSA customer, as evidence for the
// org mapping suggestions. Wired here because it spans two domains. Recomputed only after a pull.

export function deviceEvidenceSource(db: Db): (psa: PsaKind) => { key: string; evidence: readonly DeviceEvidence[] } {
  let cache: { key: string; evidence: DeviceEvidence[] } | null = null
  return (psa) => {
    const key = `${psa}|${lastPullAt(db) ?? ''}`
    if (cache?.key === key) return cache
    const devices = loadDevices(db, SOURCE).filter((d) => !d.missing)
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
    cache = { key, evidence }
    return cache
  }
}
