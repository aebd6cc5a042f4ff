import { describe, expect, it } from 'vitest'
import { compileFilter, type Row } from '../../sims/autotask/filter'

// The sim's `in` is one Set lookup per row; it must match exactly what `eq` (the engine's cmp) says for each value,
// over the types rows and requests mix: numbers and numeric strings (picklists), dates, booleans, nulls, case.
const FIELDS = ['v']
const values: unknown[] = [
  0,
  -0,
  1,
  12,
  1.5,
  '12',
  ' 12',
  '',
  ' ',
  'abc',
  'ABC',
  'true',
  'false',
  'True',
  true,
  false,
  null,
  undefined,
  '2026-01-31',
  '2026-01-31T00:00:00Z',
  '2026-01-31T00:00:00',
  Date.parse('2026-01-31T00:00:00Z'),
  String(Date.parse('2026-01-31T00:00:00Z')),
  '2026-13-45',
  'NaN',
  NaN,
  '1e1',
  10
]

function pick(seed: number, n: number): unknown[] {
  let s = seed
  const out: unknown[] = []
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31
    out.push(values[s % values.length])
  }
  return out
}

describe('autotask sim filter: in / notIn', () => {
  it('agrees with an or of eq conditions for every value type', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const list = pick(seed, 1 + (seed % 6))
      const items = list.map((value) => ({ op: 'eq', field: 'v', value }))
      const reference = compileFilter([{ op: 'or', items }], FIELDS)
      const fast = compileFilter([{ op: 'in', field: 'v', value: list }], FIELDS)
      const not = compileFilter([{ op: 'notIn', field: 'v', value: list }], FIELDS)
      for (const v of values) {
        const row: Row = { v }
        expect(fast(row), `${String(v)} in ${JSON.stringify(list)}`).toBe(reference(row))
        expect(not(row)).toBe(!reference(row))
      }
    }
  })

  it('matches numeric ids sent as numbers or strings, and nothing else', () => {
    const f = compileFilter([{ op: 'in', field: 'v', value: [3, '5'] }], FIELDS)
    expect([1, 3, 5, '3', '5', '05', null].map((v) => f({ v }))).toEqual([false, true, true, false, true, false, false])
  })
})
