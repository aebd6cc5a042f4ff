// Every request the Autotask connector sends (run through all its methods against the sim) must exist
// in the official swagger, with its required query parameters and auth headers; the sim's 2xx replies
// must fit the documented response models (PascalCase in the swagger, camelCase on the wire).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkRequest, findOperation, loadSpec, specMissingReason, validateResponse, type Spec } from './spec'
import { startHarness, type Harness } from '../integration/autotask/setup'

const spec = loadSpec('autotask')
if (!spec) console.log(specMissingReason('autotask'))

// Paths are case-insensitive on the real API (autotask.md §1.1: atservicesrest / ATServicesRest, zoneInformation).
const CI = { caseInsensitive: true }

/**
 * The keyset cursor `{E}/query/next?paging=…` is handed out by the API in pageDetails.nextPageUrl and is
 * not in the swagger (autotask.md §4.5); it is the same operation as the query that produced it.
 */
function specPath(path: string): string {
  return path.replace(/\/query\/next$/i, '/query')
}

/** Zone and version lookups need no credentials although the swagger lists them (autotask.md §1.3). */
const UNAUTHENTICATED = /\/(versioninformation|v1\.0\/zoneinformation)$/i

/** The swagger does not model nullability, while the API sends null for empty fields: compare set fields only. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls)
  if (v === null || typeof v !== 'object') return v
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => [k, dropNulls(x)])
  )
}

/**
 * Where the swagger contradicts real replies, the real reply wins. Each entry names its evidence.
 * - isSupportedWebhookField: swagger says `$ref Object`; the real reply in apigrate's README is `false` (autotask.md §7.10).
 */
const KNOWN_SWAGGER_ERRATA = [/\/issupportedwebhookfield must be object$/]

/**
 * The swagger documents query and get replies as the bare entity model; on the wire they are wrapped in
 * {"items":[…]} / {"item":…} (autotask.md §3.1), so the entities inside are what we validate.
 */
function documentedBodies(path: string, method: string, body: unknown): unknown[] {
  const b = body as { items?: unknown[]; item?: unknown } | undefined
  if (/\/query(\/next)?$/i.test(path) && Array.isArray(b?.items)) return b.items
  if (method === 'GET' && b && 'item' in b) return b.item === null ? [] : [b.item]
  return [body]
}

describe.skipIf(!spec)('Autotask client vs the official swagger', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ size: 40 })
    const c = h.connector
    await c.verify()
    await c.probePermissions()
    const customers = await c.listCustomers({ includeProspects: true })
    const created = await c.createCustomer({ name: 'Contract Test Co' })
    const contract = h.sim.state.tables.Contracts.find((k) => k.contractType === 7 && k.status === 1)
    const [container] = await c.listBillingTargets(String(contract?.companyID))
    const item = container?.items[0]
    if (!container || !item) throw new Error('seed has no billing item')
    const target = { containerId: container.id, itemId: item.id }
    await c.getQuantity(target)
    await c.setQuantity(target, {
      from: item.quantity,
      to: item.quantity + 1,
      unitCost: 2,
      billingDay: '2026-03-15'
    })
    // The Default Contract Service: the catalogue, the add, the company's contracts (issue 15).
    const services = await c.listServices!()
    const free = services.find((x) => !container.items.some((i) => i.serviceId === x.id))
    if (!free) throw new Error('seed has no service off the contract')
    await c.addContractService!(container.id, { serviceId: free.id, name: free.name, unitCost: 1, unitPrice: 2 })
    await c.listContracts!(String(contract?.companyID))
    const meta = await c.getTicketMetadata()
    const ticket = await c.createTicket({
      customerId: created.id,
      subject: 'Contract',
      body: 'b',
      marker: '[m-1]',
      queue: meta.queues[0]?.value,
      technicianId: meta.technicians[0]?.value
    })
    await c.addTicketNote(ticket.id, { title: 't', body: 'n [note-1]', internal: false })
    expect(await c.hasNoteWithMarker(ticket.id, '[note-1]')).toBe(true)
    await c.getTicket(ticket.id)
    await c.findTicketByMarker(created.id, '[m-1]')
    await c.listAssets(customers[0]?.id ?? '1')
    await c.listAssetsChangedSince!(customers[0]?.id ?? '1', new Date('2026-01-01T00:00:00Z'))
    const [type] = (await c.listAssetTypes()).types
    await c.createAsset({ customerId: created.id, name: 'CONTRACT-PC', type: type!.value, serial: 'C0NTRACT1' })
  })
  afterAll(async () => {
    await h?.sim.close()
  })

  it('sends only documented paths and methods, with required query parameters and auth headers', () => {
    const s = spec as Spec
    const problems: string[] = []
    for (const r of h.sim.requests) {
      const path = specPath(r.path)
      problems.push(...checkRequest(s, { method: r.method, path, query: new URLSearchParams(r.query) }, CI))
      const op = findOperation(s, r.method, path, CI)
      if (!op || UNAUTHENTICATED.test(r.path)) continue
      for (const p of op.parameters)
        if (p.in === 'header' && p.required && !r.headerNames.includes(p.name.toLowerCase()))
          problems.push(`${r.method} ${r.path}: missing header ${p.name}`)
    }
    expect(problems).toEqual([])
    // the run really covered the interface: reads, paging, every write
    const seen = new Set(
      h.sim.requests.map((r) => `${r.method} ${specPath(r.path).replace(/\/\d+(?=\/|$)/g, '/{id}')}`)
    )
    for (const must of [
      'GET /atservicesrest/v1.0/zoneInformation',
      'GET /ATServicesRest/V1.0/Companies/{id}',
      'POST /ATServicesRest/V1.0/Companies',
      'POST /ATServicesRest/V1.0/Contracts/{id}/ServiceAdjustments',
      'POST /ATServicesRest/V1.0/Tickets',
      'POST /ATServicesRest/V1.0/Tickets/{id}/Notes',
      'GET /ATServicesRest/V1.0/Tickets/entityInformation/fields',
      'POST /ATServicesRest/V1.0/ContractServiceUnits/query',
      'POST /ATServicesRest/V1.0/ResourceServiceDeskRoles/query',
      'POST /ATServicesRest/V1.0/ConfigurationItems/query',
      'POST /ATServicesRest/V1.0/ConfigurationItems',
      'GET /ATServicesRest/V1.0/ConfigurationItems/entityInformation/fields',
      'POST /ATServicesRest/V1.0/Products/query'
    ])
      expect(seen, must).toContain(must)
  })

  it("the sim's successful replies fit the documented response models", () => {
    const s = spec as Spec
    const problems: string[] = []
    let validated = 0
    for (const r of h.sim.replies) {
      if (r.status < 200 || r.status > 299) continue
      const op = findOperation(s, r.method, specPath(r.path), CI)
      if (!op) {
        problems.push(`${r.method} ${r.path}: sim served a path the swagger does not have`)
        continue
      }
      for (const body of documentedBodies(r.path, r.method, r.body)) {
        validated++
        const errors = validateResponse(s, op, r.status, dropNulls(body), { camelCaseKeys: true })
        problems.push(...errors.filter((e) => !KNOWN_SWAGGER_ERRATA.some((re) => re.test(e))))
      }
    }
    expect(problems).toEqual([])
    expect(validated).toBeGreaterThan(50)
  })
})
