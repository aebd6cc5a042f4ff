// Contract billing rules of the sim: monthly ContractServiceUnits periods and how a
// ContractServiceAdjustment splits them (autotask.md §7.4–§7.6, ContractServiceUnitsEntity.htm).
//
// Proration, as the sim models it: one units row per billing period (from the contract's start, monthly —
// contractPeriodType 1 in the seed); an adjustment effective inside a period splits that period's row at the
// effective date ([start, effective) keeps the old units, [effective, end] gets the new), and moves every later
// period too. Autotask bills each part pro rata: "By default, Autotask prorates service changes on a contract based
// on the effective date of the change … Additional line items are added to the customer's invoice for the prorated
// amounts" (support.sync365.app, "Autotask Feature: Disable Prorate"); Datto's KB "Edits to recurring service
// contracts created unwanted prorations" (kb.datto.com 360035806752) shows such edits cannot be undone, only offset.
// An adjustment effective at a period's start replaces that whole period's units — what LastPass's sync does:
// "the integration uploads seat counts with the start date of the current billing period" (support.lastpass.com).
// Tests read the rows of a period to check that the whole period carries one value.
import { AutotaskRuleError, ci, type Row } from './filter'
import { findById, nextId, type AutotaskState } from './model'

const RECURRING_SERVICE = 7 // contractType 7 = Recurring Service (autotask.md §7.2)

export function monthStart(d: Date, offsetMonths = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offsetMonths, 1))
}

/** One units row per monthly billing period from contract start to end (inclusive end = next start − 1 ms). */
export function addPeriods(state: AutotaskState, contract: Row, cs: Row, units: number): void {
  const end = Date.parse(String(contract.endDate))
  for (let start = new Date(String(contract.startDate)); start.getTime() <= end; start = monthStart(start, 1)) {
    const next = monthStart(start, 1)
    state.tables.ContractServiceUnits.push({
      id: nextId(state),
      contractID: contract.id,
      contractServiceID: cs.id,
      serviceID: cs.serviceID,
      startDate: start.toISOString(),
      endDate: new Date(Math.min(next.getTime(), end + 1) - 1).toISOString(),
      units,
      price: cs.unitPrice,
      cost: cs.unitCost
    })
  }
}

