import type { Suggestion } from './suggest'

// Device overlap as a second kind of evidence beside the name: an org whose devices share serial numbers (or MACs)
// with one PSA customer's assets is very likely that customer, whatever the names say. It feeds the same
// confidence rule as names — confident only without a rival — and a disagreement between the name and the devices
// is shown in the reason, never confident. The evidence itself is computed by the app layer from the assets store.

export interface DeviceEvidence {
  orgId: string
  customerId: string
  /** Devices of the org whose serial or MAC is among this customer's assets. */
  shared: number
  /** Devices of the org with any usable serial or MAC. */
  devices: number
  via: 'serial' | 'mac'
  /** Another customer also shares several of the org's devices. */
  conflicting: boolean
}

export interface EvidenceScope {
  /** Orgs that still need a customer. */
  orgIds: ReadonlySet<string>
  /** Customers nobody is mapped to. */
  customerIds: ReadonlySet<string>
  customerName(id: string): string
}

export function deviceReason(e: DeviceEvidence, customerName: string): string {
  const what = e.via === 'serial' ? 'serial numbers' : 'MAC addresses'
  return `${e.shared} of ${e.devices} devices share ${what} with ${customerName}`
}

/** Name suggestions with device evidence folded in; orgs with only device evidence get a suggestion of their own. */
export function withDeviceEvidence(
  byName: ReadonlyMap<string, Suggestion>,
  evidence: readonly DeviceEvidence[],
  scope: EvidenceScope
): Map<string, Suggestion> {
  const usable = evidence.filter((e) => scope.orgIds.has(e.orgId) && scope.customerIds.has(e.customerId))
  if (usable.length === 0) return new Map(byName)
  // The strongest evidence per org; a second customer with evidence makes it conflicting.
  const best = new Map<string, DeviceEvidence>()
  for (const e of usable) {
    const cur = best.get(e.orgId)
    best.set(e.orgId, cur ? { ...(e.shared > cur.shared ? e : cur), conflicting: true } : e)
  }
  // Which orgs each customer's devices point to: two orgs claiming one customer are rivals.
  const claims = new Map<string, string[]>()
  for (const e of best.values()) claims.set(e.customerId, [...(claims.get(e.customerId) ?? []), e.orgId])
  const namedFor = new Map<string, string[]>()
  for (const s of byName.values()) namedFor.set(s.customerId, [...(namedFor.get(s.customerId) ?? []), s.orgId])

  const out = new Map<string, Suggestion>()
  for (const [orgId, s] of byName) {
    if (best.has(orgId)) continue
    // The name points at a customer whose devices belong to another org: the name alone is not enough.
    const other = (claims.get(s.customerId) ?? []).find((o) => o !== orgId)
    out.set(
      orgId,
      other
        ? {
            ...s,
            confident: false,
            reason: `${s.reason}; but another organization's devices are in ${scope.customerName(s.customerId)}`
          }
        : s
    )
  }
  for (const [orgId, e] of best) {
    const name = byName.get(orgId)
    const devices = deviceReason(e, scope.customerName(e.customerId))
    const share = Math.round((e.shared / e.devices) * 100) / 100
    const rivals =
      e.conflicting ||
      (claims.get(e.customerId) ?? []).some((o) => o !== orgId) ||
      (namedFor.get(e.customerId) ?? []).some((o) => o !== orgId)
    if (name && name.customerId !== e.customerId) {
      out.set(orgId, {
        orgId,
        customerId: e.customerId,
        score: share,
        confident: false,
        reason: `${devices} — but the name suggests ${scope.customerName(name.customerId)}`
      })
      continue
    }
    out.set(orgId, {
      orgId,
      customerId: e.customerId,
      score: Math.max(name?.score ?? 0, share),
      confident: !rivals,
      reason: name ? `${name.reason}; ${devices}` : devices
    })
  }
  return out
}
