// Autotask REST routes of the simulator (autotask.md §1–§7). Everything lives under /ATServicesRest/
// and matches case-insensitively (§1.1). Errors are {"errors":["..."]} (§6).
import { Router } from '../common/router'
import type { SimHandler, SimReply, SimRequest } from '../common/types'
import { addContractService, applyAdjustment } from './billing'
import { CI_TYPES, createConfigurationItem } from './config-items'
import { AutotaskRuleError, ci } from './filter'
import {
  checkLength,
  ENTITY_FIELDS,
  entityFromSegment,
  FIELD_LENGTHS,
  findById,
  nextId,
  toWire,
  type ApiUser,
  type AutotaskState,
  type EntityName
} from './model'
import { runCount, runQuery } from './query-engine'
import { createTicket, createTicketNote } from './tickets'

export const BASE = '/ATServicesRest'

export interface RouteEnv {
  state(): AutotaskState
  /** Absolute zone API base with trailing slash. */
  zoneUrl(): string
  now(): Date
  /** Requests counted in the current rolling hour (ThresholdInformation). */
  hourlyUsage(): number
  hourlyLimit: number
  hourlyWindowMinutes: number
  /** Server-side latency inside the in-flight window (lets thread-limit tests overlap requests). */
  latencyMs(): number
  /** Sees every reply a route handler produced (for contract tests). */
  onReply?(req: SimRequest, reply: SimReply): void
}

export const errors = (status: number, ...messages: string[]): SimReply => ({ status, body: { errors: messages } })

export function userOf(state: AutotaskState, req: SimRequest): ApiUser | undefined {
  const name = String(req.headers.username ?? '').toLowerCase()
  return state.apiUsers.find((u) => u.username.toLowerCase() === name)
}

/** Wraps a handler: business-rule exceptions become the API's 500 + errors body. */
function guard(fn: (req: SimRequest) => SimReply): (req: SimRequest) => SimReply {
  return (req) => {
    try {
      return fn(req)
    } catch (e) {
      if (e instanceof AutotaskRuleError) return errors(e.status, e.message)
      throw e
    }
  }
}

const notSupported = (method: string): SimReply => ({
  status: 405,
  body: { Message: `The requested resource does not support http method '${method}'.` }
})

