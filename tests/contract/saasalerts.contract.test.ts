import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSaasAlertsConnector, SAAS_ALERTS_BASE_URL } from '../../src/main/connectors/saasalerts'
import { SA_PREFIX, startSaasAlertsSim, type SaasAlertsSim, type SaRecordedExchange } from '../sims/saasalerts'
import {
  checkDocumented,
  DOC_AUTH_HEADER,
  DOC_BASE_URL,
  DOC_ROUTES,
  docNotation,
  loadSaasAlertsDoc
} from './saasalerts-doc'

// Every request the SaaS Alerts connector sends while running all its methods must be one that
// ../shared/api/saasalerts.md documents (route, parameters and their values, header, body).

describe('SaaS Alerts contract (saasalerts.md)', () => {
  let sim: SaasAlertsSim
  let exchanges: SaRecordedExchange[]

  beforeAll(async () => {
    sim = await startSaasAlertsSim({ seed: 9, orgs: 6, maxPageSize: 300 })
    const sa = createSaasAlertsConnector({
      apiKey: sim.apiKey,
      baseUrl: sim.baseUrl,
      rateLimit: { limit: 1000, intervalMs: 1000 }
    })
    const [a, b] = sim.state.customers
    sim.control.addEvents(
      Array.from({ length: 700 }, (_, i) => ({
        customerId: (i % 2 ? a : b)!.customerId,
        eventType: 'login.failure',
        timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString()
      }))
    )
    await sa.verify()
    const orgs = await sa.listOrganizations()
    const q = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-01-02T00:00:00Z') }
    await sa.fetchEvents({ ...q, orgIds: orgs.map((o) => o.id) })
    await sa.fetchEvents({ ...q, orgIds: [a!.customerId], eventTypes: ['login.failure', 'mfa.disable'] })
    const dates = await sa.listBillingDates()
    await sa.getBillableUsers(dates[0]!)
    await sa.getUsageCounts(a!.customerId)
    await sa.createOrganization({ name: 'Contract Test Org' })
    exchanges = [...sim.exchanges]
  })

  afterAll(async () => {
    await sim?.close()
  })

  it('uses the documented production base URL and authenticates every request with the api_key header', () => {
    expect(SAAS_ALERTS_BASE_URL).toBe(DOC_BASE_URL)
    expect(new URL(DOC_BASE_URL).pathname).toBe(SA_PREFIX)
    expect(exchanges.length).toBeGreaterThan(5)
    expect(exchanges.filter((x) => x.headers[DOC_AUTH_HEADER] !== sim.apiKey)).toEqual([])
  })

  it('covered every route the connector uses, events over several pages', () => {
    const routes = new Set(exchanges.map((x) => `${x.method} ${x.path.slice(SA_PREFIX.length)}`))
    expect([...routes].sort()).toEqual([
      'GET /customers',
      'GET /reports/billing-dates',
      'GET /reports/billing-details',
      'GET /reports/events',
      'POST /customers'
    ])
    expect(exchanges.filter((x) => x.path.endsWith('/reports/events')).length).toBeGreaterThanOrEqual(3)
  })

  it('sends only documented routes, parameters, values and bodies', () => {
    const problems = exchanges.flatMap((x) =>
      x.path.startsWith(SA_PREFIX)
        ? checkDocumented({ ...x, path: x.path.slice(SA_PREFIX.length) })
        : [`${x.method} ${x.path}: outside ${SA_PREFIX}`]
    )
    expect(problems).toEqual([])
  })

  it('rejects what the document does not describe (the checker can fail)', () => {
    const q = (s: string) => new URLSearchParams(s)
    expect(
      checkDocumented({ method: 'GET', path: '/reports/events', query: q('severity=high'), body: undefined })
    ).toHaveLength(1)
    expect(
      checkDocumented({ method: 'GET', path: '/reports/events', query: q('alertStatus=high'), body: undefined })
    ).toHaveLength(1)
    expect(checkDocumented({ method: 'GET', path: '/reports/billing-details', query: q(''), body: undefined })).toEqual(
      ['GET /reports/billing-details: missing billingDate']
    )
    expect(checkDocumented({ method: 'DELETE', path: '/customers/1', query: q(''), body: undefined })).toHaveLength(1)
  })

  const doc = loadSaasAlertsDoc()
  it.skipIf(doc === null)('every route of the table is written in saasalerts.md', () => {
    const missing = DOC_ROUTES.filter((r) => !doc!.includes(docNotation(r.path)))
    expect(missing).toEqual([])
    expect(doc).toContain(DOC_BASE_URL)
    expect(doc).toContain(`\`${DOC_AUTH_HEADER}\``)
  })
})
