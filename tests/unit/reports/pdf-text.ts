import { PDFParse } from 'pdf-parse'

// Reads the text back from a PDF with a real extractor (pdf-parse, on Mozilla's pdf.js): what a reader
// copying text out of the report would get, through the fonts' ToUnicode maps.

/** The text of each page. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  try {
    const result = await parser.getText()
    return result.pages.map((p) => p.text)
  } finally {
    await parser.destroy()
  }
}

/** The PDF's own page objects (not the /Pages tree node). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
}
