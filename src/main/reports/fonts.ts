import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'

// Report fonts, bundled from npm (licences in their packages, listed in README "Fonts in reports"):
// DejaVu Sans (dejavu-fonts-ttf: Bitstream Vera licence + public domain) covers Latin, Greek and Cyrillic;
// Noto Sans SC and KR (@fontsource/noto-sans-sc, -kr: SIL OFL 1.1) cover Chinese, Japanese and Korean, each
// shipped as ~100 unicode-range slices of which only those a report's text touches are read. Everything is
// read on first use: a CLI command that writes no PDF never touches them.

/** Fallback families in order: the first whose slice has the glyph draws it. */
const FALLBACKS = [
  { pkg: '@fontsource/noto-sans-sc', file: 'noto-sans-sc', name: 'NotoSansSC' },
  { pkg: '@fontsource/noto-sans-kr', file: 'noto-sans-kr', name: 'NotoSansKR' }
] as const
type Fallback = (typeof FALLBACKS)[number]

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
const slicesOf = new Map<Fallback, Slice[]>()
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
function loadSlices(f: Fallback): Slice[] {
  const known = slicesOf.get(f)
  if (known) return known
  const map = JSON.parse(readFileSync(join(packageDir(f.pkg), 'unicode.json'), 'utf8')) as Record<string, string>
  const slices = Object.entries(map).flatMap(([key, ranges]) =>
    ranges.split(',').map((r) => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-')
      return { from: parseInt(a!, 16), to: parseInt(b ?? a!, 16), key: key.replace(/[[\]]/g, '') }
    })
  )
  slicesOf.set(f, slices)
  return slices
}

function fallbackFor(cp: number): ReportFont | null {
  for (const f of FALLBACKS) {
    const slice = loadSlices(f).find((s) => cp >= s.from && cp <= s.to)
    if (!slice) continue
    const name = `${f.name}-${slice.key}`
    let font = cjkCache.get(name)
    if (!font) {
      const file = join(packageDir(f.pkg), 'files', `${f.file}-${slice.key}-400-normal.woff`)
      font = { name, data: readFileSync(file) }
      cjkCache.set(name, font)
    }
    if (glyphs(font).hasGlyphForCodePoint(cp)) return font
  }
  return null
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
    return fallbackFor(cp) ?? base
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
