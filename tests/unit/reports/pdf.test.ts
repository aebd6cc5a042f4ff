import { describe, expect, it } from 'vitest'
import { writePdf } from '../../../src/main/reports/pdf'
import { org, reportOf } from './fixture'
import { pdfPageCount, pdfPageTexts } from './pdf-text'

// Ignored: not repeated in the "without a PSA customer" section, so each name appears once.
const orgs = (n: number) =>
  Array.from({ length: n }, (_, i) => org(`id${i}`, `Org ${String(i).padStart(3, '0')}`, { status: 'ignored' }))
const rowsOf = (page: string) => page.match(/Org \d{3}/g) ?? []

// Names from MSPs' real client lists: German, Norwegian, Polish, Greek, Chinese, Japanese, Korean, Cyrillic,
// and a name mixing scripts in one cell.
const WORLD = [
  'Müller & Söhne GmbH',
  'Ødegaard Tannlegekontor',
  'Łódź Księgowość Sp. z o.o.',
  'Αθηνά Ιατρική ΑΕ',
  '北京科技有限公司',
  '東京デンタル株式会社',
  '서울 치과',
  'ООО Ромашка',
  'Zhōu & 周 Partners'
]

describe('writePdf', () => {
  it('is a PDF with the summary on top and every org name in it', async () => {
    const pdf = await writePdf(reportOf([...orgs(3), org('x', 'Müller & Söhne, "GmbH"'), org('y', '=cmd|calc')]))
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdfPageCount(pdf)).toBe(1)
    const [page] = await pdfPageTexts(pdf)
    for (const t of ['Organization mappings', 'Organizations:', 'Org 000', 'Org 002', 'Müller & Söhne, "GmbH"'])
      expect(page).toContain(t)
    expect(page).toContain('=cmd|calc')
    expect(page).toContain('Page 1 of 1')
  })

  it('a 10 KB name is cut before layout: the row shows its start and stays on one page', async () => {
    const long = `Start${'x'.repeat(10_240)}`
    const pdf = await writePdf(reportOf([org('x', long, { status: 'ignored' })]))
    expect(pdfPageCount(pdf)).toBe(1)
    const [page] = await pdfPageTexts(pdf)
    expect(page).toContain('Start')
    expect(page!.replace(/\s/g, '')).not.toContain('x'.repeat(700))
  })

  it('prints names in any script as they are: Ü, Ø, Ł, Greek, CJK, Hangul, Cyrillic and mixed cells extract back', async () => {
    const pdf = await writePdf(reportOf(WORLD.map((name, i) => org(`w${i}`, name))))
    const text = (await pdfPageTexts(pdf)).join('\n')
    for (const name of WORLD) expect(text).toContain(name)
    expect(text).not.toContain('?')
    // The Chinese, Japanese and Korean names came from the CJK fallback fonts, the rest from DejaVu Sans.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/)
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR/)
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/)
  })

  it('paginates N rows: header repeated on each page, full pages between a shorter first page and the last, "Page i of n"', async () => {
    const n = 150
    const pdf = await writePdf(reportOf(orgs(n)), { size: 'A4' })
    const pages = await pdfPageTexts(pdf)
    expect(pages.length).toBe(pdfPageCount(pdf))
    const perPage = pages.map((p) => rowsOf(p).length)
    const full = perPage[1]!
    expect(perPage.length).toBeGreaterThan(2)
    // Page 1 loses room to the summary; the pages between are all full; the last holds the rest.
    expect(perPage[0]!).toBeLessThan(full)
    expect(perPage.slice(1, -1).every((c) => c === full)).toBe(true)
    expect(perPage.at(-1)!).toBeGreaterThan(0)
    expect(perPage.at(-1)!).toBeLessThanOrEqual(full)
    expect(pages.length).toBe(1 + Math.ceil((n - perPage[0]!) / full))
    // Every row exactly once, in order, and the column header + page number on every page.
    expect(pages.flatMap(rowsOf)).toEqual(orgs(n).map((o) => o.name))
    pages.forEach((p, i) => {
      expect(p).toContain('Billing target')
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`)
    })
    expect(pages.slice(1).some((p) => p.includes('Organization mappings'))).toBe(false)
  })

  it('adds pages as rows grow', async () => {
    const one = pdfPageCount(await writePdf(reportOf(orgs(1))))
    const many = pdfPageCount(await writePdf(reportOf(orgs(400))))
    expect(one).toBe(1)
    expect(many).toBeGreaterThan(one)
  })

  it('compresses by default (the shipped files are small)', async () => {
    const report = reportOf(orgs(100))
    expect((await writePdf(report)).length).toBeLessThan((await writePdf(report, { compress: false })).length / 2)
  })
})
