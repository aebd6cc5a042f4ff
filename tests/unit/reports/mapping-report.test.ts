import { describe, expect, it } from 'vitest'
import { assembleMappingReport, buildMappingReport } from '../../../src/main/reports/mapping-report'
import { mappingSheet } from '../../../src/main/reports/sheet'
import { formatTime, REPORT_COLUMNS, reportLines, summaryLines, UNKNOWN_HWM } from '../../../src/main/reports/table'
import { billingRow, billingView, customersView, NOW, org, reportOf } from './fixture'

const col = (title: string) => REPORT_COLUMNS.findIndex((c) => c.title === title)

describe('buildMappingReport', () => {
  it('reads the Customers and Billing views through the handlers and stamps the injected clock', async () => {
    const calls: string[] = []
    const report = await buildMappingReport({
      handlers: {
        getCustomersView: async () => (
          calls.push('customers'),
          customersView([org('o1', 'Acme', { status: 'mapped', customerId: 'c1', customerName: 'Acme Inc' })])
        ),
        getBillingView: async () => (
          calls.push('billing'),
          billingView([billingRow('o1', { hwm: 7 })], 'Europe/Berlin')
        )
      },
      now: () => NOW
    })
    expect(calls.sort()).toEqual(['billing', 'customers'])
    expect(report).toMatchObject({
      generatedAt: NOW.toISOString(),
      psa: 'syncro',
      month: '2025-03',
      timeZone: 'Europe/Berlin',
      total: 1
    })
    expect(report.rows[0]).toMatchObject({
      orgName: 'Acme',
      customerName: 'Acme Inc',
      billing: [{ hwm: 7, target: 'Monthly invoice › User seats' }]
    })
  })

  it('counts every status, sorts orgs by name (numbers in order) and joins billing by org', () => {
    const r = reportOf(
      [
        org('o3', 'Client 10', { status: 'mapped', customerId: 'c3', customerName: 'C10' }),
        org('o1', 'client 2', { status: 'ignored' }),
        org('o2', 'Beta', { status: 'disabled' }),
        org('o4', 'Alpha', {
          status: 'suggested',
          suggestion: { customerId: 'c9', customerName: 'Alpha Inc', score: 0.915, confident: true, reason: '' }
        }),
        org('o5', 'Gamma')
      ],
      [billingRow('o3', { hwm: 12 })]
    )
    expect(r.counts).toEqual({ mapped: 1, suggested: 1, unmapped: 1, ignored: 1, disabled: 1 })
    expect(r.total).toBe(5)
    expect(r.rows.map((x) => x.orgName)).toEqual(['Alpha', 'Beta', 'client 2', 'Client 10', 'Gamma'])
    expect(r.rows.find((x) => x.orgId === 'o3')!.billing).toHaveLength(1)
    expect(r.rows.find((x) => x.orgId === 'o4')!.notes).toEqual(['suggested: Alpha Inc (92%, confident)'])
  })
})

