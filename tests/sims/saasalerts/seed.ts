import { companyNames, mulberry32, pick } from '../common'
import { docId, type SaCustomer, type SaEvent, type SaSeverity, type SaasAlertsSimState } from './model'

// Deterministic seeding. Same convention as the other sims: customer i is companyNames(seed, size)[i],
// the same company as JumpCloud org i and (a messy variant of) PSA customer i, so one PSA customer
// can be mapped from one organization of each source.

export const SIM_SAAS_ALERTS_KEY = 'sa-sim-partner-key'

/**
 * Event types of the third-party description (saasalerts.md "Events", UNCONFIRMED) with the severity and
 * `jointDesc` the simulator gives them. SaaS Alerts decides severities itself; these are plausible picks.
 */
export const EVENT_TYPES: Record<string, { severity: SaSeverity; desc: string }> = {
  'login.failure': { severity: 'low', desc: 'IAM Event - Authentication Failure' },
  'login.success': { severity: 'low', desc: 'IAM Event - Authentication Success From New Location' },
  'cross.ip.connections': { severity: 'medium', desc: 'IAM Event - Connections From Multiple IPs' },
  'file.sharing.external': { severity: 'medium', desc: 'File Event - File Shared Outside The Organization' },
  'oauth.granted.permission': { severity: 'medium', desc: 'IAM Event - OAuth Permission Granted' },
  'admin.new.admin': { severity: 'critical', desc: 'IAM Event - New Admin Added' },
  'mfa.disable': { severity: 'critical', desc: 'Security Policy Event - MFA Disabled' },
  'mail.forwarding.added': { severity: 'medium', desc: 'Email Event - Forwarding Rule Added' },
  'impossible.travel': { severity: 'critical', desc: 'IAM Event - Impossible Travel' },
  'brute.force.attack': { severity: 'critical', desc: 'IAM Event - Brute Force Attack' }
}

const APPS = ['microsoft365', 'microsoft365', 'google_workspace', 'salesforce', 'slack', 'dropbox']
const FIRST = ['ana', 'ben', 'carla', 'dev', 'eli', 'fatima', 'greg', 'hana', 'ivan', 'jo', 'kai', 'lena']
const LAST = ['smith', 'nguyen', 'garcia', 'okafor', 'rossi', 'tanaka', 'brown', 'singh']

export interface SaasAlertsSeedOptions {
  seed?: number
  size?: number
  apiKey?: string
  /** Base time for seeded events (the last 7 days before it) and billing dates. Default: now. */
  now?: number
}

function domainOf(name: string): string {
  return (
    (name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 20) || 'org') + '.example.com'
  )
}

/** The 1st of `now`'s month and of the two months before it (UTC), as YYYY-MM-DD. */
function billingDates(now: number): string[] {
  const d = new Date(now)
  return [2, 1, 0].map((back) =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 10)
  )
}

export function makeEvent(
  state: SaasAlertsSimState,
  customer: SaCustomer,
  input: { eventType: string; timestamp: string; user?: string; alertStatus?: SaSeverity; application?: string },
  rng: () => number
): SaEvent {
  const known = EVENT_TYPES[input.eventType]
  const event: SaEvent = {
    eventId: docId(state, 'ev'),
    eventType: input.eventType,
    jointDesc: known?.desc ?? `Event - ${input.eventType}`,
    alertStatus: input.alertStatus ?? known?.severity ?? 'medium',
    application: input.application ?? customer.applications?.[0] ?? 'microsoft365',
    customerId: customer.customerId,
    customerName: customer.name,
    userId: input.user ?? customer.users[0] ?? `admin@${domainOf(customer.name)}`,
    timestamp: new Date(input.timestamp).toISOString()
  }
  // Vary what the description leaves open: sourceIp absent or null, details absent or present.
  const r = rng()
  if (r < 0.6) event.sourceIp = `198.51.100.${1 + Math.floor(rng() * 250)}`
  else if (r < 0.8) event.sourceIp = null
  if (rng() < 0.5) event.details = { country: pick(rng, ['US', 'CA', 'DE', 'BR']), attempts: 1 + Math.floor(rng() * 9) }
  return event
}

export function makeCustomer(state: SaasAlertsSimState, name: string, rng: () => number, users: number): SaCustomer {
  const domain = domainOf(name)
  const customer: SaCustomer = {
    customerId: docId(state, 'cu'),
    name,
    status: 'active',
    userCount: users,
    users: Array.from({ length: users }, (_, i) => `${pick(rng, FIRST)}.${pick(rng, LAST)}${i}@${domain}`)
  }
  if (rng() < 0.8) customer.applications = [pick(rng, APPS)]
  if (rng() < 0.5) customer.createdAt = new Date(Date.UTC(2024, 0, 1 + Math.floor(rng() * 300))).toISOString()
  return customer
}

export function seedSaasAlerts(opts: SaasAlertsSeedOptions = {}): SaasAlertsSimState {
  const seed = opts.seed ?? 1
  const size = opts.size ?? 20
  const now = opts.now ?? Date.now()
  const rng = mulberry32(seed + 11)
  const state: SaasAlertsSimState = {
    apiKey: opts.apiKey ?? SIM_SAAS_ALERTS_KEY,
    partner: { partnerId: 'partner-sim-0001', name: 'Demo MSP' },
    customers: [],
    events: [],
    billing: {},
    nextId: 1
  }
  const dates = billingDates(now)
  for (const d of dates) state.billing[d] = {}
  const types = Object.keys(EVENT_TYPES)
  for (const name of companyNames(seed, size)) {
    const c = makeCustomer(state, name, rng, 2 + Math.floor(rng() ** 2 * 50))
    // A few inactive customers, and some whose user count is not known (null).
    if (rng() < 0.08) c.status = 'inactive'
    else if (rng() < 0.1) c.userCount = null
    state.customers.push(c)
    for (const d of dates) state.billing[d]![c.customerId] = Math.max(0, c.users.length - Math.floor(rng() * 3))
    const events = Math.floor(rng() * 4)
    for (let i = 0; i < events; i++) {
      const ts = new Date(now - Math.floor(rng() * 7 * 86_400_000)).toISOString()
      state.events.push(
        makeEvent(state, c, { eventType: pick(rng, types), timestamp: ts, user: pick(rng, c.users) }, rng)
      )
    }
  }
  return state
}
