import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { MAPPINGS_SHEET, SUMMARY_SHEET, writeXlsx } from '../../../src/main/reports/xlsx'
import { REPORT_COLUMNS } from '../../../src/main/reports/table'
import { billingRow, HOSTILE_NAMES, org, reportOf } from './fixture'

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  // exceljs's load() typing predates Node's generic Buffer; the bytes are what matters.
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  return wb
}

describe('writeXlsx', () => {
  it('has a Mappings sheet with a bold frozen filtered header and a Summary sheet', async () => {
    const r = reportOf(
      [org('o1', 'Acme', { status: 'mapped', customerId: 'c1', customerName: 'Acme Inc' }), org('o2', 'Beta')],
      [billingRow('o1', { hwm: 14, nonBillable: 1 })]
    )
    const wb = await read(await writeXlsx(r))
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      MAPPINGS_SHEET,
      'Unmapped organizations',
      'Customers without org',
      'Last run changes',
      SUMMARY_SHEET
    ])
    expect(wb.getWorksheet('Unmapped organizations')!.getRow(2).getCell(1).value).toBe('Beta')
    const sheet = wb.getWorksheet(MAPPINGS_SHEET)!
    const header = sheet.getRow(1)
    expect(REPORT_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(REPORT_COLUMNS.map((c) => c.title))
    expect(header.getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()
    expect(sheet.getColumn(1).width).toBe(REPORT_COLUMNS[0]!.width)

    const acme = sheet.getRow(2)
    const at = (t: string) => acme.getCell(REPORT_COLUMNS.findIndex((c) => c.title === t) + 1).value
    expect([
      at('Organization'),
      at('Status'),
      at('PSA customer'),
      at('PSA customer ID'),
      at('HWM this month'),
      at('Non-billable')
    ]).toEqual(['Acme', 'mapped', 'Acme Inc', 'c1', 14, 1])
    expect(sheet.rowCount).toBe(3)

    const summary = new Map<string, unknown>()
    wb.getWorksheet(SUMMARY_SHEET)!.eachRow(
      (row) => void summary.set(String(row.getCell(1).value), row.getCell(2).value)
    )
    expect(summary.get('Organizations')).toBe(2)
    expect(summary.get('Mapped')).toBe(1)
    expect(summary.get('PSA')).toBe('Syncro')
  })

  it('stores formula-looking names as guarded text, never as formulas, and keeps unicode exact', async () => {
    const wb = await read(await writeXlsx(reportOf(HOSTILE_NAMES.map((n, i) => org(`o${i}`, n)))))
    const sheet = wb.getWorksheet(MAPPINGS_SHEET)!
    const byId = new Map<string, ExcelJS.Cell>()
    sheet.eachRow((row, n) => void (n > 1 && byId.set(String(row.getCell(2).value), row.getCell(1))))
    HOSTILE_NAMES.forEach((name, i) => {
      const cell = byId.get(`o${i}`)!
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.formula).toBeUndefined()
      const expected = /^[=+\-@\t\r]/.test(name) ? `'${name}` : name
      // XML normalises a bare CR to LF on read (XML 1.0 §2.11); the guard ' is what matters here.
      expect(cell.value).toBe(expected.replace(/\r/g, '\n'))
    })
  })
})
