// In-memory state of the Syncro simulator: one account per subdomain. Field names follow the wire
// (snake_case) so serialising stays a thin projection (records.ts).

export interface SimCustomer {
  id: number
  firstname: string | null
  lastname: string | null
  business_name: string | null
  email: string | null
  disabled: boolean
  created_at: string
  updated_at: string
}

export interface SimLine {
  id: number
  schedule_id: number
  name: string
  description: string
  /** Decimal string on the wire (syncro.md §5.3 [S1]): kept as sent, e.g. "12.0". */
  quantity: string
  cost_cents: number
  retail_cents: number
  product_id: number | null
  position: number
  taxable: boolean
  user_id: number
  recurring_type_id: number | null
  one_time_charge: boolean
}

export interface SimSchedule {
  id: number
  customer_id: number
  name: string
  frequency: string
  next_run: string
  paused: boolean
  lines: SimLine[]
}

export interface SimComment {
  id: number
  ticket_id: number
  subject: string
  body: string
  hidden: boolean
  tech: string | null
  user_id: number | null
  created_at: string
  updated_at: string
}

export interface SimTicket {
  id: number
  number: number
  subject: string
  customer_id: number
  status: string
  priority: string | null
  problem_type: string | null
  user_id: number | null
  due_date: string | null
  contract_id: number | null
  created_at: string
  updated_at: string
  resolved_at: string | null
  comments: SimComment[]
}

export interface SimAsset {
  id: number
  customer_id: number
  name: string
  asset_type: string
  asset_serial: string | null
  created_at: string
  updated_at: string
  /** Custom fields (syncro.md §5.8); absent on seeded assets. */
  properties?: Record<string, unknown>
}

export interface SimUser {
  id: number
  full_name: string
  email: string
  admin: boolean
}

/** Token permission names as in Syncro's token editor (syncro.md §1 [S1][S13]). */
export const PERMISSIONS = [
  'Customers - List/Search',
  'Customers - View Detail',
  'Customers - Create/Edit/Delete',
  'Tickets - List/Search',
  'Tickets - View Details',
  'Tickets - Create/Edit/Delete',
  'Recurring Invoices - List',
  'Recurring Invoices - Edit',
  'Products - List',
  'Contracts - List',
  'Assets - List/Search',
  'Assets - Create'
] as const
export type Permission = (typeof PERMISSIONS)[number]

export interface SimToken {
  token: string
  user_id: number
  permissions: 'all' | Permission[]
}

/** A catalogue product (syncro.md §5.4 [S1]): prices in dollars, unlike schedule lines. */
export interface SimProduct {
  id: number
  name: string
  description: string
  price_cost: number
  price_retail: number
  disabled: boolean
  taxable: boolean
}

/** A customer's contract (syncro.md §5.10 [S1]); not a billing schedule. */
export interface SimContract {
  id: number
  customer_id: number
  name: string
  status: string
  start_date: string
  end_date: string | null
}

export interface SyncroAccount {
  subdomain: string
  customers: SimCustomer[]
  schedules: SimSchedule[]
  /** Absent in older saved states: none. */
  products?: SimProduct[]
  contracts?: SimContract[]
  tickets: SimTicket[]
  assets: SimAsset[]
  /** Asset type names the account has defined; a create naming another is refused (§5.8). Default: DEFAULT_ASSET_TYPES. */
  assetTypes?: string[]
  users: SimUser[]
  tokens: SimToken[]
  settings: { problem_types: string[]; priorities: string[]; ticket_status_list: string[] }
  nextId: number
  nextTicketNumber: number
}

export interface SyncroSimState {
  accounts: Record<string, SyncroAccount>
}

export function nextId(account: SyncroAccount): number {
  return account.nextId++
}

/** Asset types a fresh account is given in the simulator (names as MSPs commonly set them up). */
export const DEFAULT_ASSET_TYPES = [
  'Managed Windows Device',
  'Managed Mac Device',
  'Network Device',
  'Desktop',
  'Laptop',
  'Server'
]
