import type { FontSet, ReportFont } from './fonts'

// Text in a PDF cell as runs of one font each (DejaVu, or a CJK fallback where DejaVu has no glyph): pdfkit
// lays out consecutive `continued` runs as one paragraph, wrapping across them.

export interface CellBox {
  width: number
  /** Lines at most; longer text is cut and ends with …. */
  maxLines: number
}

/** Control characters would break the layout (a name with a line break): shown as spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ')
}

export class PdfText {
  private readonly registered = new Set<string>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontSet
  ) {}

  private use(font: ReportFont): PDFKit.PDFDocument {
    if (!this.registered.has(font.name)) {
      this.doc.registerFont(font.name, font.data)
      this.registered.add(font.name)
    }
    return this.doc.font(font.name)
  }

  runs(text: string, bold = false) {
    return this.fonts.runs(oneLine(text), bold)
  }

  lineHeight(size: number): number {
    this.use(this.fonts.regular).fontSize(size)
    return this.doc.currentLineHeight(true)
  }

  /** Width of `text` on one line. */
  width(text: string, size: number, bold = false): number {
    return this.runs(text, bold).reduce((s, r) => s + this.use(r.font).fontSize(size).widthOfString(r.text), 0)
  }

  /** Height of `text` wrapped in `box` (capped at box.maxLines). */
  height(text: string, size: number, box: CellBox, bold = false): number {
    const runs = this.runs(text, bold)
    const lh = this.lineHeight(size)
    if (runs.length === 0) return lh
    if (runs.length === 1) {
      this.use(runs[0]!.font).fontSize(size)
      return Math.min(this.doc.heightOfString(runs[0]!.text, { width: box.width }), box.maxLines * lh)
    }
    // Mixed fonts: pdfkit measures one font at a time, so estimate from the runs' widths (rounded up).
    const total = runs.reduce((s, r) => s + this.use(r.font).fontSize(size).widthOfString(r.text), 0)
    return Math.min(Math.ceil((total * 1.15) / box.width), box.maxLines) * lh
  }

  /** Draws `text` at (x, y) wrapped in `box`. */
  draw(text: string, x: number, y: number, size: number, box: CellBox, bold = false): void {
    const runs = this.runs(text, bold)
    if (runs.length === 0) return
    if (runs.length === 1) {
      const lh = this.lineHeight(size)
      this.use(runs[0]!.font).fontSize(size)
      this.doc.text(runs[0]!.text, x, y, {
        width: box.width,
        height: box.maxLines * lh,
        ellipsis: true,
        lineBreak: box.maxLines > 1
      })
      return
    }
    const fitted = this.fit(runs, size, box)
    fitted.forEach((r, i) => {
      const opts = { width: box.width, lineBreak: box.maxLines > 1, continued: i < fitted.length - 1 }
      this.use(r.font).fontSize(size)
      if (i === 0) this.doc.text(r.text, x, y, opts)
      else this.doc.text(r.text, opts)
    })
  }

  /** Cuts mixed-font text that would need more than box.maxLines lines, ending it with …. */
  private fit(runs: Array<{ font: ReportFont; text: string }>, size: number, box: CellBox) {
    const budget = box.width * box.maxLines * 0.85
    const out: Array<{ font: ReportFont; text: string }> = []
    let used = 0
    for (const r of runs) {
      let text = ''
      for (const ch of r.text) {
        const w = this.use(r.font).fontSize(size).widthOfString(ch)
        if (used + w > budget) {
          out.push({ font: r.font, text: `${text}` }, { font: this.fonts.regular, text: '…' })
          return out.filter((x) => x.text !== '')
        }
        used += w
        text += ch
      }
      out.push({ font: r.font, text })
    }
    return out
  }
}
