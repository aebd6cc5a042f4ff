// Deterministic tenant seeding. Company i is JumpCloud org i typed differently (messyVariant with
// mulberry32(seed + 1), the shared sim convention); ~85 % of orgs have a company, a few companies have no org.
import { seedProducts } from './config-items'
import { companyNames, messyVariant, mulberry32 } from '../common'
import { addPeriods, monthStart } from './billing'
import type { Row } from './filter'
import { emptyTables, nextId, type ApiUser, type AutotaskState, type PicklistValue } from './model'

export interface AutotaskSeedOptions {
  seed?: number
  /** Number of JumpCloud-side orgs the companies are derived from. */
  size?: number
  /** Clock time the billing periods are built around. */
  now?: Date
}

export const DEFAULT_API_USERS: ApiUser[] = [
  {
    username: 'api.bridge@msp.example',
    secret: 'S3cret-bridge!',
    integrationCode: 'PSABRIDGE0000000000000000001',
    denyRead: [],
    denyWrite: []
  },
  {
    username: 'api.readonly@msp.example',
    secret: 'S3cret-readonly!',
    integrationCode: 'PSABRIDGE0000000000000000002',
    denyRead: ['Contracts', 'ContractServices', 'ContractServiceUnits'],
    denyWrite: ['Companies', 'Tickets', 'TicketNotes', 'ContractServiceAdjustments']
  }
]

export const SERVICE_USER = 'JumpCloud User'
export const SERVICE_DEVICE = 'JumpCloud Device'

function pick(values: Array<[string, string]>, parents?: string[]): PicklistValue[] {
  return values.map(([value, label], i) => ({
    value,
    label,
    isDefaultValue: i === 0,
    sortOrder: i,
    parentValue: parents?.[i] ?? '',
    isActive: true,
    isSystem: false
  }))
}

// Numbers chosen like a typical tenant; the client must read them, never assume them (§7.10).
function ticketPicklists(): Record<string, PicklistValue[]> {
  const lists = {
    status: pick([
      ['1', 'New'],
      ['5', 'Complete'],
      ['7', 'Waiting Customer'],
      ['8', 'In Progress']
    ]),
    priority: pick([
      ['1', 'High'],
      ['2', 'Medium'],
      ['3', 'Low'],
      ['4', 'Critical']
    ]),
    queueID: pick([
      ['29683482', 'Client Portal'],
      ['29683485', 'Level I Support'],
      ['29683486', 'Monitoring Alert']
    ]),
    issueType: pick([
      ['10', 'Security'],
      ['11', 'Hardware']
    ]),
    subIssueType: pick(
      [
        ['100', 'Suspicious Login'],
        ['101', 'MFA'],
        ['110', 'Disk Failure']
      ],
      ['10', '10', '11']
    ),
    source: pick([
      ['4', 'Monitoring Alert'],
      ['2', 'Phone'],
      ['6', 'Web Portal']
    ]),
    ticketType: pick([
      ['1', 'Service Request'],
      ['2', 'Incident'],
      ['5', 'Alert']
    ])
  }
  lists.priority.push({
    value: '9',
    label: 'Retired Priority',
    isDefaultValue: false,
    sortOrder: 9,
    parentValue: '',
    isActive: false,
    isSystem: false
  })
  return lists
}