export function buildAutotaskRouter(env: RouteEnv): Router {
  const router = new Router({ caseInsensitive: true })
  // every handler waits the configured latency first (while the request counts as in flight), and is observed
  const r = {
    add(method: string, pattern: string, handler: SimHandler): void {
      router.add(method, pattern, async (req) => {
        const ms = env.latencyMs()
        if (ms > 0) await new Promise((done) => setTimeout(done, ms))
        const reply = await handler(req)
        env.onReply?.(req, reply)
        return reply
      })
    }
  }
  const v = `${BASE}/V1.0`

  const entityOr404 = (req: SimRequest): EntityName | SimReply =>
    entityFromSegment(req.params.entity ?? '') ?? errors(404, 'Not Found')
  const canRead = (req: SimRequest, entity: EntityName): SimReply | undefined =>
    userOf(env.state(), req)?.denyRead.includes(entity)
      ? errors(403, 'The logged in Resource does not have the adequate permissions to query this entity type.')
      : undefined
  // permission failures on writes come back as 500 with this text [OBS django-autotask api_rest.py] (§2.2)
  const canWrite = (req: SimRequest, entity: EntityName): SimReply | undefined =>
    userOf(env.state(), req)?.denyWrite.includes(entity)
      ? errors(500, 'The logged in Resource does not have the adequate permissions to create this entity type.')
      : undefined
  const noNulls = (body: unknown): void => {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new AutotaskRuleError('The request body must be a JSON object.')
    // explicit nulls in create bodies caused HTTP 500 [OBS KelvinTegelaar/AutotaskAPI #26] (§3.1)
    const nullKey = Object.entries(body).find(([, val]) => val === null)?.[0]
    if (nullKey) throw new AutotaskRuleError(`Invalid value (null) for field ${nullKey}.`)
  }
  const created = (itemId: number): SimReply => ({ status: 200, body: { itemId } })

  // §1.2, §1.3 — no auth
  r.add('GET', `${BASE}/versioninformation`, () => ({ status: 200, body: { apiVersions: ['1.0'] } }))
  r.add('GET', `${v}/zoneInformation`, (req) => {
    const user = req.query.get('user') ?? ''
    const known = env.state().apiUsers.some((u) => u.username.toLowerCase() === user.toLowerCase())
    if (!known) return errors(500, 'Zone information could not be determined')
    const s = env.state()
    return {
      status: 200,
      body: { zoneName: s.zoneName, url: env.zoneUrl(), webUrl: `${new URL(env.zoneUrl()).origin}/`, ci: s.ci }
    }
  })
  // §5.1
  r.add('GET', `${v}/ThresholdInformation`, () => ({
    status: 200,
    body: {
      externalRequestThreshold: env.hourlyLimit,
      requestThresholdTimeframe: env.hourlyWindowMinutes,
      currentTimeframeRequestCount: env.hourlyUsage()
    }
  }))

  // Creates (§3.1, §7). Specific routes first: the router takes the first match.
  r.add(
    'POST',
    `${v}/Contracts/:id/ServiceAdjustments`,
    guard(
      (req) =>
        canWrite(req, 'ContractServiceAdjustments') ??
        (noNulls(req.body), created(applyAdjustment(env.state(), req.body, Number(req.params.id))))
    )
  )
  r.add(
    'POST',
    `${v}/Contracts/:id/Services`,
    guard(
      (req) =>
        canWrite(req, 'ContractServices') ??
        (noNulls(req.body), created(addContractService(env.state(), req.body, Number(req.params.id))))
    )
  )
  r.add(
    'POST',
    `${v}/ContractServiceAdjustments`,
    guard(
      (req) =>
        canWrite(req, 'ContractServiceAdjustments') ??
        (noNulls(req.body), created(applyAdjustment(env.state(), req.body)))
    )
  )
  r.add(
    'POST',
    `${v}/Tickets/:id/Notes`,
    guard(
      (req) =>
        canWrite(req, 'TicketNotes') ??
        (noNulls(req.body), created(createTicketNote(env.state(), Number(req.params.id), req.body, env.now())))
    )
  )
  r.add(
    'POST',
    `${v}/Tickets`,
    guard(
      (req) => canWrite(req, 'Tickets') ?? (noNulls(req.body), created(createTicket(env.state(), req.body, env.now())))
    )
  )
  r.add(
    'POST',
    `${v}/Companies`,
    guard((req) => {
      const denied = canWrite(req, 'Companies')
      if (denied) return denied
      noNulls(req.body)
      const name = ci(req.body, 'companyName')
      const type = ci(req.body, 'companyType')
      if (typeof name !== 'string' || !name.trim() || typeof type !== 'number')
        throw new AutotaskRuleError('Missing required field(s): companyName, companyType.')
      checkLength('Companies', 'companyName', name.trim())
      const s = env.state()
      const id = nextId(s)
      const at = env.now().toISOString()
      s.tables.Companies.push({
        id,
        companyName: name.trim(),
        companyNumber: null,
        companyType: type,
        isActive: true,
        ownerResourceID: ci(req.body, 'ownerResourceID') ?? null,
        parentCompanyID: null,
        phone: ci(req.body, 'phone') ?? null,
        city: null,
        createDate: at,
        lastActivityDate: at
      })
      return created(id)
    })
  )
  r.add(
    'POST',
    `${v}/ConfigurationItems`,
    guard(
      (req) =>
        canWrite(req, 'ConfigurationItems') ??
        (noNulls(req.body), created(createConfigurationItem(env.state(), req.body, env.now())))
    )
  )
  // children only through the parent URL: root POST TicketNotes is 404 [OBS WYRE-AI/autotask-mcp #24]
  r.add('POST', `${v}/TicketNotes`, () => errors(404, 'Not Found'))
  // create-only: cannot be queried, read or updated (ContractServiceAdjustmentsEntity.htm, §7.6)
  r.add('GET', `${v}/ContractServiceAdjustments/:id`, () => notSupported('GET'))
  r.add('POST', `${v}/ContractServiceAdjustments/query`, () => notSupported('POST'))
  r.add('GET', `${v}/ContractServiceAdjustments/query`, () => notSupported('GET'))

  // Metadata (§7.10)
  r.add('GET', `${v}/:entity/entityInformation/fields`, (req) => {
    const entity = entityOr404(req)
    if (typeof entity !== 'string') return entity
    const pick: Record<string, unknown[]> =
      entity === 'Tickets'
        ? env.state().ticketPicklists
        : entity === 'ConfigurationItems'
          ? { configurationItemType: CI_TYPES }
          : {}
    const fields = ENTITY_FIELDS[entity].map((name) => ({
      name,
      dataType: name === 'id' || name.endsWith('ID') ? 'integer' : 'string',
      length: FIELD_LENGTHS[entity]?.[name] ?? 0,
      isRequired: name === 'id',
      isReadOnly: name === 'id',
      isQueryable: true,
      isReference: false,
      referenceEntityType: '',
      isPickList: name in pick,
      picklistValues: pick[name] ?? null,
      picklistParentValueField: name === 'subIssueType' ? 'issueType' : '',
      isSupportedWebhookField: false
    }))
    return { status: 200, body: { fields } }
  })

  // Queries (§4)
  const query = (withCursor: boolean) =>
    guard((req) => {
      const entity = entityOr404(req)
      if (typeof entity !== 'string') return entity
      const denied = canRead(req, entity)
      if (denied) return denied
      let body = req.body
      let search: string | undefined
      if (req.method === 'GET') {
        const s = req.query.get('search')
        // a POST query's cursor carries no search: it must be POSTed again with the body (§4.5)
        if (s === null) return notSupported('GET')
        try {
          body = JSON.parse(s) as unknown
        } catch {
          throw new AutotaskRuleError('Invalid query syntax: search is not JSON.')
        }
        search = s
      }
      return runQuery(env.state(), {
        entity,
        body,
        zoneUrl: env.zoneUrl(),
        paging: withCursor ? req.query.get('paging') : undefined,
        search
      })
    })
  const count = guard((req) => {
    const entity = entityOr404(req)
    if (typeof entity !== 'string') return entity
    const body = req.method === 'GET' ? (JSON.parse(req.query.get('search') ?? '{}') as unknown) : req.body
    return canRead(req, entity) ?? runCount(env.state(), entity, body)
  })
  for (const m of ['GET', 'POST']) {
    r.add(m, `${v}/:entity/query`, query(false))
    r.add(m, `${v}/:entity/query/next`, query(true))
    r.add(m, `${v}/:entity/query/count`, count)
  }

  // Get by id: 200 {"item":null} for a missing id (the sim's pick among the conflicting reports, §3.2)
  r.add('GET', `${v}/:entity/:id`, (req) => {
    const entity = entityOr404(req)
    if (typeof entity !== 'string') return entity
    const denied = canRead(req, entity)
    if (denied) return denied
    if (!/^-?\d+$/.test(req.params.id ?? '')) return errors(404, 'Not Found')
    const row = findById(env.state(), entity, Number(req.params.id))
    return { status: 200, body: { item: row ? toWire(row) : null } }
  })
  // PATCH/PUT go to the collection URL; on /{id} the API answers 405 (§3.1 [OBS n8n CHANGELOG])
  for (const m of ['PATCH', 'PUT', 'DELETE']) r.add(m, `${v}/:entity/:id`, (req) => notSupported(req.method))
  return router
}
