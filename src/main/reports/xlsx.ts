import ExcelJS from 'exceljs'
import type { MappingReport } from './mapping-report'
import { guardCell } from './formula-guard'
import { asSheet, type ReportSheet } from './sheet'

export const MAPPINGS_SHEET = 'Mappings'
export const SUMMARY_SHEET = 'Summary'

/** Two sheets: the table (bold frozen header, auto-filter, column widths) and the header block. */
export async function writeXlsx(report: MappingReport | ReportSheet): Promise<Buffer> {
  const t = asSheet(report)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'PSA Bridge'
  // Fixed to the report's own time so the same data gives the same workbook metadata.
  wb.created = new Date(t.generatedAt)
  wb.modified = wb.created

  const sheet = wb.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = t.columns.map((c) => ({ header: c.title, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  // Strings are guarded (a leading ' keeps `=…` as text); exceljs never turns a plain string into a formula.
  for (const l of t.lines) sheet.addRow(l.map(guardCell))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } }

  for (const s of t.sections ?? []) {
    const ws = wb.addWorksheet(s.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = s.columns.map((c) => ({ header: c.title, width: c.width }))
    ws.getRow(1).font = { bold: true }
    for (const l of s.lines) ws.addRow(l.map(guardCell))
    if (s.lines.length === 0) ws.addRow([s.emptyText])
  }

  const summary = wb.addWorksheet(SUMMARY_SHEET)
  summary.columns = [{ width: 26 }, { width: 36 }]
  for (const [label, value] of t.summary) summary.addRow([label, guardCell(value)]).getCell(1).font = { bold: true }

  return Buffer.from(await wb.xlsx.writeBuffer())
}