export function seedAutotask(opts: AutotaskSeedOptions = {}): AutotaskState {
  const seed = opts.seed ?? 1
  const size = opts.size ?? 40
  const now = opts.now ?? new Date()
  const state: AutotaskState = {
    zoneName: 'Simulated Zone',
    ci: 30595,
    apiUsers: structuredClone(DEFAULT_API_USERS),
    tables: emptyTables(),
    ticketPicklists: ticketPicklists(),
    nextId: 29683000,
    requireNoteTitles: true
  }
  const t = state.tables
  const created = now.toISOString()
  // Company 0 is the MSP's own root company (autotask.md §7.1)
  t.Companies.push({
    id: 0,
    companyName: 'Bridgewater MSP (Own Company)',
    companyNumber: '0',
    companyType: 1,
    isActive: true,
    ownerResourceID: null,
    parentCompanyID: null,
    phone: null,
    city: null,
    createDate: created,
    lastActivityDate: created
  })

  t.Roles.push(
    { id: 29682801, name: 'Help Desk', description: 'Tier 1', isActive: true, hourlyRate: 95 },
    { id: 29682802, name: 'Engineer', description: 'Tier 2', isActive: true, hourlyRate: 140 }
  )
  const techs: Array<[string, string, boolean, number | null]> = [
    ['Dana', 'Whitfield', true, 29682801],
    ['Marco', 'Ruiz', true, 29682802],
    ['Priya', 'Natarajan', true, 29682802],
    ['Old', 'Timer', false, 29682801],
    ['API', 'Bridge', true, null] // the API user: a resource without a service-desk role (§7.9)
  ]
  for (const [firstName, lastName, isActive, roleId] of techs) {
    const id = nextId(state)
    t.Resources.push({
      id,
      firstName,
      lastName,
      email: `${firstName}.${lastName}@msp.example`.toLowerCase(),
      userName: `${firstName}${lastName}`.toLowerCase(),
      isActive,
      resourceType: 'Employee',
      licenseType: roleId === null ? 7 : 1,
      title: roleId === null ? 'API User' : 'Technician',
      defaultServiceDeskRoleID: roleId
    })
    if (roleId !== null)
      t.ResourceServiceDeskRoles.push({
        id: nextId(state),
        resourceID: id,
        roleID: roleId,
        isDefault: true,
        isActive: true
      })
  }

  const services: Array<[string, number, number]> = [
    [SERVICE_USER, 9, 12],
    [SERVICE_DEVICE, 3, 5],
    ['Managed Backup', 20, 35]
  ]
  for (const [name, unitCost, unitPrice] of services)
    t.Services.push({
      id: nextId(state),
      name,
      description: name,
      invoiceDescription: name,
      unitCost,
      unitPrice,
      periodType: 1,
      isActive: true
    })
  const [userSvc, deviceSvc, backupSvc] = t.Services as [Row, Row, Row]

  // Same convention as the other PSA sim: `twin` (seed + 1) only decides presence and spelling, so both
  // PSAs hold the same companies for a seed; everything else draws from `rng` (seed + 2).
  const extra = Math.max(1, Math.round(size * 0.1))
  const names = companyNames(seed, size + extra)
  const twin = mulberry32(seed + 1)
  const rng = mulberry32(seed + 2)
  const periodStart = monthStart(now, -6)
  const periodEnd = new Date(monthStart(now, 6).getTime() - 1)
  for (let i = 0; i < names.length; i++) {
    const base = names[i] ?? `Company ${i}`
    // first `size` names mirror orgs (85 % kept); the tail are PSA-only companies
    if (i < size && twin() >= 0.85) continue
    const name = i < size ? messyVariant(base, twin) : base
    const roll = rng()
    const companyType = roll < 0.08 ? 3 : 1
    const isActive = rng() >= 0.05
    const company: Row = {
      id: nextId(state),
      companyName: name,
      companyNumber: `C${1000 + i}`,
      companyType,
      isActive,
      ownerResourceID: t.Resources[0]?.id ?? null,
      parentCompanyID: null,
      phone: `555-01${String(i % 100).padStart(2, '0')}`,
      city: 'Springfield',
      createDate: created,
      lastActivityDate: created
    }
    t.Companies.push(company)
    if (companyType !== 1 || !isActive) continue
    const c = rng()
    if (c < 0.12) continue // no contract at all
    const addContract = (type: number, status: number, label: string): Row => {
      const contract: Row = {
        id: nextId(state),
        companyID: company.id,
        contractName: `${label} - ${name}`,
        contractNumber: `K${company.id as number}-${type}-${status}`,
        contractType: type,
        contractCategory: 1,
        contractPeriodType: 1,
        status,
        startDate: periodStart.toISOString(),
        endDate: periodEnd.toISOString(),
        isDefaultContract: false
      }
      t.Contracts.push(contract)
      return contract
    }
    if (c < 0.2) addContract(7, 0, 'Old Managed Services') // only an inactive recurring contract
    if (c >= 0.2 && c < 0.27) addContract(1, 1, 'Time & Materials') // only a non-recurring contract
    if (c < 0.27) continue
    if (c > 0.93) addContract(7, 0, 'Old Managed Services')
    const contract = addContract(7, 1, 'Managed Services')
    const attach = (svc: Row, units: number): void => {
      const cs: Row = {
        id: nextId(state),
        contractID: contract.id,
        serviceID: svc.id,
        unitPrice: svc.unitPrice,
        unitCost: svc.unitCost,
        invoiceDescription: svc.name,
        internalDescription: null
      }
      t.ContractServices.push(cs)
      addPeriods(state, contract, cs, units)
    }
    attach(userSvc, 3 + Math.floor(rng() * 80))
    if (rng() < 0.8) attach(deviceSvc, 2 + Math.floor(rng() * 60))
    if (rng() < 0.3) attach(backupSvc, 1 + Math.floor(rng() * 10))
    if (rng() < 0.5)
      t.ConfigurationItems.push({
        id: nextId(state),
        companyID: company.id,
        referenceTitle: `${name.split(' ')[0] ?? 'PC'}-LT01`,
        serialNumber: `SN${(company.id as number).toString(36).toUpperCase()}`,
        configurationItemType: 1,
        isActive: true,
        productID: 1,
        createDate: created,
        lastModifiedTime: created
      })
  }
  seedProducts(state)
  // A catalogue service on no contract (a Default Contract Service to add); last, so earlier ids stay as they were.
  t.Services.push({
    id: nextId(state),
    name: 'SaaS Alerts User',
    description: 'SaaS Alerts User',
    invoiceDescription: 'SaaS Alerts User',
    unitCost: 1.5,
    unitPrice: 3,
    periodType: 1,
    isActive: true
  })
  return state
}
