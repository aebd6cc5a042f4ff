import PDFDocument from 'pdfkit'
import type { MappingReport } from './mapping-report'
import { reportFonts } from './fonts'
import { PdfText } from './pdf-runs'
import { asSheet, type ReportSheet } from './sheet'
import type { Cell, ReportColumn } from './table'

export interface PdfOptions {
  /** pdfkit deflates page streams by default; tests may turn it off. */
  compress?: boolean
  size?: 'A4' | 'LETTER'
}

const MARGIN = 36
const FONT_SIZE = 7
const HEADER_FONT_SIZE = 7
const PAD = 3
/** A long name wraps to at most this many lines (then ends with …), so one row always fits on a page. */
const MAX_LINES = 4
/**
 * A cell shows at most MAX_LINES lines of a narrow column (a few hundred characters): longer text (a 10 KB org
 * name) is cut before layout, which otherwise measured every glyph of it and took minutes per report.
 */
const MAX_CELL_CHARS = 600
const clipCell = (s: string): string => {
  const chars = Array.from(s)
  return chars.length > MAX_CELL_CHARS ? `${chars.slice(0, MAX_CELL_CHARS).join('')}…` : s
}
const FOOTER_GAP = 14

/**
 * Landscape tables (the main one, then any sections) with the summary on top of page 1, each table's column
 * header repeated on every page and "Page i of n" in each footer (pages are buffered so the total is known).
 * Text is set in bundled Unicode fonts, a CJK fallback chosen per glyph (./fonts): names print as they are.
 */
export function writePdf(report: MappingReport | ReportSheet, opts: PdfOptions = {}): Promise<Buffer> {
  const t = asSheet(report)
  const doc = new PDFDocument({
    size: opts.size ?? 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    compress: opts.compress ?? true,
    info: {
      Title: `PSA Bridge: ${t.title.toLowerCase()}`,
      Creator: 'PSA Bridge',
      CreationDate: new Date(t.generatedAt)
    }
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const text = new PdfText(doc, reportFonts())

  let y = drawSummary(doc, text, t, MARGIN, doc.page.width - 2 * MARGIN)
  y = drawTable(doc, text, { columns: t.columns, lines: t.lines, emptyText: t.emptyText }, y)
  for (const s of t.sections ?? []) {
    y += 14
    if (y + 60 > doc.page.height - MARGIN - FOOTER_GAP) {
      doc.addPage()
      y = MARGIN
    }
    doc.fillColor('#111111')
    text.draw(s.title, MARGIN, y, 11, { width: doc.page.width - 2 * MARGIN, maxLines: 1 }, true)
    y = drawTable(doc, text, s, y + 18)
  }
  drawFooters(doc, text, t.caption)
  doc.end()
  return done
}

interface Table {
  columns: readonly ReportColumn[]
  lines: Cell[][]
  emptyText: string
}

/** One table from `top`; returns the y below it. */
function drawTable(doc: PDFKit.PDFDocument, text: PdfText, t: Table, top: number): number {
  const left = MARGIN
  const tableWidth = doc.page.width - 2 * MARGIN
  const bottom = () => doc.page.height - MARGIN - FOOTER_GAP
  const total = t.columns.reduce((s, c) => s + c.pdf, 0)
  const widths = t.columns.map((c) => (c.pdf / total) * tableWidth)
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0))
  const box = (i: number) => ({ width: widths[i]! - 2 * PAD, maxLines: MAX_LINES })

  const rowHeight = (cells: string[], size: number, bold: boolean) =>
    Math.max(...cells.map((c, i) => text.height(c, size, box(i), bold))) + 2 * PAD
  const drawRow = (cells: string[], y: number, h: number, size: number, bold: boolean, fill: string | null) => {
    if (fill) doc.rect(left, y, tableWidth, h).fill(fill)
    doc.fillColor('#111111')
    cells.forEach((c, i) => text.draw(c, xs[i]! + PAD, y + PAD, size, box(i), bold))
    doc
      .moveTo(left, y + h)
      .lineTo(left + tableWidth, y + h)
      .lineWidth(0.3)
      .strokeColor('#c8c8c8')
      .stroke()
  }

  const header = t.columns.map((c) => c.title)
  const headerHeight = rowHeight(header, HEADER_FONT_SIZE, true)
  const drawHeader = (y: number) => {
    drawRow(header, y, headerHeight, HEADER_FONT_SIZE, true, '#e4e9f0')
    return y + headerHeight
  }

  let y = drawHeader(top)
  t.lines.forEach((line, n) => {
    const cells = line.map((c: Cell) => clipCell(String(c)))
    const h = rowHeight(cells, FONT_SIZE, false)
    if (y + h > bottom()) {
      doc.addPage()
      y = drawHeader(MARGIN)
    }
    drawRow(cells, y, h, FONT_SIZE, false, n % 2 === 1 ? '#f5f6f8' : null)
    y += h
  })
  if (t.lines.length === 0) {
    doc.fillColor('#444444')
    text.draw(t.emptyText, left, y + 8, FONT_SIZE + 1, { width: tableWidth, maxLines: 1 })
    y += 8 + text.lineHeight(FONT_SIZE + 1)
  }
  return y
}

/** Title and the header block as label/value pairs in three columns; returns the y below it. */
function drawSummary(doc: PDFKit.PDFDocument, text: PdfText, t: ReportSheet, left: number, width: number): number {
  doc.fillColor('#111111')
  text.draw(t.title, left, MARGIN, 14, { width, maxLines: 1 }, true)
  const pairs = t.summary.slice(1)
  const perColumn = Math.ceil(pairs.length / 3)
  const colWidth = width / 3
  const top = MARGIN + 24
  const lineHeight = text.lineHeight(8) + 2
  pairs.forEach(([label, value], i) => {
    const x = left + Math.floor(i / perColumn) * colWidth
    const y = top + (i % perColumn) * lineHeight
    text.draw(`${label}:`, x, y, 8, { width: 128, maxLines: 1 }, true)
    text.draw(String(value), x + 130, y, 8, { width: colWidth - 134, maxLines: 1 })
  })
  return top + perColumn * lineHeight + 10
}

function drawFooters(doc: PDFKit.PDFDocument, text: PdfText, caption: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing inside the bottom margin would make pdfkit add a page: lift the margin for the footer.
    const saved = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - MARGIN - 8
    const width = doc.page.width - 2 * MARGIN
    doc.fillColor('#666666')
    text.draw(caption, MARGIN, y, 7, { width: width * 0.8, maxLines: 1 })
    const page = `Page ${i - range.start + 1} of ${range.count}`
    const w = text.width(page, 7)
    text.draw(page, MARGIN + width - w, y, 7, { width: w + 1, maxLines: 1 })
    doc.page.margins.bottom = saved
  }
}
