// What kind of machine a source device is, and which PSA asset type each kind becomes (a table like IT Glue's
// "configuration type mapping"): defaults found by name among the PSA's own types, overridable per kind.

import { DEVICE_KINDS, type DeviceKind } from '../../shared/contract/assets'

export { DEVICE_KINDS, type DeviceKind }

export interface DeviceTraits {
  /** osquery `chassis_info.chassis_types` (SMBIOS names: "Notebook", "Desktop", "Rack Mount Chassis"…). */
  chassisTypes?: string | null
  /** e.g. "Windows Server 2022 Datacenter", "Mac OS X", "iOS". */
  os?: string | null
  /** `system_info.hardware_model`, e.g. "MacBookPro18,1", "VMware Virtual Platform". */
  model?: string | null
}

const VIRTUAL_MODEL = /virtual|vmware|kvm|qemu|hvm domu|parallels|bochs|hyper-v/i
const SERVER_OS = /server|ubuntu server|rhel|red hat enterprise|centos|rocky|alma/i
const MOBILE_OS = /^(ios|ipados|android)\b/i
const LAPTOP_CHASSIS = /notebook|laptop|portable|sub notebook|convertible|detachable|tablet|hand held/i
const SERVER_CHASSIS = /server|rack mount|blade|multi-system/i
const DESKTOP_CHASSIS = /desktop|tower|all in one|mini pc|space-saving|lunch box|stick pc|pizza box/i
const MAC_LAPTOP = /^macbook/i
const MAC_DESKTOP = /^(imac|macmini|macpro|mac\d|mac studio)/i

export function deviceKindOf(t: DeviceTraits): DeviceKind {
  const os = t.os ?? ''
  const model = t.model ?? ''
  const chassis = t.chassisTypes ?? ''
  if (MOBILE_OS.test(os)) return 'mobile'
  if (VIRTUAL_MODEL.test(model)) return 'virtual'
  if (SERVER_OS.test(os) || SERVER_CHASSIS.test(chassis)) return 'server'
  if (LAPTOP_CHASSIS.test(chassis) || MAC_LAPTOP.test(model)) return 'laptop'
  if (DESKTOP_CHASSIS.test(chassis) || MAC_DESKTOP.test(model)) return 'desktop'
  return 'other'
}

/** A PSA asset type: Syncro asset type name, Autotask configurationItemType picklist value. */
export interface PsaAssetType {
  value: string
  label: string
}

/** Names tried in order, case-insensitively, against the PSA's type labels. */
const DEFAULT_NAMES: Record<DeviceKind, string[]> = {
  desktop: ['Desktop', 'Workstation', 'Computer', 'PC'],
  laptop: ['Laptop', 'Notebook', 'Workstation', 'Computer'],
  server: ['Server'],
  virtual: ['Virtual Machine', 'VM', 'Server', 'Workstation'],
  mobile: ['Mobile Device', 'Mobile', 'Phone', 'Tablet'],
  other: ['Other', 'Device', 'Computer', 'Workstation']
}

export type AssetTypeMapping = Record<DeviceKind, string | null>

/** Each kind → the first PSA type whose label equals one of its names; null when none does (create is refused). */
export function defaultTypeMapping(types: readonly PsaAssetType[]): AssetTypeMapping {
  const byLabel = new Map(types.map((t) => [t.label.trim().toLowerCase(), t.value]))
  const pick = (kind: DeviceKind) =>
    DEFAULT_NAMES[kind].map((n) => byLabel.get(n.toLowerCase())).find((v) => v !== undefined) ?? null
  return Object.fromEntries(DEVICE_KINDS.map((k) => [k, pick(k)])) as AssetTypeMapping
}

/** Saved overrides win where they still name an existing type (any name when the type list is not `complete`). */
export function resolveTypeMapping(
  types: readonly PsaAssetType[],
  saved: Partial<Record<DeviceKind, string | null>>,
  complete = true
): AssetTypeMapping {
  const out = defaultTypeMapping(types)
  const exists = new Set(types.map((t) => t.value))
  for (const k of DEVICE_KINDS) {
    const v = saved[k]
    if (v === null || (v !== undefined && (!complete || exists.has(v)))) out[k] = v
  }
  return out
}
