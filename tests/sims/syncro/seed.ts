import { companyNames, messyVariant, mulberry32 } from '../common'
import type { Permission, SimCustomer, SimSchedule, SyncroAccount, SyncroSimState } from './model'

// Deterministic seeding. Convention shared by all sims: org i of the JumpCloud sim is
// companyNames(seed, size)[i]; its PSA twin (for ~85% of orgs) is messyVariant(name, mulberry32(seed + 1)).

export const SIM_SUBDOMAIN = 'acme'
/** Full-permission token of the seeded account. */
export const SIM_TOKEN = 'syncro-sim-token'
/** Token that may list/view customers and tickets but not touch billing, create tickets or read assets. */
export const RESTRICTED_TOKEN = 'syncro-sim-restricted'
export const RESTRICTED_PERMISSIONS: Permission[] = [
  'Customers - List/Search',
  'Tickets - List/Search',
  'Tickets - View Details'
]

export interface SyncroSeedOptions {
  seed?: number
  /** Number of JumpCloud-side orgs the customers are derived from. */
  size?: number
  subdomain?: string
}

const SEEDED_AT = '2026-01-05T09:00:00.000Z'
const LINE_NAMES = ['JumpCloud Users', 'JumpCloud Devices', 'Managed Services']
const TECHS = ['Joe Doe', 'Maria Lopez', 'Sam Patel', 'Alex Kim']
const PEOPLE = [
  ['Walkin', 'Customer'],
  ['Dana', 'Whitfield'],
  ['Luis', 'Ortega'],
  ['Priya', 'Shah']
] as const
const ASSET_TYPES = ['Managed Windows Device', 'Managed Mac Device', 'Network Device']

export function seedSyncro(opts: SyncroSeedOptions = {}): SyncroSimState {
  const account = seedAccount(opts)
  return { accounts: { [account.subdomain]: account } }
}

export function emptyAccount(subdomain: string): SyncroAccount {
  return {
    subdomain,
    customers: [],
    schedules: [],
    tickets: [],
    assets: [],
    users: [],
    tokens: [],
    // syncro.md §5.6 [S1] example values.
    settings: {
      problem_types: ['Virus', 'TuneUp', 'Hardware', 'Software', 'Security', 'Other'],
      priorities: ['', '0 Urgent', '1 High', '2 Normal', '3 Low'],
      ticket_status_list: [
        'New',
        'In Progress',
        'Resolved',
        'Invoiced',
        'Waiting for Parts',
        'Waiting on Customer',
        'Scheduled',
        'Customer Reply'
      ]
    },
    nextId: 1,
    nextTicketNumber: 1001
  }
}

