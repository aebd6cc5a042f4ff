import { companyNames, mulberry32, pick } from '../common'
import { objectId, type DiEvent, type JcOrg, type JcSystem, type JcUser, type JumpCloudSimState } from './model'

// Deterministic seeding. Convention shared by all sims: org i of the JumpCloud sim is
// companyNames(seed, size)[i] (the ORIGINAL name); the PSA sims hold messy variants of it.

export const SIM_PROVIDER_ID = '5f0c1a2b3c4d5e6f7a8b9c0d'
export const SIM_API_KEY = 'jc-sim-provider-key'

const FIRST = [
  'Ana',
  'Ben',
  'Carla',
  'Dev',
  'Eli',
  'Fatima',
  'Greg',
  'Hana',
  'Ivan',
  'Jo',
  'Kai',
  'Lena',
  'Mo',
  'Nia',
  'Omar',
  'Pia'
]
const LAST = [
  'Smith',
  'Nguyen',
  'Garcia',
  'Okafor',
  'Müller',
  'Rossi',
  'Kowalski',
  'Tanaka',
  'Brown',
  'Singh',
  'Dubois',
  'Larsen'
]
const OSES = [
  ['Windows', '10 Pro'],
  ['Windows', '11 Pro'],
  ['Mac OS X', '14.5'],
  ['Ubuntu', '22.04']
] as const
const SEED_EVENT_TYPES = [
  'user_lockout',
  'user_password_expired',
  'user_admin_granted',
  'system_fde_key_decrypt',
  'login_attempt'
]

export interface JumpCloudSeedOptions {
  seed?: number
  /** Number of organizations. */
  size?: number
  providerId?: string
  apiKey?: string
  /** Base time for seeded events (the last 7 days before it). Default: now. */
  now?: number
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 20) || 'org'
  )
}

function hex(rng: () => number, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16)
  return s
}

export function makeUser(state: { nextId: number }, org: { name: string }, rng: () => number, created: string): JcUser {
  const firstname = pick(rng, FIRST)
  const lastname = pick(rng, LAST)
  const n = state.nextId
  const username = `${firstname}.${lastname}${n}`.toLowerCase().replace(/[^a-z0-9.]/g, '')
  return {
    _id: objectId(state, 'a'),
    username,
    email: `${username}@${slug(org.name)}.example.com`,
    firstname,
    lastname,
    state: 'ACTIVATED',
    suspended: false,
    activated: true,
    account_locked: false,
    created
  }
}

export function makeSystem(
  state: { nextId: number },
  org: { name: string },
  rng: () => number,
  created: string
): JcSystem {
  const [os, version] = pick(rng, OSES)
  const n = state.nextId
  const hostname =
    `${slug(org.name).slice(0, 8)}-${os.startsWith('Mac') ? 'mbp' : os === 'Ubuntu' ? 'srv' : 'pc'}-${n}`.toUpperCase()
  const ifaces = 1 + Math.floor(rng() * 2)
  return {
    _id: objectId(state, 'b'),
    hostname,
    displayName: hostname,
    serialNumber: hex(rng, 10).toUpperCase(),
    os,
    version,
    created,
    lastContact: created,
    // Derived, not drawn: adding these fields leaves every seeded sequence as it was.
    chassisTypes: os === 'Ubuntu' ? 'Rack Mount Chassis' : n % 3 === 0 ? 'Desktop' : 'Notebook',
    hardwareModel: os.startsWith('Mac') ? (n % 3 === 0 ? 'Macmini9,1' : 'MacBookPro18,1') : 'OptiPlex 7090',
    networkInterfaces: Array.from({ length: ifaces }, (_, i) => ({
      name: i === 0 ? 'eth0' : 'wlan0',
      address: `10.${Math.floor(rng() * 255)}.${Math.floor(rng() * 255)}.${1 + Math.floor(rng() * 250)}`,
      family: 'IPv4' as const,
      internal: false,
      mac: (hex(rng, 12).match(/../g) ?? []).join(':')
    }))
  }
}

