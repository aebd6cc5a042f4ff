import { isAppError } from '../../../shared/errors'
import type { PermissionReport } from '../types'
import type { AutotaskApi } from './api'
import type { FilterNode } from './query'
import { CompanySchema, ConfigurationItemSchema, ContractSchema, ContractServiceUnitSchema } from './schemas'

async function probe(operation: PermissionReport['operation'], run: () => Promise<unknown>): Promise<PermissionReport> {
  try {
    await run()
    return { operation, allowed: true }
  } catch (e) {
    if (isAppError(e) && e.code === 'permission') return { operation, allowed: false, detail: e.message }
    throw e
  }
}

/** One cheap read per area; writes are reported as unknown. */
export async function probeAll(api: AutotaskApi): Promise<PermissionReport[]> {
  const one = { maxRecords: 1, limit: 1 }
  const all: FilterNode[] = [{ op: 'gte', field: 'id', value: 0 }]
  const reads = await Promise.all([
    probe('listCustomers', () => api.query('Companies', all, CompanySchema, one)),
    probe('listBillingTargets', async () => {
      await api.query('Contracts', all, ContractSchema, one)
      await api.query('ContractServiceUnits', all, ContractServiceUnitSchema, one)
    }),
    probe('readTicketMetadata', () => api.fields('Tickets')),
    probe('listAssets', () => api.query('ConfigurationItems', all, ConfigurationItemSchema, one))
  ])
  // Writes can only be proven by writing; we do not create test records in a live PSA.
  const writes = (['createCustomer', 'setQuantity', 'createTicket', 'addTicketNote'] as const).map(
    (operation): PermissionReport => ({
      operation,
      allowed: 'unknown',
      detail: 'Autotask only tells on the first real write.'
    })
  )
  return [...reads, ...writes]
}
