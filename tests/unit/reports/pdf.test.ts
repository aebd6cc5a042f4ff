import { describe, expect, it } from 'vitest'
import { toWinAnsi, writePdf } from '../../../src/main/reports/pdf'
import { org, reportOf } from './fixture'
import { pdfPageCount, pdfPageTexts } from './pdf-text'

const orgs = (n: number) => Array.from({ length: n }, (_, i) => org(`id${i}`, `Org ${String(i).padStart(3, '0')}`))
const isRow = (t: string) => /^Org \d{3}$/.test(t)

describe('writePdf', () => {
  it('is a PDF with the summary on top and every org name in it', async () => {
    const pdf = await writePdf(reportOf([...orgs(3), org('x', 'Müller & Söhne, "GmbH"'), org('y', '=cmd|calc')]), {
      compress: false
    })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdfPageCount(pdf)).toBe(1)
    const [page] = pdfPageTexts(pdf)
    expect(page).toEqual(
      expect.arrayContaining([
        'Organization mappings',
        'Organizations:',
        'Org 000',
        'Org 002',
        'Müller & Söhne, "GmbH"',
        '=cmd|calc',
        'Page 1 of 1'
      ])
    )
  })

  it('paginates N rows: header repeated on each page, full pages between a shorter first page and the last, "Page i of n"', async () => {
    const n = 150
    const pdf = await writePdf(reportOf(orgs(n)), { compress: false, size: 'A4' })
    const pages = pdfPageTexts(pdf)
    expect(pages.length).toBe(pdfPageCount(pdf))
    const perPage = pages.map((p) => p.filter(isRow).length)
    const full = perPage[1]!
    expect(perPage.length).toBeGreaterThan(2)
    // Page 1 loses room to the summary; the pages between are all full; the last holds the rest.
    expect(perPage[0]!).toBeLessThan(full)
    expect(perPage.slice(1, -1).every((c) => c === full)).toBe(true)
    expect(perPage.at(-1)!).toBeGreaterThan(0)
    expect(perPage.at(-1)!).toBeLessThanOrEqual(full)
    expect(pages.length).toBe(1 + Math.ceil((n - perPage[0]!) / full))
    // Every row exactly once, in order, and the column header + page number on every page.
    expect(pages.flat().filter(isRow)).toEqual(orgs(n).map((o) => o.name))
    pages.forEach((p, i) => {
      expect(p).toContain('Organization ID')
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`)
    })
    expect(pages.slice(1).some((p) => p.includes('Organization mappings'))).toBe(false)
  })

  it('adds pages as rows grow', async () => {
    const one = pdfPageCount(await writePdf(reportOf(orgs(1)), { compress: false }))
    const many = pdfPageCount(await writePdf(reportOf(orgs(400)), { compress: false }))
    expect(one).toBe(1)
    expect(many).toBeGreaterThan(one)
  })

  it('compresses by default (the shipped files are small)', async () => {
    const report = reportOf(orgs(100))
    expect((await writePdf(report)).length).toBeLessThan((await writePdf(report, { compress: false })).length / 2)
  })
})

describe('toWinAnsi', () => {
  it('keeps Latin-1 and typographic marks, spells arrows in ASCII, replaces what the standard fonts cannot draw', () => {
    expect(toWinAnsi('Zürich – “Ärzte” €5')).toBe('Zürich – “Ärzte” €5')
    expect(toWinAnsi('written 12 → 14')).toBe('written 12 -> 14')
    expect(toWinAnsi('東京🚀\nx')).toBe('??? x')
  })
})
