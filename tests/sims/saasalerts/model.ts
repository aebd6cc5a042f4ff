// In-memory state of the SaaS Alerts simulator: one MSP partner with N customers (organizations),
// their security events and billing snapshots. Field names follow ../shared/api/saasalerts.md; the
// ones it marks UNCONFIRMED are marked here too.

export type SaSeverity = 'low' | 'medium' | 'critical'

/** `GET /customers` item (UNCONFIRMED fields: customerId, name, status, userCount, applications). */
export interface SaCustomer {
  customerId: string
  name: string
  status: 'active' | 'inactive' | 'suspended'
  userCount: number | null
  applications?: string[]
  users: string[]
  /** Extra key real servers may send; clients must pass it through. */
  createdAt?: string
}

/** `GET /reports/events` item (UNCONFIRMED field list of the third-party description). */
export interface SaEvent {
  eventId: string
  eventType: string
  jointDesc: string
  alertStatus: SaSeverity
  application: string
  customerId: string
  customerName: string
  userId: string
  sourceIp?: string | null
  timestamp: string
  details?: Record<string, unknown>
}

export interface SaasAlertsSimState {
  apiKey: string
  partner: { partnerId: string; name: string }
  customers: SaCustomer[]
  events: SaEvent[]
  /** billing date (YYYY-MM-DD) → customerId → billable users. UNCONFIRMED shape of billing details. */
  billing: Record<string, Record<string, number>>
  nextId: number
}

/** 20 alphanumerics, like the Firestore document ids behind a Cloud Functions API (UNCONFIRMED). */
export function docId(state: { nextId: number }, prefix: string): string {
  const n = (state.nextId++).toString(36)
  return prefix + n.padStart(20 - prefix.length, '0')
}

export function findCustomer(state: SaasAlertsSimState, id: string): SaCustomer | undefined {
  return state.customers.find((c) => c.customerId === id)
}
