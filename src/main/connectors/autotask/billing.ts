// Recurring Service contracts = billing containers, ContractServices (+ ContractServiceUnits) = items (§7.2–§7.6).
import type { BillingContainer, BillingItem, NewContractService, PsaContract, PsaService } from '../types'
import { toInt, type AutotaskApi } from './api'
import { chunk } from './query'
import { ContractSchema, ContractServiceSchema, ContractServiceUnitSchema, ServiceSchema } from './schemas'

const CONTRACT_RECURRING = 7
const CONTRACT_ACTIVE = 1 // autotask.md §7.2

function coversAt(row: { startDate: string; endDate: string }, at: Date): boolean {
  const t = at.getTime()
  return Date.parse(row.startDate) <= t && t <= Date.parse(row.endDate)
}

/** The company's active Recurring Service contracts with their services and the units covering `at`. */
export async function listContracts(api: AutotaskApi, customerId: string, at: Date): Promise<BillingContainer[]> {
  const companyId = toInt(customerId, 'company')
  const contracts = await api.query(
    'Contracts',
    [
      { op: 'eq', field: 'companyID', value: companyId },
      { op: 'eq', field: 'contractType', value: CONTRACT_RECURRING },
      { op: 'eq', field: 'status', value: CONTRACT_ACTIVE }
    ],
    ContractSchema
  )
  if (contracts.length === 0) return []
  const services = (
    await Promise.all(
      chunk(contracts.map((c) => c.id)).map((ids) =>
        api.query('ContractServices', [{ op: 'in', field: 'contractID', value: ids }], ContractServiceSchema)
      )
    )
  ).flat()
  const [catalogue, units] = await Promise.all([
    services.length
      ? Promise.all(
          chunk([...new Set(services.map((s) => s.serviceID))]).map((ids) =>
            api.query('Services', [{ op: 'in', field: 'id', value: ids }], ServiceSchema)
          )
        ).then((x) => x.flat())
      : Promise.resolve([]),
    services.length
      ? Promise.all(
          chunk(services.map((s) => s.id)).map((ids) =>
            api.query(
              'ContractServiceUnits',
              [
                { op: 'in', field: 'contractServiceID', value: ids },
                { op: 'lte', field: 'startDate', value: at.toISOString() },
                { op: 'gte', field: 'endDate', value: at.toISOString() }
              ],
              ContractServiceUnitSchema
            )
          )
        ).then((x) => x.flat())
      : Promise.resolve([])
  ])
  const names = new Map(catalogue.map((s) => [s.id, s.name]))
  return contracts.map((c) => ({
    id: String(c.id),
    name: c.contractName,
    customerId: String(c.companyID),
    items: services
      .filter((s) => s.contractID === c.id)
      .map((s) => ({
        id: String(s.id),
        name: names.get(s.serviceID) ?? s.invoiceDescription ?? `Service ${s.serviceID}`,
        quantity: units.find((u) => u.contractServiceID === s.id && coversAt(u, at))?.units ?? 0,
        unitCost: s.unitCost ?? undefined,
        unitPrice: s.unitPrice ?? undefined,
        serviceId: String(s.serviceID)
      }))
  }))
}

/** The active catalogue Services (§7.3), by name. */
export async function listServices(api: AutotaskApi): Promise<PsaService[]> {
  const rows = await api.query('Services', [{ op: 'eq', field: 'isActive', value: true }], ServiceSchema)
  return rows
    .map((s) => ({
      id: String(s.id),
      name: s.name,
      ...(s.unitCost == null ? {} : { unitCost: s.unitCost }),
      ...(s.unitPrice == null ? {} : { unitPrice: s.unitPrice })
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * A ContractService on a Recurring Service contract, created through the only path the swagger gives it
 * (`POST /Contracts/{id}/Services`, §7.4); it carries no units — the ContractServiceAdjustments that set them follow.
 */
export async function addContractService(
  api: AutotaskApi,
  containerId: string,
  s: NewContractService
): Promise<BillingItem> {
  const contractID = toInt(containerId, 'contract')
  const serviceID = toInt(s.serviceId, 'service')
  const id = await api.create(`Contracts/${contractID}/Services`, {
    contractID,
    serviceID,
    unitCost: s.unitCost,
    unitPrice: s.unitPrice,
    invoiceDescription: s.name
  })
  return {
    id: String(id),
    name: s.name,
    quantity: 0,
    unitCost: s.unitCost,
    unitPrice: s.unitPrice,
    serviceId: s.serviceId
  }
}

/** The company's active contracts of any type (tickets can carry any of them), by name. */
export async function listCompanyContracts(api: AutotaskApi, customerId: string): Promise<PsaContract[]> {
  const rows = await api.query(
    'Contracts',
    [
      { op: 'eq', field: 'companyID', value: toInt(customerId, 'company') },
      { op: 'eq', field: 'status', value: CONTRACT_ACTIVE }
    ],
    ContractSchema
  )
  return rows
    .map((c) => ({ id: String(c.id), name: c.contractName, customerId: String(c.companyID) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