function intField(body: unknown, key: string, required: boolean): number | undefined {
  const v = ci(body, key)
  if (v === undefined || v === null) {
    if (required) throw new AutotaskRuleError(`Missing required field: ${key}.`)
    return undefined
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new AutotaskRuleError(`Invalid value for field ${key}.`)
  return v
}

/**
 * POST Contracts/{id}/Services (swagger: the only create path of ContractServiceModel, autotask.md §7.4): a service
 * on a Recurring Service contract, without units ("does not specify the number of units",
 * ContractServicesEntity.htm) — its units rows start at 0 and change through ContractServiceAdjustments.
 * Required fields beyond contractID/serviceID: unitPrice (UNCONFIRMED; the client always sends it). A second
 * ContractService of the same service is accepted here (whether Autotask refuses it is UNCONFIRMED), so a client that
 * adds twice is caught by tests rather than saved by the sim.
 */
export function addContractService(state: AutotaskState, body: unknown, parentContractId: number): number {
  const contract = findById(state, 'Contracts', parentContractId)
  if (!contract) throw new AutotaskRuleError('Value does not reference an existing entity for contractID.')
  if (contract.contractType !== RECURRING_SERVICE)
    throw new AutotaskRuleError('contractID must reference a Recurring Service type Contract.')
  const bodyContract = intField(body, 'contractID', false)
  if (bodyContract !== undefined && bodyContract !== contract.id)
    throw new AutotaskRuleError('contractID does not match the parent entity.')
  const service = findById(state, 'Services', intField(body, 'serviceID', true) ?? -1)
  if (!service) throw new AutotaskRuleError('Value does not reference an existing entity for serviceID.')
  const unitPrice = ci(body, 'unitPrice')
  if (typeof unitPrice !== 'number') throw new AutotaskRuleError('Missing required field: unitPrice.')
  const unitCost = ci(body, 'unitCost')
  const invoiceDescription = ci(body, 'invoiceDescription')
  const cs: Row = {
    id: nextId(state),
    contractID: contract.id,
    serviceID: service.id,
    unitPrice,
    unitCost: typeof unitCost === 'number' ? unitCost : service.unitCost,
    invoiceDescription: typeof invoiceDescription === 'string' ? invoiceDescription : null
  }
  state.tables.ContractServices.push(cs)
  addPeriods(state, contract, cs, 0)
  return cs.id as number
}

/**
 * POST ContractServiceAdjustments: auto-creates the ContractService when missing and splits the units
 * row covering effectiveDate into [start, effective) and [effective, end]; later periods shift too (§7.6).
 */
export function applyAdjustment(state: AutotaskState, body: unknown, parentContractId?: number): number {
  const contractId = parentContractId ?? intField(body, 'contractID', true)
  const contract = findById(state, 'Contracts', contractId ?? -1)
  if (!contract) throw new AutotaskRuleError('Value does not reference an existing entity for contractID.')
  if (contract.contractType !== RECURRING_SERVICE)
    throw new AutotaskRuleError('ContractServiceAdjustments require a Recurring Service contract (contractType 7).')
  const unitChange = intField(body, 'unitChange', true) ?? 0
  const rawDate = ci(body, 'effectiveDate')
  const effective = typeof rawDate === 'string' ? Date.parse(rawDate) : NaN
  if (Number.isNaN(effective)) throw new AutotaskRuleError('Missing required field: effectiveDate.')
  const csId = intField(body, 'contractServiceID', false)
  const serviceId = intField(body, 'serviceID', false)
  let cs = state.tables.ContractServices.find(
    (r) => r.contractID === contract.id && (csId !== undefined ? r.id === csId : r.serviceID === serviceId)
  )
  if (!cs) {
    const service = findById(state, 'Services', serviceId ?? -1)
    if (!service) throw new AutotaskRuleError('Value does not reference an existing entity for serviceID.')
    // "If no matching ContractService exists the API creates it" (ContractServiceAdjustmentsEntity.htm)
    cs = {
      id: nextId(state),
      contractID: contract.id,
      serviceID: service.id,
      unitPrice: service.unitPrice,
      unitCost: service.unitCost
    }
    state.tables.ContractServices.push(cs)
    addPeriods(state, contract, cs, 0)
  }
  const rows = state.tables.ContractServiceUnits.filter((r) => r.contractServiceID === cs.id)
  const affected = rows.filter((r) => Date.parse(String(r.endDate)) >= effective)
  if (affected.some((r) => (r.units as number) + unitChange < 0))
    throw new AutotaskRuleError('The adjustment would make the number of units negative.')
  const adjustedUnitCost = ci(body, 'adjustedUnitCost')
  const adjustedUnitPrice = ci(body, 'adjustedUnitPrice')
  const money = {
    ...(typeof adjustedUnitCost === 'number' ? { cost: adjustedUnitCost } : {}),
    ...(typeof adjustedUnitPrice === 'number' ? { price: adjustedUnitPrice } : {})
  }
  for (const row of affected) {
    const start = Date.parse(String(row.startDate))
    if (start < effective) {
      // split: the old row keeps [start, effective), a new row carries the changed units to period end
      state.tables.ContractServiceUnits.push({
        ...row,
        id: nextId(state),
        startDate: new Date(effective).toISOString(),
        units: (row.units as number) + unitChange,
        ...money
      })
      row.endDate = new Date(effective - 1).toISOString()
    } else {
      row.units = (row.units as number) + unitChange
      Object.assign(row, money)
    }
  }
  const id = nextId(state)
  state.tables.ContractServiceAdjustments.push({
    id,
    contractID: contract.id,
    contractServiceID: cs.id,
    serviceID: cs.serviceID,
    unitChange,
    effectiveDate: new Date(effective).toISOString(),
    adjustedUnitPrice: ci(body, 'adjustedUnitPrice') ?? null,
    adjustedUnitCost: adjustedUnitCost ?? null,
    allowRepeatService: ci(body, 'allowRepeatService') ?? false
  })
  return id
}

/** Units of a contract service at `at` (the row whose [startDate, endDate] covers it), for tests. */
export function unitsAt(state: AutotaskState, contractServiceId: number, at: Date): number | undefined {
  const t = at.getTime()
  const row = state.tables.ContractServiceUnits.find(
    (r) =>
      r.contractServiceID === contractServiceId &&
      Date.parse(String(r.startDate)) <= t &&
      t <= Date.parse(String(r.endDate))
  )
  return row?.units as number | undefined
}
