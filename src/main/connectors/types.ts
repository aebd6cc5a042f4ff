// The two interfaces every connector implements. Ids are strings everywhere in our domain
// (Syncro/Autotask ids are integers on the wire, JumpCloud ids are hex strings).

export type { PsaKind, SourceKind } from '../../shared/registry'
import type { PsaKind } from '../../shared/registry'

export interface PsaCustomer {
  id: string
  name: string
  /** Autotask: company type label/number; Syncro: undefined. */
  type?: string
  active: boolean
}

export interface Choice {
  value: string
  label: string
}

export interface TicketMetadata {
  statuses: Choice[]
  priorities: Choice[]
  /** Syncro problem types, Autotask issue types. */
  issueTypes: Choice[]
  /** Autotask sub-issue types; `parent` is the issue type value. Empty for Syncro. */
  subIssueTypes: Array<Choice & { parent: string }>
  /** Autotask only. */
  queues: Choice[]
  /** Autotask only. */
  sources: Choice[]
  technicians: Choice[]
  /** Status values that mean the ticket is closed (Syncro "Resolved"/"Invoiced", Autotask 5 Complete). */
  closedStatuses: string[]
  /** What a new ticket must carry: at least one field of each entry (e.g. Autotask: a queue or a technician). */
  requiredOneOf?: Array<{
    fields: Array<'queue' | 'technicianId' | 'priority' | 'status' | 'issueType'>
    message: string
  }>
}

/** A recurring invoice (Syncro schedule) or a Recurring Service contract (Autotask), with its billable items. */
export interface BillingContainer {
  id: string
  name: string
  customerId: string
  items: BillingItem[]
}

/** A Syncro schedule line item, or an Autotask contract service. */
export interface BillingItem {
  id: string
  name: string
  quantity: number
  unitCost?: number
  unitPrice?: number
  /** The catalogue service (Autotask serviceID) / product (Syncro product_id) it bills, when it names one. */
  serviceId?: string
}

/** A catalogue entry a contract can bill on: an Autotask Service, a Syncro product. */
export interface PsaService {
  id: string
  name: string
  unitCost?: number
  unitPrice?: number
}

/** A service to add to a billing container (its units are set afterwards, like any quantity). */
export interface NewContractService {
  serviceId: string
  name: string
  unitCost: number
  unitPrice: number
}

/** A customer's contract as tickets reference it (Autotask Contracts, Syncro contracts). */
export interface PsaContract {
  id: string
  name: string
  customerId: string
}

export interface BillingTargetRef {
  containerId: string
  itemId: string
}

/** Map key of a target in `PsaConnector.getQuantities` results. */
export function targetKey(t: BillingTargetRef): string {
  return JSON.stringify([t.containerId, t.itemId])
}

export interface QuantityWrite {
  target: BillingTargetRef
  change: QuantityChange
}

export interface QuantityChange {
  from: number
  to: number
  /** The unit cost / price to set with it (a mapping's own values; left out = leave the PSA's as they are). */
  unitCost?: number
  unitPrice?: number
  /**
   * The calendar day ('YYYY-MM-DD', billing time zone) whose billing period this quantity is for. Autotask posts the
   * adjustment effective from that period's start, so the whole period carries it; Syncro ignores it.
   */
  billingDay: string
}

/** A target's quantity (and money values) as the PSA holds them for a billing day's period. */
export interface QuantityRead {
  quantity: number
  unitCost?: number
  unitPrice?: number
  /** Autotask: the period holds more than one units value (a mid-period change): it must be evened out. */
  split?: boolean
}

export interface ReadOptions {
  /** As QuantityChange.billingDay; default: today (UTC). */
  billingDay?: string
  /**
   * getQuantities only: each target's read as soon as it is known (a page of a paged list), so a run can start
   * writing while later pages load. Final: the map getQuantities returns holds the same value for that key.
   */
  onRead?: (key: string, read: QuantityRead | Error) => void
}

export interface NewTicket {
  customerId: string
  subject: string
  body: string
  status?: string
  priority?: string
  issueType?: string
  subIssueType?: string
  queue?: string
  source?: string
  dueDate?: Date
  technicianId?: string
  /** The customer's PSA contract set on the ticket (Autotask `contractID`, Syncro `contract_id`). */
  contractId?: string
  /** Unique marker we put in the ticket so a lost reply can be recovered by lookup (exactly-once). */
  marker: string
}

export interface NewNote {
  title: string
  body: string
  /** true = internal/hidden note, false = public. */
  internal: boolean
}

export interface PsaTicketRef {
  id: string
  number?: string
  url?: string
}

export interface PsaTicketState {
  id: string
  status: string
  open: boolean
}

export interface PsaAsset {
  id: string
  customerId: string
  name: string
  serial?: string
  /** The PSA's asset type: Syncro type name, Autotask configurationItemType value. */
  type?: string
  /** Where the PSA records them (Autotask RMM audit fields, Syncro custom fields). */
  hostname?: string
  macs?: string[]
  /** false: retired / inactive in the PSA. */
  active?: boolean
  /** ISO time of the PSA's last change, when it says. */
  updatedAt?: string
}

export interface NewAsset {
  customerId: string
  name: string
  /** A value of `listAssetTypes()`. */
  type: string
  serial?: string
  hostname?: string
  macs?: string[]
}

export type PsaOperation =
  | 'listCustomers'
  | 'createCustomer'
  | 'listBillingTargets'
  | 'setQuantity'
  | 'readTicketMetadata'
  | 'createTicket'
  | 'addTicketNote'
  | 'listAssets'

export interface PermissionReport {
  operation: PsaOperation
  /** 'unknown' when the only way to know is to try a write. */
  allowed: boolean | 'unknown'
  detail?: string
}

