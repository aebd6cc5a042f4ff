// Reads the text back from an *uncompressed* pdfkit PDF: one entry per page content stream (pdfkit
// writes them in page order), each a list of text runs (one per BT…ET block, hex strings joined).
// Good enough for our own output with the standard fonts; not a general PDF parser.
export function pdfPageTexts(pdf: Buffer): string[][] {
  const src = pdf.toString('latin1')
  const pages: string[][] = []
  for (const m of src.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const runs: string[] = []
    for (const bt of m[1]!.matchAll(/BT\n([\s\S]*?)\nET/g)) {
      const hex = [...bt[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
      runs.push(hex.join(''))
    }
    pages.push(runs)
  }
  return pages
}

/** The PDF's own page objects (not the /Pages tree node). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
}
