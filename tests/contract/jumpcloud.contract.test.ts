import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJumpCloudConnector } from '../../src/main/connectors/jumpcloud'
import { startJumpCloudSim, type JumpCloudSim, type RecordedExchange } from '../sims/jumpcloud'
import {
  checkRequest,
  findOperation,
  loadSpec,
  responseSchema,
  specMissingReason,
  validateRequestBody,
  validateResponse,
  type Spec
} from './spec'

// Every request the JumpCloud connector sends while running all its methods must exist in the
// official specs (path + method + required query params, request body for DI), and every reply
// of the simulator must validate against the documented response schema.

const specs = { v1: loadSpec('jumpcloud-v1'), v2: loadSpec('jumpcloud-v2'), di: loadSpec('jumpcloud-di') }
const missing = !specs.v1 ? 'jumpcloud-v1' : !specs.v2 ? 'jumpcloud-v2' : !specs.di ? 'jumpcloud-di' : undefined
if (missing) console.warn(specMissingReason(missing))

/** Which spec covers a sim path: DI by prefix, V2 under /api/v2, V1 under /api. */
function specFor(path: string): Spec {
  if (path.startsWith('/insights/')) return specs.di!
  if (path.startsWith('/api/v2/')) return specs.v2!
  return specs.v1!
}

describe.skipIf(missing !== undefined)('JumpCloud contract (official swagger files)', () => {
  let sim: JumpCloudSim
  let exchanges: RecordedExchange[]

  beforeAll(async () => {
    sim = await startJumpCloudSim({ seed: 3, orgs: 120 })
    const jc = createJumpCloudConnector({
      apiKey: sim.apiKey,
      providerId: sim.providerId,
      consoleUrl: sim.consoleUrl,
      insightsUrl: sim.insightsUrl,
      rateLimit: { limit: 1000, intervalMs: 1000 }
    })
    const org = sim.state.orgs[0]!
    sim.control.setUsage({ orgId: org.id, devices: 120 })
    const start = '2026-01-01T00:00:00.000Z'
    sim.control.addEvents(
      Array.from({ length: 10_050 }, (_, i) => ({
        orgId: org.id,
        eventType: i % 2 ? 'user_lockout' : 'system_fde_key_decrypt',
        user: org.users[0]!.username,
        device: org.systems[0]!.hostname,
        timestamp: new Date(Date.parse(start) + i * 1000).toISOString()
      }))
    )
    await jc.verify()
    await jc.listOrganizations()
    await jc.getUsageCounts(org.id)
    await jc.listDevices(org.id)
    await jc.fetchEvents({
      orgIds: sim.state.orgs.slice(0, 3).map((o) => o.id),
      eventTypes: ['user_lockout', 'system_fde_key_decrypt'],
      start: new Date(start),
      end: new Date('2026-02-01T00:00:00Z')
    })
    // An error reply too: its body must match the documented Error shape.
    const bad = createJumpCloudConnector({
      apiKey: 'wrong',
      providerId: sim.providerId,
      consoleUrl: sim.consoleUrl,
      insightsUrl: sim.insightsUrl
    })
    await bad.verify().catch(() => undefined)
    exchanges = [...sim.exchanges]
  })

  afterAll(async () => {
    await sim?.close()
  })

  it('covered every route the connector uses, with several pages', () => {
    const routes = new Set(exchanges.map((x) => `${x.method} ${x.path.replace(/[0-9a-f]{24}/g, ':id')}`))
    expect([...routes].sort()).toEqual([
      'GET /api/systems',
      'GET /api/systemusers',
      'GET /api/v2/providers/:id/organizations',
      'GET /api/v2/systeminsights/chassis_info',
      'GET /api/v2/systeminsights/interface_details',
      'GET /api/v2/systeminsights/system_info',
      'POST /insights/directory/v1/events'
    ])
    expect(exchanges.filter((x) => x.path.endsWith('/events')).length).toBeGreaterThanOrEqual(2)
    expect(exchanges.some((x) => x.status === 401)).toBe(true)
  })

  it('sends only documented paths, methods, required query parameters and request bodies', () => {
    const problems = exchanges.flatMap((x) => {
      const spec = specFor(x.path)
      const p = checkRequest(spec, { method: x.method, path: x.path, query: x.query })
      const op = findOperation(spec, x.method, x.path)
      return op ? [...p, ...validateRequestBody(spec, op, x.body)] : p
    })
    expect(problems).toEqual([])
  })

  it("the simulator's replies validate against the documented response schemas", () => {
    let checked = 0
    const errors = exchanges.flatMap((x) => {
      const spec = specFor(x.path)
      const op = findOperation(spec, x.method, x.path)
      if (!op || x.status === undefined) return [`${x.method} ${x.path}: no operation or no reply`]
      if (responseSchema(spec, op, x.status)) checked++
      return validateResponse(spec, op, x.status, x.reply)
    })
    expect(errors).toEqual([])
    // Every 200 reply had a documented schema (the 401 has none on these routes).
    expect(checked).toBe(exchanges.filter((x) => x.status === 200).length)
  })
})
