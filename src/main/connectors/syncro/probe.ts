import { z } from 'zod'
import { isAppError } from '../../../shared/errors'
import type { PermissionReport, PsaOperation } from '../types'
import type { SyncroApi } from './api'

// Syncro has no "what may this token do" endpoint: /me only shows coarse flags (syncro.md §1), so
// each operation is tried with the cheapest call that cannot change anything.

const anyBody = z.unknown()

type Probe = (api: SyncroApi) => Promise<void>

const read =
  (url: string, params: Record<string, string | number> = { page: 1 }): Probe =>
  async (api) => {
    await api.get(url, anyBody, params)
  }

/**
 * createTicket: POST /tickets without customer_id is refused with 422 "Customer required field"
 * (syncro.md §5.5 [S1]) and creates nothing. Inference: like any Rails before_action, the
 * permission check runs before validation, so 401 = not allowed, 422 = allowed.
 */
const ticketCreate: Probe = async (api) => {
  try {
    await api.post('/tickets', {}, anyBody)
  } catch (e) {
    if (isAppError(e) && e.code === 'validation') return
    throw e
  }
}

const PROBES: Array<[PsaOperation, Probe | string]> = [
  ['listCustomers', read('/customers', { page: 1, per_page: 1 })],
  ['createCustomer', 'Checked on the first customer created (no harmless write exists).'],
  ['listBillingTargets', read('/schedules')],
  ['setQuantity', 'Checked on the first quantity update (needs "Recurring Invoices - Edit").'],
  [
    'readTicketMetadata',
    async (api) => {
      await read('/settings', {})(api)
      await read('/tickets/settings', {})(api)
    }
  ],
  ['createTicket', ticketCreate],
  ['addTicketNote', 'Checked on the first note added (needs "Tickets - Create/Edit/Delete").'],
  ['listAssets', read('/customer_assets')]
]

export async function probeAll(api: SyncroApi): Promise<PermissionReport[]> {
  const out: PermissionReport[] = []
  for (const [operation, probe] of PROBES) {
    if (typeof probe === 'string') {
      out.push({ operation, allowed: 'unknown', detail: probe })
      continue
    }
    try {
      await probe(api)
      out.push({ operation, allowed: true })
    } catch (e) {
      if (!isAppError(e)) throw e
      if (e.code === 'auth') throw e // a bad token is not a permission answer
      if (e.code === 'permission') out.push({ operation, allowed: false, detail: e.hint ?? e.message })
      else out.push({ operation, allowed: 'unknown', detail: e.message })
    }
  }
  return out
}
