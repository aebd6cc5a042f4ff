// Companies = customers (autotask.md §7.1).
import { AppError } from '../../../shared/errors'
import type { PsaConnector, PsaCustomer } from '../types'
import type { AutotaskApi } from './api'
import type { FilterNode } from './query'
import { CompanySchema } from './schemas'

const COMPANY_CUSTOMER = 1
const COMPANY_PROSPECT = 3 // autotask.md §7.1
const COMPANY_TYPE_LABELS: Record<number, string> = { 1: 'Customer', 3: 'Prospect', 7: 'Vendor' }

export async function listCompanies(
  api: AutotaskApi,
  o: Parameters<PsaConnector['listCustomers']>[0] = {}
): Promise<PsaCustomer[]> {
  const types = o.includeProspects ? [COMPANY_CUSTOMER, COMPANY_PROSPECT] : [COMPANY_CUSTOMER]
  const filter: FilterNode[] = [
    { op: 'gt', field: 'id', value: 0 }, // not the MSP's own company
    { op: 'in', field: 'companyType', value: types }
  ]
  if (!o.includeInactive) filter.push({ op: 'eq', field: 'isActive', value: true })
  const rows = await api.query('Companies', filter, CompanySchema)
  return rows.map((c) => ({
    id: String(c.id),
    name: c.companyName,
    type: c.companyType == null ? undefined : (COMPANY_TYPE_LABELS[c.companyType] ?? String(c.companyType)),
    active: c.isActive
  }))
}

export async function addCompany(api: AutotaskApi, rawName: string): Promise<PsaCustomer> {
  const name = rawName.trim()
  if (!name) throw new AppError('validation', 'A company name is required.', { field: 'name' })
  // A lost reply plus a retry must not leave two companies: refuse an exact (case-insensitive) twin.
  const twins = await api.query('Companies', [{ op: 'eq', field: 'companyName', value: name }], CompanySchema)
  const twin = twins[0]
  if (twin)
    throw new AppError('conflict', `Autotask already has a company named "${twin.companyName}" (id ${twin.id}).`, {
      hint: 'Map the organization to that company instead of creating a new one.'
    })
  const id = await api.create('Companies', { companyName: name, companyType: COMPANY_CUSTOMER })
  return { id: String(id), name, type: COMPANY_TYPE_LABELS[COMPANY_CUSTOMER], active: true }
}
