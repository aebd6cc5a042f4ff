import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import type { BillingView } from '../../src/shared/contract/billing'
import type { CustomersView } from '../../src/shared/contract/customers'
import type { ReportFile } from '../../src/shared/contract/reports'
import { REPORT_COLUMNS } from '../../src/main/reports/table'
import { useSimApp, type SimApp } from '../helpers/sim-app'
import { useTempDirs } from '../helpers/tmp'

const start = useSimApp()
const tmp = useTempDirs()
const col = (title: string) => REPORT_COLUMNS.findIndex((c) => c.title === title)

/** Refresh, map one org to a customer that has a billing target, bill it, and preview once so its HWM is known. */
async function setUp(psa: 'syncro' | 'autotask'): Promise<{ s: SimApp; orgId: string }> {
  const s = await start({ psa, seed: 5, orgs: 12 })
  await s.call('refreshData', { from: 'both' })
  const view = await s.call<CustomersView>('getCustomersView')
  const orgId = view.orgs[0]!.id
  for (const c of view.customers.filter((x) => x.active)) {
    await s.call('mapOrg', { source: 'jumpcloud', orgId, customerId: c.id })
    const t = await s.call<{ containers: Array<{ id: string; items: Array<{ id: string }> }> }>('listBillingTargets', {
      source: 'jumpcloud',
      orgId
    })
    const container = t.containers.find((x) => x.items.length > 0)
    if (!container) continue
    await s.call('saveBillingMapping', {
      source: 'jumpcloud',
      orgId,
      containerId: container.id,
      itemId: container.items[0]!.id,
      metric: 'users',
      nonBillable: 1
    })
    await s.call('previewSync', { trigger: 'manual' })
    return { s, orgId }
  }
  throw new Error('no customer with a billing target in the seed')
}

const bytes = (f: ReportFile) => Buffer.from(f.base64, 'base64')
const secretsOf = (s: SimApp) => [
  s.sims.credentials.syncro.apiToken,
  s.sims.credentials.autotask.secret,
  s.sims.credentials.jumpcloud.apiKey
]

describe.each(['syncro', 'autotask'] as const)('exportMappingReport against the %s simulator', (psa) => {
  it('exports CSV, XLSX and PDF through the contract with the same rows the Customers and Billing views show', async () => {
    const { s, orgId } = await setUp(psa)
    const customers = await s.call<CustomersView>('getCustomersView')
    const billing = await s.call<BillingView>('getBillingView')
    const mapping = billing.mappings.find((m) => m.orgId === orgId)!
    expect(mapping.hwm).not.toBeNull()

    const csv = await s.call<ReportFile>('exportMappingReport', { format: 'csv' })
    expect(csv).toMatchObject({
      mimeType: expect.stringContaining('text/csv'),
      fileName: expect.stringMatching(/^psa-bridge-mappings-\d{4}-\d{2}-\d{2}\.csv$/)
    })
    // The main table is the first block; the sections follow after an empty line.
    const blocks = bytes(csv)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n\r\n')
    const rows = Papa.parse<string[]>(blocks[0]!, { skipEmptyLines: true }).data.slice(1)
    expect(rows.map((r) => r[col('Organization ID')]).sort()).toEqual(customers.orgs.map((o) => o.id).sort())
    const mapped = rows.find((r) => r[col('Organization ID')] === orgId)!
    const org = customers.orgs.find((o) => o.id === orgId)!
    expect(mapped[col('Status')]).toBe('mapped')
    expect(mapped[col('PSA customer ID')]).toBe(org.customerId)
    expect(mapped[col('PSA customer')]).toBe(org.customerName)
    expect(mapped[col('Billing target')]).toBe(`${mapping.target.containerName} › ${mapping.target.itemName}`)
    expect(mapped[col('HWM this month')]).toBe(String(mapping.hwm))
    expect(mapped[col('Non-billable')]).toBe('1')
    expect(mapped[col('Source')]).toBe('JumpCloud')
    expect(mapped[col('Ticketing')]).toBe('off')
    expect(mapped[col('Last pushed quantity')]).toBe('') // previewed only: nothing pushed yet
    const unmappedBlock = blocks.find((b) => b.startsWith('"Organizations without a PSA customer"'))!
    const unmappedIds = Papa.parse<string[]>(unmappedBlock, { skipEmptyLines: true })
      .data.slice(2)
      .map((r) => r[1])
    expect(unmappedIds.sort()).toEqual(
      customers.orgs
        .filter((o) => o.status === 'unmapped' || o.status === 'suggested')
        .map((o) => o.id)
        .sort()
    )
    for (const o of customers.orgs.filter((x) => x.id !== orgId))
      expect(rows.find((r) => r[col('Organization ID')] === o.id)![col('Status')]).toBe(o.status)

    const xlsx = await s.call<ReportFile>('exportMappingReport', { format: 'xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes(xlsx) as unknown as ArrayBuffer)
    expect(wb.getWorksheet('Mappings')!.rowCount).toBe(customers.orgs.length + 1)

    const pdf = await s.call<ReportFile>('exportMappingReport', { format: 'pdf' })
    expect(pdf.mimeType).toBe('application/pdf')
    expect(bytes(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    for (const f of [csv, xlsx, pdf]) for (const secret of secretsOf(s)) expect(bytes(f).includes(secret)).toBe(false)
  })
})

describe('exportMappingReport input', () => {
  it('rejects an unknown format with a validation error', async () => {
    const s = await start({ psa: 'syncro', orgs: 3 })
    const r = await s.app.dispatch('exportMappingReport', { format: 'docx' })
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'format' } })
  })
})

async function cli(dataDir: string, args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dataDir, ...args], {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: { PSA_BRIDGE_SECRET_STORE: 'memory' }
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('psa-bridge report mappings', () => {
  it('writes each format to --out, refuses to overwrite without --force, and exits 2 on bad usage', async () => {
    const { s, orgId } = await setUp('syncro')
    const dir = tmp()
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const out = join(dir, `report.${format}`)
      const r = await cli(s.dataDir, ['report', 'mappings', '--format', format, '--out', out])
      expect(r).toMatchObject({ code: 0, out: expect.stringContaining(out) })
      expect(readFileSync(out).length).toBeGreaterThan(0)
    }
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toContain(orgId)
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const existing = join(dir, 'keep.csv')
    writeFileSync(existing, 'precious')
    const refused = await cli(s.dataDir, ['report', 'mappings', '--format', 'csv', '--out', existing])
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('--force') })
    expect(readFileSync(existing, 'utf8')).toBe('precious')
    expect((await cli(s.dataDir, ['report', 'mappings', '--format', 'csv', '--out', existing, '--force'])).code).toBe(0)
    expect(readFileSync(existing, 'utf8')).toContain(orgId)

    const badFormat = await cli(s.dataDir, ['report', 'mappings', '--format', 'docx', '--out', join(dir, 'x.docx')])
    expect(badFormat.code).toBe(2)
    expect(badFormat.err).toMatch(/docx/)
    expect((await cli(s.dataDir, ['report', 'mappings', '--format', 'csv'])).code).toBe(2)
    expect(existsSync(join(dir, 'x.docx'))).toBe(false)
  })

  it('exits 1 when the file cannot be written', async () => {
    const dir = tmp()
    const r = await cli(dir, ['report', 'mappings', '--format', 'csv', '--out', join(dir, 'no-such-dir', 'r.csv')])
    expect(r.code).toBe(1)
    expect(r.err).toContain('cannot write')
  })
})