export function seedJumpCloud(opts: JumpCloudSeedOptions = {}): JumpCloudSimState {
  const seed = opts.seed ?? 1
  const size = opts.size ?? 20
  const now = opts.now ?? Date.now()
  const rng = mulberry32(seed + 3)
  const state: JumpCloudSimState = {
    providerId: opts.providerId ?? SIM_PROVIDER_ID,
    apiKey: opts.apiKey ?? SIM_API_KEY,
    orgs: [],
    nextId: 1
  }
  const created = new Date(now - 90 * 86_400_000).toISOString()
  for (const name of companyNames(seed, size)) {
    const org: JcOrg = { id: objectId(state, '6'), name, maxSystemUsers: 0, users: [], systems: [], events: [] }
    const users = 2 + Math.floor(rng() ** 2 * 60)
    for (let i = 0; i < users; i++) {
      const u = makeUser(state, org, rng, created)
      // Some suspended users: still billable (§A.2), so they must be counted.
      if (rng() < 0.1) Object.assign(u, { state: 'SUSPENDED', suspended: true })
      org.users.push(u)
    }
    const systems = Math.floor(users * (0.5 + rng() * 0.6))
    for (let i = 0; i < systems; i++) org.systems.push(makeSystem(state, org, rng, created))
    const events = Math.floor(rng() * 4)
    for (let i = 0; i < events; i++) {
      const ts = new Date(now - Math.floor(rng() * 7 * 86_400_000)).toISOString()
      const user = org.users[Math.floor(rng() * org.users.length)]
      const system = org.systems.length ? org.systems[Math.floor(rng() * org.systems.length)] : undefined
      org.events.push(
        makeEvent(state, org, pick(rng, SEED_EVENT_TYPES), ts, { user: user?.username, device: system?.hostname })
      )
    }
    state.orgs.push(org)
  }
  return state
}

/** Event types of jumpcloud.md §A.3 and the service that emits them. */
const SYSTEM_EVENT_TYPES = new Set(['system_fde_key_decrypt', 'system_fde_key_update', 'login_attempt'])

/** An upper-case UUID, as some real DI events carry instead of a 24-hex id. */
function upperUuid(n: number): string {
  const h = (n * 2654435761).toString(16).padStart(12, '0').slice(-12)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(1, 4)}-8${h.slice(5, 8)}-${h}${h}`.slice(0, 36).toUpperCase()
}

/** RFC3339 with 0, 3, 8 or 9 fractional digits (all seen in real replies); the instant is unchanged. */
function varyFraction(iso: string, n: number): string {
  const [base, ms = '000Z'] = iso.split('.')
  const digits = ms.slice(0, 3)
  const variant = digits === '000' ? n % 4 : 1 + (n % 3)
  return variant === 0
    ? `${base}Z`
    : variant === 1
      ? `${base}.${digits}Z`
      : `${base}.${digits}${'0'.repeat(variant + 3)}Z`
}

/** Builds a DI event in the documented shape (§A.3 "Event JSON shape"); values stored lower-cased like DI does. */
export function makeEvent(
  state: JumpCloudSimState,
  org: JcOrg,
  eventType: string,
  timestamp: string,
  who: { user?: string; device?: string }
): DiEvent {
  const type = eventType.toLowerCase()
  const n = state.nextId
  const user = who.user ? org.users.find((u) => u.username === who.user || u.email === who.user) : undefined
  const system = who.device ? org.systems.find((s) => s.hostname === who.device) : undefined
  const service = SYSTEM_EVENT_TYPES.has(type) || (type === 'user_lockout' && who.device) ? 'systems' : 'directory'
  const hexId = objectId(state, 'e')
  const event: DiEvent = {
    id: n % 3 === 2 ? upperUuid(n) : hexId,
    event_type: type,
    service,
    timestamp: varyFraction(new Date(timestamp).toISOString(), n),
    organization: org.id,
    provider: n % 2 === 0 ? null : '',
    initiated_by:
      service === 'systems'
        ? { id: system?._id ?? '', type: 'system' }
        : { id: 'admin0000000000000000000', type: 'admin', email: 'admin@msp.example.com' },
    success: type !== 'login_attempt',
    client_ip: '203.0.113.10',
    '@version': '1'
  }
  if (service === 'directory') {
    event.geoip = { country_code: 'US', region_name: 'Colorado', timezone: 'America/Denver' }
    event.useragent = { name: 'Chrome', os: 'Mac OS X', version: '120.0' }
    event.mfa = n % 2 === 0
    event.auth_method = n % 2 === 0 ? 'session' : 'api-key'
    if (type === 'user_admin_granted') event.changes = [{ field: 'sudo', from: false, to: true }]
  }
  if (who.user) {
    event.resource = {
      id: user?._id ?? '',
      type: 'systemuser',
      username: (user?.username ?? who.user).toLowerCase(),
      email: user?.email.toLowerCase()
    }
  }
  if (who.device) {
    const hostname = system?.hostname ?? who.device
    const ref = { id: system?._id ?? '', hostname, displayName: hostname }
    // Where a disk-key event names its device is undocumented: `system`, `auth_context.system` (as SSO
    // events do) or a system `resource` all occur here, so clients must read every place.
    const place = type === 'system_fde_key_decrypt' ? n % 3 : 0
    if (place === 0) event.system = ref
    else if (place === 1) event.auth_context = { system: ref }
    else if (!event.resource) event.resource = { id: ref.id, type: 'system', hostname }
    else event.system = ref
  }
  return event
}