function seedAccount({ seed = 1, size = 20, subdomain = SIM_SUBDOMAIN }: SyncroSeedOptions): SyncroAccount {
  const a = emptyAccount(subdomain)
  const extra = Math.max(1, Math.round(size * 0.1))
  // The names past `size` belong to no org: PSA-only customers.
  const names = companyNames(seed, size + extra)
  const twin = mulberry32(seed + 1)
  const rng = mulberry32(seed + 2)

  const techCount = 2 + Math.floor(rng() * 3)
  for (let i = 0; i < techCount; i++) {
    const full_name = TECHS[i] ?? `Tech ${i}`
    a.users.push({
      id: a.nextId++,
      full_name,
      email: `${full_name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
      admin: i === 0
    })
  }
  const owner = a.users[0]!.id
  a.tokens.push({ token: SIM_TOKEN, user_id: owner, permissions: 'all' })
  a.tokens.push({ token: RESTRICTED_TOKEN, user_id: owner, permissions: RESTRICTED_PERMISSIONS })

  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (i < size) {
      if (twin() >= 0.85) continue
      addBusiness(a, messyVariant(name, twin), rng)
    } else {
      addBusiness(a, name, rng)
    }
    // Now and then a walk-in person without a business name (syncro.md §5.1 example).
    if (rng() < 0.05) {
      const [firstname, lastname] = PEOPLE[Math.floor(rng() * PEOPLE.length)]!
      a.customers.push(customer(a, { business_name: null, firstname, lastname }))
    }
  }
  // Products and contracts take their ids last, so every earlier record keeps the id it had before they existed.
  // A small product catalogue (syncro.md §5.4 [S1] fields); one disabled, as accounts keep old products.
  a.products = PRODUCTS.map(([name, cost, retail, disabled]) => ({
    id: a.nextId++,
    name,
    description: `${name} (per unit)`,
    price_cost: cost,
    price_retail: retail,
    disabled,
    taxable: false
  }))
  for (const c of a.customers) if (c.business_name) addContracts(a, c)
  return a
}

function addContracts(a: SyncroAccount, c: SimCustomer): void {
  // Most businesses have a contract (syncro.md §5.10 [S1] fields), some two. From the id, not `rng`.
  const contracts = c.id % 5 === 0 ? 0 : 1 + (c.id % 2)
  for (let k = 0; k < contracts; k++)
    (a.contracts ??= []).push({
      id: a.nextId++,
      customer_id: c.id,
      name: k === 0 ? 'Managed Services Agreement' : 'Security Add-on Agreement',
      status: 'Active',
      start_date: '2026-01-01T00:00:00.000Z',
      end_date: k === 0 ? null : '2027-01-01T00:00:00.000Z'
    })
}

function addBusiness(a: SyncroAccount, businessName: string, rng: () => number): void {
  const c = customer(a, { business_name: businessName, firstname: null, lastname: null })
  a.customers.push(c)
  const scheduleCount = Math.floor(rng() * 3)
  for (let s = 0; s < scheduleCount; s++) a.schedules.push(schedule(a, c, s, rng))
  const assetCount = Math.floor(rng() * 4)
  for (let k = 0; k < assetCount; k++) {
    a.assets.push({
      id: a.nextId++,
      customer_id: c.id,
      name: `${
        businessName
          .replace(/[^A-Za-z]/g, '')
          .slice(0, 6)
          .toUpperCase() || 'HOST'
      }-PC${k + 1}`,
      asset_type: ASSET_TYPES[Math.floor(rng() * ASSET_TYPES.length)]!,
      asset_serial:
        rng() < 0.8
          ? `SN${Math.floor(rng() * 1e8)
              .toString(36)
              .toUpperCase()}`
          : null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT
    })
  }
}

function customer(a: SyncroAccount, names: Pick<SimCustomer, 'business_name' | 'firstname' | 'lastname'>): SimCustomer {
  const slug = (names.business_name ?? `${names.firstname} ${names.lastname}`).toLowerCase().replace(/[^a-z0-9]+/g, '')
  return {
    id: a.nextId++,
    ...names,
    email: `billing@${slug || 'example'}.example`,
    disabled: false,
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT
  }
}

const PRODUCTS: Array<[string, number, number, boolean]> = [
  ['SaaS Alerts User', 1.5, 3, false],
  ['Managed Backup', 4, 8.5, false],
  ['Legacy AV Seat', 1, 2, true]
]

function schedule(a: SyncroAccount, c: SimCustomer, index: number, rng: () => number): SimSchedule {
  const s: SimSchedule = {
    id: a.nextId++,
    customer_id: c.id,
    name: index === 0 ? 'Monthly Managed Services' : 'Security Add-ons',
    frequency: 'Monthly',
    next_run: '2026-02-01T00:00:00.000Z',
    paused: false,
    lines: []
  }
  const lineCount = 1 + Math.floor(rng() * 3)
  for (let l = 0; l < lineCount; l++) {
    const retail = [800, 500, 4500][l]!
    s.lines.push({
      id: a.nextId++,
      schedule_id: s.id,
      name: LINE_NAMES[l]!,
      description: `${LINE_NAMES[l]} (per unit)`,
      quantity: `${Math.floor(rng() * 60)}.0`,
      cost_cents: Math.round(retail * 0.6),
      retail_cents: retail,
      product_id: null,
      position: l,
      taxable: false,
      user_id: a.users[0]!.id,
      recurring_type_id: 1,
      one_time_charge: false
    })
  }
  return s
}
