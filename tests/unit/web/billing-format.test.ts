import { describe, expect, it } from 'vitest'
import type { HwmHistory, PlanRow } from '../../../src/shared/contract/billing'
import {
  dailySeries,
  describeHistory,
  hasPoints,
  ORIGIN_LABEL
} from '../../../src/renderer/src/screens/activity/hwm-series'
import { parseCount, parseMoney, qty, writesOf } from '../../../src/renderer/src/screens/billing/format'

const row = (action: PlanRow['action']): PlanRow => ({
  mappingId: action,
  source: 'jumpcloud',
  orgId: 'o',
  orgName: null,
  target: { containerId: 'c', containerName: 'C', itemId: 'i', itemName: 'I' },
  metric: 'users',
  hwm: 5,
  nonBillable: 0,
  current: 4,
  newQuantity: 5,
  delta: 1,
  action,
  code: 'x',
  reason: 'x',
  result: 'planned',
  error: null
})

describe('billing screen formatting', () => {
  it('counts only increases and decreases as writes (held, blocked and unchanged wait)', () => {
    expect(
      writesOf(
        ['increase', 'decrease', 'held', 'blocked', 'unchanged', 'increase'].map((a) => row(a as PlanRow['action']))
      )
    ).toBe(3)
    expect(writesOf([])).toBe(0)
  })

  it('shows unknown quantities as a dash, never as 0', () => {
    expect(qty(null)).toBe('—')
    expect(qty(undefined)).toBe('—')
    expect(qty(0)).toBe('0')
  })

  it('accepts only whole non-negative counts', () => {
    expect(parseCount(' 12 ')).toBe(12)
    expect(parseCount('0')).toBe(0)
    for (const bad of ['', '-1', '1.5', '1e3', 'abc', '9999999999']) expect(parseCount(bad)).toBeNull()
  })

  it('accepts an empty unit cost as none and rejects non-amounts', () => {
    expect(parseMoney('')).toEqual({ ok: true, value: null })
    expect(parseMoney('4.50')).toEqual({ ok: true, value: 4.5 })
    for (const bad of ['-1', '4,50', '1.23456', 'x']) expect(parseMoney(bad).ok).toBe(false)
  })
})

describe('HWM chart series', () => {
  type Point = HwmHistory['currentMonth']['points'][number]
  const history = (points: Array<Omit<Point, 'origin'> & { origin?: Point['origin'] }>): HwmHistory => ({
    source: 'jumpcloud',
    orgId: 'o1',
    orgName: 'Acme',
    timeZone: 'America/New_York',
    months: [
      { month: '2025-02', users: null, devices: null },
      { month: '2025-03', users: 7, devices: 3 }
    ],
    currentMonth: { month: '2025-03', points: points.map((p) => ({ ...p, origin: p.origin ?? null })) }
  })

  it('puts every day of the month on the axis with the day’s highest count per metric, cut in the billing zone', () => {
    const s = dailySeries(
      history([
        { at: '2025-03-02T15:00:00Z', metric: 'users', count: 5 },
        { at: '2025-03-02T20:00:00Z', metric: 'users', count: 7 },
        { at: '2025-03-02T20:00:00Z', metric: 'devices', count: 3 },
        // 01:00 UTC on the 4th is still the 3rd in New York.
        { at: '2025-03-04T01:00:00Z', metric: 'users', count: 6 }
      ])
    )
    expect(s).toHaveLength(31)
    expect(s[0]).toEqual({ day: '2025-03-01', users: null, devices: null })
    expect(s[1]).toEqual({ day: '2025-03-02', users: 7, devices: 3 })
    expect(s[2]).toEqual({ day: '2025-03-03', users: 6, devices: null })
    expect(s[3]).toEqual({ day: '2025-03-04', users: null, devices: null })
    expect(hasPoints(s)).toBe(true)
  })

  it('keeps where each day’s peak came from (sample, push or create/delete events)', () => {
    const s = dailySeries(
      history([
        { at: '2025-03-02T15:00:00Z', metric: 'users', count: 5, origin: 'sample' },
        { at: '2025-03-02T15:20:00Z', metric: 'users', count: 9, origin: 'event' },
        { at: '2025-03-02T16:00:00Z', metric: 'users', count: 5, origin: 'push' },
        { at: '2025-03-02T16:00:00Z', metric: 'devices', count: 4, origin: 'push' }
      ])
    )
    expect(s[1]).toEqual({ day: '2025-03-02', users: 9, usersFrom: 'event', devices: 4, devicesFrom: 'push' })
    expect(ORIGIN_LABEL.event).toBe('from create/delete events')
  })

  it('has no points before the first count of the month', () => {
    expect(hasPoints(dailySeries(history([])))).toBe(false)
  })

  it('describes the latest month with data for screen readers', () => {
    expect(describeHistory(history([]))).toBe(
      'High-water mark of Acme, 1 month with data; 2025-03: 7 users, 3 devices.'
    )
    expect(describeHistory({ ...history([]), months: [{ month: '2025-03', users: null, devices: null }] })).toBe(
      'No counts recorded yet for Acme.'
    )
  })
})
