import { describe, expect, it } from 'vitest'
import { parseQuantity } from '../../../src/main/billing/plan'
import { appError } from './app-error-matcher'

describe('parseQuantity', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['12.0', 12], // Syncro line items: quantity as a decimal string (syncro.md [S1])
    ['12.000', 12],
    ['0.0', 0],
    [0, 0],
    [-0, 0],
    [12.0, 12],
    ['007', 7]
  ])('accepts %j as %d', (raw, expected) => {
    expect(Object.is(parseQuantity(raw), expected)).toBe(true)
  })

  it.each([
    '12.5',
    '9.99',
    12.5,
    '',
    ' ',
    'abc',
    '-1',
    -1,
    '1e3',
    '12.',
    '.5',
    ' 12',
    '12 ',
    '+12',
    '0x10',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    '9007199254740993',
    null,
    undefined,
    true,
    {},
    []
  ])('rejects %j', (raw) => {
    expect(() => parseQuantity(raw)).toThrow(appError('bad-response', 'quantity'))
  })

  it('names the field it was given', () => {
    expect(() => parseQuantity('x', 'lines.3.quantity')).toThrow(appError('bad-response', 'lines.3.quantity'))
  })
})
