import Papa from 'papaparse'
import type { MappingReport } from './mapping-report'
import { guardCell } from './formula-guard'
import { asSheet, type ReportSheet } from './sheet'

// The BOM makes Excel open the file as UTF-8 (names with accents, CJK) instead of the system code page.
const BOM = '\uFEFF'

/**
 * The table only (no header block: a CSV is read by programs as much as by people). CRLF per RFC 4180.
 * Every text cell is quoted: a cell holding `;` is then one cell for an Excel that splits on semicolons.
 */
export function writeCsv(report: MappingReport | ReportSheet): Buffer {
  const t = asSheet(report)
  const text = Papa.unparse(
    { fields: t.columns.map((c) => c.title), data: t.lines.map((l) => l.map(guardCell)) },
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' }
  )
  return Buffer.from(BOM + text + '\r\n', 'utf8')
}