export interface PsaIdentity {
  /** What to show the user: "acme.syncromsp.com (Joe Doe)" or "Autotask zone Pre Release". */
  displayName: string
}

export interface PsaConnector {
  readonly kind: PsaKind
  /** Proves the credentials with a cheap authenticated call; throws AppError('auth'|...) otherwise. */
  verify(): Promise<PsaIdentity>
  probePermissions(): Promise<PermissionReport[]>
  listCustomers(opts?: { includeProspects?: boolean; includeInactive?: boolean }): Promise<PsaCustomer[]>
  createCustomer(input: { name: string }): Promise<PsaCustomer>
  listBillingTargets(customerId: string): Promise<BillingContainer[]>
  getQuantity(target: BillingTargetRef, opts?: ReadOptions): Promise<QuantityRead>
  setQuantity(target: BillingTargetRef, change: QuantityChange): Promise<void>
  /**
   * Optional batch read for billing runs: the quantities of many targets in fewer requests than one per target.
   * Keyed by `targetKey`; a target missing from the map no longer exists; an Error value = that target alone could not
   * be read (e.g. its invoice's reply was malformed). Throws only when the PSA as a whole failed. Same values as
   * getQuantity.
   */
  getQuantities?(targets: BillingTargetRef[], opts?: ReadOptions): Promise<Map<string, QuantityRead | Error>>
  /**
   * Optional batch write: like setQuantity for each (same checks, re-read at the effective date), with the re-reads
   * batched. Resolves per write, in order: null = done, an Error = that write failed (nothing thrown for one item).
   */
  setQuantities?(writes: QuantityWrite[]): Promise<Array<Error | null>>
  /** Active catalogue services (Autotask) / products (Syncro): what a Default Contract Service is picked from. */
  listServices?(): Promise<PsaService[]>
  /**
   * Adds a catalogue service to a billing container with 0 units (Autotask: a ContractService on the recurring
   * contract; Syncro: a line on the recurring invoice). Not idempotent: callers look for it first.
   */
  addContractService?(containerId: string, service: NewContractService): Promise<BillingItem>
  /** The customer's contracts, for tickets (Autotask: every active contract; Syncro: /contracts). */
  listContracts?(customerId: string): Promise<PsaContract[]>
  getTicketMetadata(): Promise<TicketMetadata>
  createTicket(input: NewTicket): Promise<PsaTicketRef>
  addTicketNote(ticketId: string, note: NewNote): Promise<{ id: string }>
  /** null when the ticket no longer exists. */
  getTicket(ticketId: string): Promise<PsaTicketState | null>
  /** Looks for a ticket of this customer carrying `marker` (subject or description). */
  findTicketByMarker(customerId: string, marker: string): Promise<PsaTicketRef | null>
  /** Whether a note carrying `marker` is already on the ticket (a retried note whose reply was lost). */
  hasNoteWithMarker(ticketId: string, marker: string): Promise<boolean>
  /** Active and inactive assets of one customer. */
  listAssets(customerId: string): Promise<PsaAsset[]>
  /** Only the assets changed since `since` (PSAs that can filter on it: an incremental pull). */
  listAssetsChangedSince?(customerId: string, since: Date): Promise<PsaAsset[]>
  /** `complete: false` when the PSA cannot list them (Syncro: names seen on assets); other names may exist. */
  listAssetTypes(): Promise<{ types: Choice[]; complete: boolean }>
  createAsset(input: NewAsset): Promise<PsaAsset>
}

export type SourceRegion = 'us' | 'eu'

export interface SourceOrg {
  id: string
  name: string
}

export interface UsageCounts {
  /** All users, suspended included (JumpCloud bills them). */
  users: number
  devices: number
}

export interface SourceEvent {
  id: string
  orgId: string
  eventType: string
  /** RFC3339 UTC. */
  timestamp: string
  /** Affected user (username or email) if any. */
  user?: string
  /** Affected device (hostname) if any. */
  device?: string
  deviceId?: string
  initiatedBy?: string
  message?: string
  /** SaaS Alerts `alertStatus`; undefined for sources without severities (JumpCloud) or an unknown value. */
  severity?: 'critical' | 'medium' | 'low'
  raw: unknown
}

export interface SourceDevice {
  id: string
  orgId: string
  hostname: string
  displayName?: string
  serial?: string
  macs: string[]
  os?: string
  /** ISO time the device last reported in. */
  lastContact?: string
  /** SMBIOS chassis type names (e.g. "Notebook"), when the source reports them. */
  chassisTypes?: string
  /** Hardware model (e.g. "MacBookPro18,1"). */
  model?: string
}

export interface SourceConnector {
  verify(): Promise<{ displayName: string; orgCount: number }>
  listOrganizations(): Promise<SourceOrg[]>
  getUsageCounts(orgId: string): Promise<UsageCounts>
  /** Whether count requests are waiting for the source's rate window now (absent: the source has none to speak of). */
  atRateLimit?(): boolean
  /**
   * All events of these types for these orgs in [start, end), oldest first, all pages. Without
   * `eventTypes`: every type where the source chooses alerts by severity (SaaS Alerts); none for JumpCloud.
   */
  fetchEvents(q: { orgIds: string[]; eventTypes?: string[]; start: Date; end: Date }): Promise<SourceEvent[]>
  listDevices(orgId: string): Promise<SourceDevice[]>
  /** Sources that bill from a billing date (SaaS Alerts): the dates they have details for, oldest first. */
  listBillingDates?(): Promise<string[]>
  /** Billable users per organization id on that billing date; an organization absent has none. */
  getBillableUsers?(billingDate: string): Promise<Map<string, number>>
}
