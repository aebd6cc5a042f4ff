import type { Cell } from './table'

// OWASP "CSV injection": spreadsheet apps evaluate a cell that starts with one of these, so an org named
// `=HYPERLINK("http://evil")` would become a live formula. A leading ' makes Excel/Sheets/Calc show text.
// Excel's list separator depends on the locale (`,` or `;`) and its import wizard offers tab and pipe
// too: text after any of them (or a line break) may become a cell of its own, so it is checked as well.
const FORMULA_START = /(^|[,;\t|\r\n]\s*)[=+\-@\t\r]/

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** Numbers are written as numbers (never formulas); strings are guarded. */
export function guardCell(value: Cell): Cell {
  return typeof value === 'string' ? guardFormula(value) : value
}
