import Papa from 'papaparse'
import type { MappingReport } from './mapping-report'
import { guardCell, guardFormula } from './formula-guard'
import type { Cell } from './table'
import { asSheet, type ReportSheet } from './sheet'

// The BOM makes Excel open the file as UTF-8 (names with accents, CJK) instead of the system code page.
const BOM = '\uFEFF'

/**
 * The table only (no header block: a CSV is read by programs as much as by people). CRLF per RFC 4180.
 * Every text cell is quoted: a cell holding `;` is then one cell for an Excel that splits on semicolons.
 */
export function writeCsv(report: MappingReport | ReportSheet): Buffer {
  const t = asSheet(report)
  const table = (columns: readonly { title: string }[], lines: Cell[][]) =>
    Papa.unparse(
      { fields: columns.map((c) => c.title), data: lines.map((l) => l.map(guardCell)) },
      { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' }
    )
  // Sections with rows follow the main table after an empty line and their title (a spreadsheet shows them as
  // blocks); empty ones are left out so a program reading the first table stops at the first empty line.
  const blocks = [table(t.columns, t.lines)]
  for (const s of t.sections ?? []) {
    if (s.lines.length) blocks.push(`"${guardFormula(s.title).replace(/"/g, '""')}"\r\n${table(s.columns, s.lines)}`)
  }
  return Buffer.from(BOM + blocks.join('\r\n\r\n') + '\r\n', 'utf8')
}
