import PDFDocument from 'pdfkit'
import type { MappingReport } from './mapping-report'
import { asSheet, type ReportSheet } from './sheet'
import type { Cell } from './table'

export interface PdfOptions {
  /** pdfkit deflates page streams by default; tests turn it off to read the text back. */
  compress?: boolean
  size?: 'A4' | 'LETTER'
}

const MARGIN = 36
const FONT_SIZE = 7
const HEADER_FONT_SIZE = 7
const PAD = 3
/** A long name wraps to at most this many lines (then ends with …), so one row always fits on a page. */
const MAX_LINES = 4
const FOOTER_GAP = 14

// The 14 standard PDF fonts only encode WinAnsi (Latin-1 plus a few typographic marks); anything else
// would print as the wrong glyph, so it is spelled in ASCII where that is obvious and shown as '?'
// otherwise. The CSV and XLSX keep the exact text.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const ASCII_FOR: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '\n': ' ',
  '\r': ' ',
  '\t': ' '
}
export function toWinAnsi(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    const encodable = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)
    out += encodable ? ch : (ASCII_FOR[ch] ?? '?')
  }
  return out
}

/**
 * Landscape table with the summary on top of page 1, the column header repeated on every page and
 * "Page i of n" in each footer (pages are buffered so the total is known when footers are written).
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

  const left = MARGIN
  const tableWidth = doc.page.width - 2 * MARGIN
  const bottom = () => doc.page.height - MARGIN - FOOTER_GAP
  const total = t.columns.reduce((s, c) => s + c.pdf, 0)
  const widths = t.columns.map((c) => (c.pdf / total) * tableWidth)
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0))

  const rowHeight = (cells: string[], font: string, size: number) => {
    doc.font(font).fontSize(size)
    const lineHeight = doc.currentLineHeight(true)
    const tallest = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 2 * PAD })))
    return Math.min(tallest, MAX_LINES * lineHeight) + 2 * PAD
  }
  const drawRow = (cells: string[], y: number, h: number, font: string, size: number, fill: string | null) => {
    if (fill) doc.rect(left, y, tableWidth, h).fill(fill)
    doc.fillColor('#111111').font(font).fontSize(size)
    cells.forEach((t, i) =>
      doc.text(t, xs[i]! + PAD, y + PAD, {
        width: widths[i]! - 2 * PAD,
        height: h - 2 * PAD,
        ellipsis: true,
        lineBreak: true
      })
    )
    doc
      .moveTo(left, y + h)
      .lineTo(left + tableWidth, y + h)
      .lineWidth(0.3)
      .strokeColor('#c8c8c8')
      .stroke()
  }

  const header = t.columns.map((c) => toWinAnsi(c.title))
  const headerHeight = rowHeight(header, 'Helvetica-Bold', HEADER_FONT_SIZE)
  const drawHeader = (y: number) => {
    drawRow(header, y, headerHeight, 'Helvetica-Bold', HEADER_FONT_SIZE, '#e4e9f0')
    return y + headerHeight
  }

  let y = drawSummary(doc, t, left, tableWidth)
  y = drawHeader(y)
  t.lines.forEach((line, n) => {
    const cells = line.map((c: Cell) => toWinAnsi(String(c)))
    const h = rowHeight(cells, 'Helvetica', FONT_SIZE)
    if (y + h > bottom()) {
      doc.addPage()
      y = drawHeader(MARGIN)
    }
    drawRow(cells, y, h, 'Helvetica', FONT_SIZE, n % 2 === 1 ? '#f5f6f8' : null)
    y += h
  })
  if (t.lines.length === 0)
    doc
      .font('Helvetica')
      .fontSize(FONT_SIZE + 1)
      .fillColor('#444444')
      .text(toWinAnsi(t.emptyText), left, y + 8)

  drawFooters(doc, toWinAnsi(t.caption))
  doc.end()
  return done
}

/** Title and the header block as label/value pairs in three columns; returns the y below it. */
function drawSummary(doc: PDFKit.PDFDocument, t: ReportSheet, left: number, width: number): number {
  doc.fillColor('#111111').font('Helvetica-Bold').fontSize(14).text(toWinAnsi(t.title), left, MARGIN)
  const pairs = t.summary.slice(1)
  const perColumn = Math.ceil(pairs.length / 3)
  const colWidth = width / 3
  const top = MARGIN + 24
  doc.fontSize(8)
  const lineHeight = doc.currentLineHeight(true) + 2
  pairs.forEach(([label, value], i) => {
    const x = left + Math.floor(i / perColumn) * colWidth
    const y = top + (i % perColumn) * lineHeight
    doc.font('Helvetica-Bold').text(`${toWinAnsi(label)}:`, x, y, { width: 110, lineBreak: false })
    doc
      .font('Helvetica')
      .text(toWinAnsi(String(value)), x + 112, y, { width: colWidth - 116, lineBreak: false, ellipsis: true })
  })
  return top + perColumn * lineHeight + 10
}

function drawFooters(doc: PDFKit.PDFDocument, caption: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing inside the bottom margin would make pdfkit add a page: lift the margin for the footer.
    const saved = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - MARGIN - 8
    const width = doc.page.width - 2 * MARGIN
    doc.font('Helvetica').fontSize(7).fillColor('#666666')
    doc.text(caption, MARGIN, y, { width, align: 'left', lineBreak: false })
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width, align: 'right', lineBreak: false })
    doc.page.margins.bottom = saved
  }
}