describe('report lines', () => {
  it('shows a vanished customer as broken, an unknown HWM as "unknown" (never 0) and times in the billing zone', () => {
    const r = reportOf(
      [
        org('o1', 'Acme', { status: 'mapped', customerId: 'c1', customerName: null, mappingBroken: true }),
        org('o2', 'Beta', { status: 'mapped', customerId: 'c2', customerName: 'Beta Co' })
      ],
      [
        billingRow('o1', { hwm: null, lastSyncAt: '2025-03-14T13:05:00Z', lastSyncResult: 'written 12 → 14' }),
        billingRow('o2', { hwm: 0, nonBillable: 2, metric: 'devices' })
      ],
      'America/New_York'
    )
    const [acme, beta] = reportLines(r)
    expect(acme![col('PSA customer')]).toBe('(broken)')
    expect(acme![col('PSA customer ID')]).toBe('c1')
    expect(acme![col('HWM this month')]).toBe(UNKNOWN_HWM)
    expect(acme![col('Last sync')]).toBe('2025-03-14 09:05 EDT')
    expect(acme![col('Last sync result')]).toBe('written 12 → 14')
    expect(beta![col('HWM this month')]).toBe(0)
    expect(beta![col('Non-billable')]).toBe(2)
    expect(beta![col('Metric')]).toBe('devices')
  })

  it('gives an org billing two targets one line per target, and an org without billing one line with blanks', () => {
    const r = reportOf(
      [org('o1', 'Acme', { status: 'mapped', customerId: 'c1', customerName: 'Acme' }), org('o2', 'Beta')],
      [
        billingRow('o1', { mappingId: 'a', hwm: 5, metric: 'users' }),
        billingRow('o1', {
          mappingId: 'b',
          hwm: 9,
          metric: 'devices',
          enabled: false,
          target: { containerId: 'i', containerName: 'Inv', itemId: 'd', itemName: 'Devices' }
        })
      ]
    )
    const lines = reportLines(r)
    expect(lines.map((l) => [l[0], l[col('Metric')], l[col('HWM this month')]])).toEqual([
      ['Acme', 'users', 5],
      ['Acme', 'devices', 9],
      ['Beta', '', '']
    ])
    expect(lines[1]![col('Billing target')]).toBe('Inv › Devices')
    expect(lines[1]![col('Notes')]).toBe('billing mapping disabled')
    expect(lines.every((l) => l.length === REPORT_COLUMNS.length)).toBe(true)
  })

  it('summarises generated-at, PSA and counts; missing refresh times read "never"', () => {
    const r = reportOf([org('o1', 'A', { status: 'mapped', customerId: 'c', customerName: 'A' }), org('o2', 'B')])
    const s = Object.fromEntries(summaryLines(r))
    expect(s).toMatchObject({
      'Generated at': formatTime(NOW.toISOString(), 'UTC'),
      PSA: 'Syncro',
      Organizations: 2,
      Mapped: 1,
      Unmapped: 1,
      Suggested: 0,
      'PSA customers refreshed': 'never'
    })
  })
})

describe('the complete mapping report', () => {
  it('carries source, last pushed quantity and when, ticketing per org, and the three sections', () => {
    const orgs = [
      org('a', 'Acme', { status: 'mapped', customerId: 'c1', customerName: 'Acme Co' }),
      org('b', 'Beta', { status: 'suggested' }),
      org('c', 'Gamma', { status: 'ignored' })
    ]
    const customers = customersView(orgs, {
      customers: [
        {
          id: 'c1',
          name: 'Acme Co',
          type: null,
          active: true,
          missing: false,
          ignored: false,
          mappedOrgs: [{ source: 'jumpcloud', orgId: 'a' }]
        },
        {
          id: 'c2',
          name: 'Lonely LLC',
          type: 'Business',
          active: true,
          missing: false,
          ignored: false,
          mappedOrgs: []
        },
        { id: 'c3', name: 'Gone Inc', type: null, active: false, missing: false, ignored: false, mappedOrgs: [] }
      ],
      catchAll: { customerId: 'c2', customerName: 'Lonely LLC' }
    })
    const report = assembleMappingReport(customers, billingView([billingRow('a', { hwm: 9 })]), NOW, {
      ticketingEnabled: true,
      lastPushed: new Map([['m-a', { quantity: 8, at: '2025-03-13T12:00:00Z' }]]),
      lastRun: {
        run: { startedAt: '2025-03-13T12:00:00Z', status: 'ok' },
        changes: [
          { orgName: 'Acme', target: 'Inv › Seats', oldQuantity: 7, newQuantity: 8, result: 'written', message: null }
        ]
      }
    })
    const [acme, beta, gamma] = reportLines(report)
    expect([acme![col('Source')], acme![col('Last pushed quantity')], acme![col('Last pushed')]]).toEqual([
      'JumpCloud',
      8,
      '2025-03-13 12:00 UTC'
    ])
    expect([acme![col('Ticketing')], beta![col('Ticketing')], gamma![col('Ticketing')]]).toEqual([
      'on',
      'catch-all',
      'off'
    ])
    const [unmapped, lonely, lastRun] = mappingSheet(report).sections!
    expect(unmapped!.lines.map((l) => l[1])).toEqual(['b'])
    expect(lonely!.lines).toEqual([['Lonely LLC', 'c2', 'Business']])
    expect(lastRun!.title).toBe('Last billing run: 2025-03-13 12:00 UTC, ok')
    expect(lastRun!.lines).toEqual([['Acme', 'Inv › Seats', 7, 8, 'written', '']])
  })
})
