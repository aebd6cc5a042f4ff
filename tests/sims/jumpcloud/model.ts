// In-memory state of the JumpCloud simulator (one MTP provider with N client organizations).
// Field names follow the official specs: V1 `systemuserreturn` / `JcSystem`, V2 `Organization`,
// V2 `system-insights-interface-details`, and the DI event shape of jumpcloud.md §A.3.

export interface JcUser {
  _id: string
  username: string
  email: string
  firstname: string
  lastname: string
  /** `state` enum STAGED|ACTIVATED|SUSPENDED, plus the `suspended` flag (§A.2). */
  state: 'STAGED' | 'ACTIVATED' | 'SUSPENDED'
  suspended: boolean
  activated: boolean
  account_locked: boolean
  created: string
}

export interface JcNetworkInterface {
  name: string
  address: string
  family: 'IPv4' | 'IPv6'
  internal: boolean
  /** Not in V1 `JcSystem.networkInterfaces`; served by /api/v2/systeminsights/interface_details. */
  mac: string
}

export interface JcSystem {
  _id: string
  hostname: string
  displayName: string
  serialNumber: string
  os: string
  version: string
  created: string
  /** RFC3339; V1 `JcSystem.lastContact`. */
  lastContact: string | null
  networkInterfaces: JcNetworkInterface[]
  /** Not in V1: served by /api/v2/systeminsights/chassis_info (`chassis_types`). */
  chassisTypes: string
  /** Not in V1: served by /api/v2/systeminsights/system_info (`hardware_model`). */
  hardwareModel: string
}

export interface DiSystemRef {
  id: string
  hostname: string
  displayName: string
}

/** Real DI events (public captures): no `message`; `provider` null or ""; extra keys vary by service. */
export interface DiEvent {
  id: string
  event_type: string
  service: string
  /** RFC3339 UTC with 0, 3, 8 or 9 fractional digits. */
  timestamp: string
  organization: string
  provider: string | null
  initiated_by: { id: string; type: string; username?: string; email?: string }
  resource?: { id: string; type: string; username?: string; email?: string; hostname?: string }
  system?: DiSystemRef
  auth_context?: { system?: DiSystemRef }
  success: boolean
  client_ip: string
  geoip?: Record<string, unknown>
  useragent?: Record<string, unknown>
  mfa?: boolean
  auth_method?: string
  changes?: Array<{ field: string; from: unknown; to: unknown }>
  '@version': string
}

export interface JcOrg {
  id: string
  name: string
  maxSystemUsers: number
  users: JcUser[]
  systems: JcSystem[]
  events: DiEvent[]
}

export interface JumpCloudSimState {
  providerId: string
  /** Provider (MTP admin) API key: must send x-org-id on per-org routes (§A.0). */
  apiKey: string
  orgs: JcOrg[]
  /** Counter behind generated 24-hex ids. */
  nextId: number
}

/** Mongo-style 24-hex id; the prefix keeps ids of different kinds apart, the counter keeps them unique. */
export function objectId(state: { nextId: number }, prefix: string): string {
  const n = state.nextId++
  return (prefix + n.toString(16).padStart(24 - prefix.length, '0')).slice(0, 24)
}

export function findOrg(state: JumpCloudSimState, id: string): JcOrg | undefined {
  return state.orgs.find((o) => o.id === id)
}
