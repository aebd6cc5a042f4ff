import Papa from 'papaparse'
import type { MappingReport } from './mapping-report'
import { guardCell } from './formula-guard'
import { REPORT_COLUMNS, reportLines } from './table'

// The BOM makes Excel open the file as UTF-8 (names with accents, CJK) instead of the system code page.
const BOM = '\uFEFF'

/**
 * The table only (no header block: a CSV is read by programs as much as by people). CRLF per RFC 4180.
 * Every text cell is quoted: a cell holding `;` is then one cell for an Excel that splits on semicolons.
 */
export function writeCsv(report: MappingReport): Buffer {
  const text = Papa.unparse(
    { fields: REPORT_COLUMNS.map((c) => c.title), data: reportLines(report).map((l) => l.map(guardCell)) },
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' }
  )
  return Buffer.from(BOM + text + '\r\n', 'utf8')
}
