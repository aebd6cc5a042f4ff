import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'

// Report fonts, bundled from npm (licences in their packages, listed in README "Fonts in reports"):
// DejaVu Sans (dejavu-fonts-ttf: Bitstream Vera licence + public domain) covers Latin, Greek and Cyrillic;
// Noto Sans SC (@fontsource/noto-sans-sc, SIL OFL 1.1) covers CJK, shipped as ~100 unicode-range slices of
// which only those a report's text touches are read. Everything is read on first use: a CLI command that
// writes no PDF never touches them.

export interface ReportFont {
  /** Name registered with pdfkit. */
  name: string
  data: Buffer
}

export interface FontSet {
  regular: ReportFont
  bold: ReportFont
  /** The font for each run of `text`: the base font where it has the glyph, else a fallback that has it. */
  runs(text: string, bold: boolean): Array<{ font: ReportFont; text: string }>
  /** Every font handed out by `runs` so far (pdfkit must know a font before it is used). */
  used(): ReportFont[]
}

const resolver = createRequire(import.meta.url)
const packageDir = (name: string) => dirname(resolver.resolve(`${name}/package.json`))

interface Slice {
  from: number
  to: number
  key: string
}

let dejavu: { regular: Buffer; bold: Buffer } | null = null
let cjkSlices: Slice[] | null = null
const fontkitCache = new Map<string, fontkit.Font>()
const cjkCache = new Map<string, ReportFont>()

function loadDejaVu() {
  const dir = join(packageDir('dejavu-fonts-ttf'), 'ttf')
  dejavu ??= {
    regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf'))
  }
  return dejavu
}

/** Fontsource's unicode.json: "[12]" → "U+4e00-4e2f,U+4e31,…", the code points of slice 12. */
function loadSlices(): Slice[] {
  if (cjkSlices) return cjkSlices
  const map = JSON.parse(readFileSync(join(packageDir('@fontsource/noto-sans-sc'), 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >
  cjkSlices = Object.entries(map).flatMap(([key, ranges]) =>
    ranges.split(',').map((r) => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-')
      return { from: parseInt(a!, 16), to: parseInt(b ?? a!, 16), key: key.replace(/[[\]]/g, '') }
    })
  )
  return cjkSlices
}

function cjkFontFor(cp: number): ReportFont | null {
  const slice = loadSlices().find((s) => cp >= s.from && cp <= s.to)
  if (!slice) return null
  let font = cjkCache.get(slice.key)
  if (!font) {
    const file = join(packageDir('@fontsource/noto-sans-sc'), 'files', `noto-sans-sc-${slice.key}-400-normal.woff`)
    font = { name: `NotoSansSC-${slice.key}`, data: readFileSync(file) }
    cjkCache.set(slice.key, font)
  }
  return glyphs(font).hasGlyphForCodePoint(cp) ? font : null
}

function glyphs(f: ReportFont): fontkit.Font {
  let g = fontkitCache.get(f.name)
  if (!g) fontkitCache.set(f.name, (g = fontkit.create(f.data)))
  return g
}

/** A font set for one document (which fallbacks it used is per document; the font files are read once). */
export function reportFonts(): FontSet {
  const d = loadDejaVu()
  const regular: ReportFont = { name: 'DejaVuSans', data: d.regular }
  const bold: ReportFont = { name: 'DejaVuSans-Bold', data: d.bold }
  const used = new Map<string, ReportFont>([
    [regular.name, regular],
    [bold.name, bold]
  ])
  const pick = (cp: number, base: ReportFont): ReportFont => {
    if (glyphs(base).hasGlyphForCodePoint(cp)) return base
    if (base !== regular && glyphs(regular).hasGlyphForCodePoint(cp)) return regular
    // No font has it (an emoji): the base font's "missing glyph" box, as any viewer would show.
    return cjkFontFor(cp) ?? base
  }
  return {
    regular,
    bold,
    runs(text, isBold) {
      const base = isBold ? bold : regular
      const out: Array<{ font: ReportFont; text: string }> = []
      for (const ch of text) {
        const cp = ch.codePointAt(0)!
        const last = out.at(-1)
        // Spaces join the run they are in: a change of font only where a glyph needs it.
        const font = cp === 0x20 && last ? last.font : pick(cp, base)
        if (!used.has(font.name)) used.set(font.name, font)
        if (last && last.font === font) last.text += ch
        else out.push({ font, text: ch })
      }
      return out
    },
    used: () => [...used.values()]
  }
}
