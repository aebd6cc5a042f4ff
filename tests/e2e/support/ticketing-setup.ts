import { expect, type Page } from '@playwright/test'
import type { MethodInput, MethodName } from '../../../src/shared/contract'
import { bridgeCall, type Psa } from './billing-setup'
import type { E2eSims } from './sims'

/** A ticket as the PSA simulator holds it, reduced to what the Ticketing screen sets (both PSAs alike). */
export interface SimTicket {
  id: string
  number: string
  customerId: string
  subject: string
  priority: string | null
  technicianId: string | null
  queue: string | null
  notes: number
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))

export function simTickets(sims: E2eSims, psa: Psa): SimTicket[] {
  if (psa === 'syncro') {
    return sims.syncro.account().tickets.map((t) => ({
      id: String(t.id),
      number: String(t.number),
      customerId: String(t.customer_id),
      subject: t.subject,
      priority: t.priority,
      technicianId: str(t.user_id),
      queue: null,
      notes: t.comments.length - 1 // the first comment is the ticket body
    }))
  }
  const tables = sims.autotask.state.tables
  return tables.Tickets.map((t) => ({
    id: String(t.id),
    number: String(t.ticketNumber),
    customerId: String(t.companyID),
    subject: String(t.title),
    priority: str(t.priority),
    technicianId: str(t.assignedResourceID),
    queue: str(t.queueID),
    notes: tables.TicketNotes.filter((n) => n.ticketID === t.id).length
  }))
}

export interface TicketingSetup {
  org: { id: string; name: string }
  unmappedOrg: { id: string; name: string }
  customer: { id: string; name: string }
}

/**
 * Connects JumpCloud and the PSA, reads both sides and maps the first org to the first active customer;
 * the second org stays unmapped. The sim's seeded Directory Insights events are removed so each test
 * sees only the alerts it injects. Ticketing itself is configured through the UI.
 */
export async function connectForTicketing(
  page: Page,
  origin: string,
  sims: E2eSims,
  psa: Psa
): Promise<TicketingSetup> {
  const call = <M extends MethodName>(name: M, input: MethodInput<M>) => bridgeCall(page, origin, name, input)
  for (const o of sims.jumpcloud.state.orgs) o.events = []
  const c = sims.creds
  await call('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId })
  if (psa === 'syncro') await call('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken })
  else await call('saveAutotask', { ...c.autotask })
  await call('refreshData', { from: 'both' })
  const view = await call('getCustomersView', {})
  const [org, unmapped] = view.orgs
  const customer = view.customers.find((x) => x.active && !x.missing)
  if (!org || !unmapped || !customer) throw new Error('the sims need two orgs and an active customer')
  await call('mapOrg', { source: 'jumpcloud', orgId: org.id, customerId: customer.id })
  return {
    org: { id: org.id, name: org.name },
    unmappedOrg: { id: unmapped.id, name: unmapped.name },
    customer: { id: customer.id, name: customer.name }
  }
}

/** One Directory Insights event, 3 minutes old: inside the intake window, which ends 2 minutes before now (jumpcloud.md §A). */
export function injectEvent(
  sims: E2eSims,
  orgId: string,
  eventType: string,
  who: { user?: string; device?: string }
): void {
  sims.jumpcloud.control.addEvents({
    orgId,
    eventType,
    ...who,
    timestamp: new Date(Date.now() - 3 * 60_000).toISOString()
  })
}

export async function goToTicketing(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: 'Ticketing' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Turn security alerts into tickets')
}
