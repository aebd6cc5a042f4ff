// fontkit ships no types; the one call the report fonts need (pdfkit itself uses fontkit to embed them).
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Buffer): Font
}
