import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { writeCsv } from '../../../src/main/reports/csv'
import { guardFormula } from '../../../src/main/reports/formula-guard'
import { REPORT_COLUMNS } from '../../../src/main/reports/table'
import { billingRow, HOSTILE_NAMES, org, reportOf } from './fixture'

function parse(buf: Buffer): string[][] {
  const text = buf.toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  // The main table: the sections follow after an empty line (tested on their own below).
  const r = Papa.parse<string[]>(text.slice(1).split('\r\n\r\n')[0]!, { skipEmptyLines: true })
  expect(r.errors).toEqual([])
  return r.data
}

describe('guardFormula', () => {
  it('prefixes exactly the cells a spreadsheet would evaluate', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(s)).toBe(`'${s}`)
    for (const s of ['Acme', ' =1', "'quoted", '1-2', '']) expect(guardFormula(s)).toBe(s)
  })

  it('also guards a formula that starts after any separator Excel may split on (comma, semicolon, tab, pipe)', () => {
    for (const s of ["ACME;=cmd|' /C calc'!A0", 'a,+1', 'a\t@SUM(A1)', 'a|-2+3', 'x; =1', 'a\n=1'])
      expect(guardFormula(s)).toBe(`'${s}`)
    for (const s of ['Smith; Jones', 'a=b', 'ACME, Inc.']) expect(guardFormula(s)).toBe(s)
  })
})

describe('writeCsv', () => {
  it('round-trips hostile names through papaparse, with formula-looking names kept as text', () => {
    const orgs = HOSTILE_NAMES.map((n, i) => org(`o${i}`, n))
    const rows = parse(writeCsv(reportOf(orgs)))
    expect(rows[0]).toEqual(REPORT_COLUMNS.map((c) => c.title))
    const byId = new Map(rows.slice(1).map((r) => [r[1], r]))
    expect(byId.size).toBe(HOSTILE_NAMES.length)
    HOSTILE_NAMES.forEach((name, i) => {
      const cell = byId.get(`o${i}`)![0]
      expect(cell).toBe(/^[=+\-@\t\r]/.test(name) ? `'${name}` : name)
    })
    expect(byId.get('o4')![0]).toBe(`'=HYPERLINK("http://evil","click")`)
  })

  it('writes numbers plainly and an unknown HWM as "unknown"', () => {
    const r = reportOf(
      [
        org('a', 'A', { status: 'mapped', customerId: '1', customerName: 'A Co' }),
        org('b', 'B', { status: 'mapped', customerId: '2', customerName: '-B Co' })
      ],
      [billingRow('a', { hwm: 14, nonBillable: 2 }), billingRow('b', { hwm: null })]
    )
    const [, a, b] = parse(writeCsv(r))
    const at = (t: string) => REPORT_COLUMNS.findIndex((c) => c.title === t)
    expect([a![at('Non-billable')], a![at('HWM this month')]]).toEqual(['2', '14'])
    expect(b![at('HWM this month')]).toBe('unknown')
    expect(b![at('PSA customer')]).toBe("'-B Co")
  })

  it('quotes every text cell, so a semicolon-splitting Excel keeps "ACME;=cmd" in one guarded cell', () => {
    const text = writeCsv(reportOf([org('o1', "ACME;=cmd|' /C calc'!A0")]))
      .toString('utf8')
      .slice(1)
    const [, line] = text.split('\r\n')
    expect(line!.startsWith(`"'ACME;=cmd|' /C calc'!A0","o1",`)).toBe(true)
    // Split the way a semicolon locale does, honouring quotes: no field starts a formula.
    const fields = Papa.parse<string[]>(line!, { delimiter: ';' }).data[0]!
    expect(fields.some((f) => /^[=+\-@]/.test(f))).toBe(false)
  })

  it('has only the header line when there are no organizations', () => {
    expect(parse(writeCsv(reportOf([])))).toEqual([REPORT_COLUMNS.map((c) => c.title)])
  })

  it('adds the unmapped orgs as a titled block after the table, and leaves empty sections out', () => {
    const r = reportOf([
      org('a', 'Acme', { status: 'mapped', customerId: '1', customerName: 'Acme Co' }),
      org('b', '=Beta')
    ])
    const blocks = writeCsv(r).toString('utf8').slice(1).trimEnd().split('\r\n\r\n')
    expect(blocks).toHaveLength(2)
    const section = Papa.parse<string[]>(blocks[1]!).data
    expect(section[0]).toEqual(['Organizations without a PSA customer'])
    expect(section[1]).toEqual(['Organization', 'Organization ID', 'Status', 'Suggestion'])
    expect(section.slice(2)).toEqual([["'=Beta", 'b', 'unmapped', '']])
  })
})
