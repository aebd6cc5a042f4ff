import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { CustomersView } from '../../src/shared/contract/customers'
import type { AlertCycleResult } from '../../src/shared/contract/ticketing'
import { psaTickets } from '../integration/ticketing/setup'
import { useSimApp } from '../helpers/sim-app'
import { NASTY_NAMES } from './support/hostile'
import { report } from './support/proof'

// The nasty names as organization names (JumpCloud), customer names (PSA), device host names and alert
// user names, through refresh, mapping, tickets and every export format: tickets carry no bidi override or NUL,
// and no CSV or XLSX cell is a live formula (CSV: a cell a spreadsheet would evaluate starts with '; XLSX: no
// formula cells, and strings guarded the same way).

const start = useSimApp()
/** What a spreadsheet evaluates: a cell starting with = + - @ (or a tab/CR that Excel strips first). */
const LIVE = /^[=+\-@\t\r]/

describe.each(['syncro', 'autotask'] as const)('nasty names through %s, tickets and exports', (psa) => {
  it('are stored, mapped, ticketed and exported without a live formula or a control character', async () => {
    const s = await start({ psa, orgs: NASTY_NAMES.length + 2 })
    const orgs = s.sims.jumpcloud.state.orgs
    NASTY_NAMES.forEach((n, i) => (orgs[i]!.name = n))
    const customers =
      psa === 'syncro'
        ? s.sims.syncro.account().customers
        : s.sims.autotask.state.tables.Companies.filter((c) => c.companyType === 1)
    NASTY_NAMES.forEach((n, i) => {
      const c = customers[i + 1] as Record<string, unknown>
      if (psa === 'syncro') c.business_name = n
      else c.companyName = n
    })
    s.sims.jumpcloud.control.addSystems({
      orgId: orgs[0]!.id,
      systems: NASTY_NAMES.map((n, i) => ({ hostname: n.slice(0, 200), serialNumber: `SN-${i}`, macs: [] }))
    })
    for (const o of orgs) o.events = []
    await s.call('refreshData', { from: 'both' })
    const view = await s.call<CustomersView>('getCustomersView')
    const stored = new Set(view.orgs.map((o) => o.name))
    // Names are kept as the vendor sent them (display is the UI's job), except for what cannot be stored.
    for (const n of NASTY_NAMES.filter((x) => !x.includes('\u0000'))) expect(stored.has(n), n.slice(0, 40)).toBe(true)
    const nastyOrgs = view.orgs.filter((o) => NASTY_NAMES.includes(o.name) || o.name.includes('NUL'))
    for (const [i, o] of nastyOrgs.entries())
      await s.call('mapOrg', {
        source: o.source,
        orgId: o.id,
        customerId: view.customers[i % view.customers.length]!.id
      })

    const ts = await s.call<{ settings: Record<string, unknown>; choices: { queues: Array<{ value: string }> } }>(
      'getTicketingSettings'
    )
    await s.call('saveTicketingSettings', {
      ...ts.settings,
      enabled: true,
      defaults: {
        ...(ts.settings.defaults as object),
        queue: psa === 'autotask' ? ts.choices.queues[0]!.value : null
      }
    })
    for (const [i, o] of nastyOrgs.slice(0, 6).entries())
      s.sims.jumpcloud.control.addEvents({
        orgId: o.id,
        eventType: 'user_lockout',
        user: NASTY_NAMES[i]!,
        timestamp: new Date(Date.now() - 3 * 60_000).toISOString()
      })
    const cycle = await s.call<AlertCycleResult>('pollAlertsNow', { retryNow: true })
    expect(cycle).toMatchObject({ ticketsCreated: 6, failed: 0 })
    for (const t of psaTickets(s, psa)) {
      const text = `${t.subject}${t.body}`
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
      expect(text.includes('\u0000'), 'NUL in a ticket').toBe(false)
    }
    await s.call('pullAssets', {})

    let cells = 0
    for (const method of ['exportMappingReport', 'exportAssetsReport']) {
      const csv = await s.call<{ base64: string }>(method, { format: 'csv' })
      const rows = Papa.parse<string[]>(Buffer.from(csv.base64, 'base64').toString('utf8'), { skipEmptyLines: true })
      for (const cell of rows.data.flat()) {
        cells++
        expect(cell, `${method} CSV cell ${cell.slice(0, 40)}`).not.toMatch(LIVE)
      }
      const xlsx = await s.call<{ base64: string }>(method, { format: 'xlsx' })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            cells++
            expect(cell.type, `${method} XLSX ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)
            if (typeof cell.value === 'string') expect(cell.value, `${method} XLSX ${cell.address}`).not.toMatch(LIVE)
          })
        )
      )
      const pdf = await s.call<{ base64: string }>(method, { format: 'pdf' })
      expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    }
    // The guard was exercised: some exported cells are guarded nasty names.
    const mapping = await s.call<{ base64: string }>('exportMappingReport', { format: 'csv' })
    expect(Buffer.from(mapping.base64, 'base64').toString('utf8')).toContain(`'=cmd|' /C calc'!A0`)
    report(`nasty names/${psa}`, { names: NASTY_NAMES.length, tickets: 6, exportCellsChecked: cells })
  }, 180_000)
})
