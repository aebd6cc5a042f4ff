import { describe, expect, it } from 'vitest'
import { computeHwm, hwmFor, hwmKey, monthBounds, monthKey, type UsageSnapshot } from '../../../src/main/billing/hwm'
import { appError } from './app-error-matcher'

const NY = 'America/New_York'
const BERLIN = 'Europe/Berlin'
const SYDNEY = 'Australia/Sydney'

function snap(count: number, takenAt: string, over: Partial<UsageSnapshot> = {}): UsageSnapshot {
  return { orgId: 'org-a', metric: 'users', count, takenAt, ...over }
}

describe('monthKey', () => {
  it('puts 23:30 on March 31 New York time (03:30 UTC April 1) in March', () => {
    expect(monthKey('2026-04-01T03:30:00Z', NY)).toBe('2026-03')
    expect(monthKey(new Date('2026-04-01T03:30:00Z'), NY)).toBe('2026-03')
    expect(monthKey('2026-03-31T23:30:00-04:00', NY)).toBe('2026-03')
    // The same instant is already April in UTC and in Berlin.
    expect(monthKey('2026-04-01T03:30:00Z', 'UTC')).toBe('2026-04')
    expect(monthKey('2026-04-01T03:30:00Z', BERLIN)).toBe('2026-04')
  })

  it('switches month exactly at local midnight', () => {
    expect(monthKey('2026-04-01T03:59:59.999Z', NY)).toBe('2026-03')
    expect(monthKey('2026-04-01T04:00:00Z', NY)).toBe('2026-04') // 00:00 EDT
    expect(monthKey('2026-02-28T22:59:59Z', BERLIN)).toBe('2026-02')
    expect(monthKey('2026-02-28T23:00:00Z', BERLIN)).toBe('2026-03') // 00:00 CET
    expect(monthKey('2026-01-31T12:59:59Z', SYDNEY)).toBe('2026-01')
    expect(monthKey('2026-01-31T13:00:00Z', SYDNEY)).toBe('2026-02') // 00:00 AEDT (+11)
  })

  it('rejects an invalid zone with a validation error naming the zone', () => {
    for (const zone of ['Mars/Base', '', 'UTC+3', 'local']) {
      expect(() => monthKey('2026-04-01T00:00:00Z', zone)).toThrow(appError('validation', 'zone'))
    }
  })

  it('rejects instants without an offset or that are not dates', () => {
    for (const at of ['2026-04-01T00:00:00', '2026-04-01', 'yesterday', '']) {
      expect(() => monthKey(at, NY)).toThrow(appError('validation'))
    }
    expect(() => monthKey(new Date(Number.NaN), NY)).toThrow(appError('validation'))
  })
})

describe('monthBounds', () => {
  it.each([
    // New York: March holds spring-forward (Mar 8), November holds fall-back (Nov 1).
    ['2026-03', NY, '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
    ['2026-11', NY, '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
    ['2026-12', NY, '2026-12-01T05:00:00.000Z', '2027-01-01T05:00:00.000Z'],
    // Berlin: DST starts Mar 29, ends Oct 25.
    ['2026-03', BERLIN, '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['2026-10', BERLIN, '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
    // Sydney (southern hemisphere): DST ends Apr 5, starts Oct 4.
    ['2026-04', SYDNEY, '2026-03-31T13:00:00.000Z', '2026-04-30T14:00:00.000Z'],
    ['2026-10', SYDNEY, '2026-09-30T14:00:00.000Z', '2026-10-31T13:00:00.000Z'],
    // Paraguay sprang forward at 00:00 on 2017-10-01: that midnight never existed, the month starts at 01:00 (-03).
    ['2017-10', 'America/Asuncion', '2017-10-01T04:00:00.000Z', '2017-11-01T03:00:00.000Z']
  ])('%s in %s is [%s, %s)', (key, zone, start, end) => {
    const b = monthBounds(key, zone)
    expect(b.start.toISOString()).toBe(start)
    expect(b.end.toISOString()).toBe(end)
  })

  it('agrees with monthKey at both edges for every month of two years in several zones', () => {
    for (const zone of [NY, BERLIN, SYDNEY, 'UTC', 'Asia/Kolkata', 'America/Santiago']) {
      for (let i = 0; i < 24; i++) {
        const key = `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
        const { start, end } = monthBounds(key, zone)
        expect(monthKey(start, zone)).toBe(key)
        expect(monthKey(new Date(start.getTime() - 1), zone)).not.toBe(key)
        expect(monthKey(new Date(end.getTime() - 1), zone)).toBe(key)
        expect(monthKey(end, zone)).not.toBe(key)
      }
    }
  })

  it('rejects malformed month keys and zones', () => {
    for (const key of ['2026-13', '2026-00', '2026-3', '26-03', '2026-03-01', '']) {
      expect(() => monthBounds(key, NY)).toThrow(appError('validation', 'month'))
    }
    expect(() => monthBounds('2026-03', 'Nowhere/Land')).toThrow(appError('validation', 'zone'))
  })
})

describe('computeHwm', () => {
  it('keeps the peak through a mid-month drop, across several snapshots a day', () => {
    const table = computeHwm(
      [
        snap(10, '2026-03-02T13:00:00Z'),
        snap(12, '2026-03-02T17:00:00Z'),
        snap(15, '2026-03-02T21:00:00Z'), // peak, same day
        snap(9, '2026-03-16T14:00:00Z'), // mid-month drop
        snap(11, '2026-03-30T14:00:00Z')
      ],
      NY
    )
    expect(hwmFor(table, 'org-a', 'users', '2026-03')).toBe(15)
    expect(table.get(hwmKey('org-a', 'users', '2026-03'))).toEqual({
      orgId: 'org-a',
      metric: 'users',
      month: '2026-03',
      hwm: 15,
      points: 5,
      firstAt: '2026-03-02T13:00:00.000Z',
      lastAt: '2026-03-30T14:00:00.000Z',
      peakAt: '2026-03-02T21:00:00.000Z'
    })
  })

  it('assigns snapshots to the month of the billing zone, not of UTC', () => {
    const snaps = [snap(40, '2026-04-01T03:30:00Z'), snap(20, '2026-04-02T15:00:00Z')]
    const ny = computeHwm(snaps, NY)
    expect(hwmFor(ny, 'org-a', 'users', '2026-03')).toBe(40)
    expect(hwmFor(ny, 'org-a', 'users', '2026-04')).toBe(20)
    const utc = computeHwm(snaps, 'UTC')
    expect(hwmFor(utc, 'org-a', 'users', '2026-03')).toBeNull()
    expect(hwmFor(utc, 'org-a', 'users', '2026-04')).toBe(40)
  })

  it('handles a month with a single snapshot, and reports a month with none as unknown (null, never 0)', () => {
    const table = computeHwm([snap(7, '2026-05-15T12:00:00Z'), snap(0, '2026-07-15T12:00:00Z')], NY)
    const may = table.get(hwmKey('org-a', 'users', '2026-05'))
    expect(may).toMatchObject({
      hwm: 7,
      points: 1,
      firstAt: '2026-05-15T12:00:00.000Z',
      lastAt: '2026-05-15T12:00:00.000Z'
    })
    expect(hwmFor(table, 'org-a', 'users', '2026-06')).toBeNull()
    expect(hwmFor(table, 'org-a', 'users', '2026-07')).toBe(0) // a recorded 0 is a real 0
    expect(hwmFor(table, 'org-b', 'users', '2026-05')).toBeNull()
    expect(hwmFor(table, 'org-a', 'devices', '2026-05')).toBeNull()
  })

  it('keeps orgs and metrics apart and does not depend on input order', () => {
    const snaps = [
      snap(5, '2026-10-20T12:00:00Z', { metric: 'devices' }),
      snap(30, '2026-10-10T12:00:00Z', { orgId: 'org-b' }),
      snap(8, '2026-10-25T12:00:00Z'),
      snap(3, '2026-10-02T12:00:00Z', { metric: 'devices' }),
      snap(8, '2026-10-05T12:00:00Z')
    ]
    for (const order of [snaps, [...snaps].reverse()]) {
      const t = computeHwm(order, BERLIN)
      expect(hwmFor(t, 'org-a', 'users', '2026-10')).toBe(8)
      expect(hwmFor(t, 'org-a', 'devices', '2026-10')).toBe(5)
      expect(hwmFor(t, 'org-b', 'users', '2026-10')).toBe(30)
      expect(t.get(hwmKey('org-a', 'users', '2026-10'))).toMatchObject({
        firstAt: '2026-10-05T12:00:00.000Z',
        lastAt: '2026-10-25T12:00:00.000Z',
        peakAt: '2026-10-05T12:00:00.000Z' // first time the peak was reached
      })
      expect(t.size).toBe(3)
    }
  })

  it('counts snapshots across both DST switches into the right month (Sydney)', () => {
    // 23:30 local on Apr 30 (AEST +10) and on Oct 31 (AEDT +11) still belong to their month.
    const t = computeHwm(
      [snap(4, '2026-04-30T13:30:00Z'), snap(6, '2026-10-31T12:30:00Z'), snap(9, '2026-10-31T13:00:00Z')],
      SYDNEY
    )
    expect(hwmFor(t, 'org-a', 'users', '2026-04')).toBe(4)
    expect(hwmFor(t, 'org-a', 'users', '2026-10')).toBe(6)
    expect(hwmFor(t, 'org-a', 'users', '2026-11')).toBe(9)
  })

  it('rejects counts that are not non-negative integers and other malformed snapshots', () => {
    const bad: unknown[] = [
      snap(-1, '2026-03-02T13:00:00Z'),
      snap(1.5, '2026-03-02T13:00:00Z'),
      snap(Number.NaN, '2026-03-02T13:00:00Z'),
      snap(Number.POSITIVE_INFINITY, '2026-03-02T13:00:00Z'),
      { ...snap(1, '2026-03-02T13:00:00Z'), count: '5' },
      { ...snap(1, '2026-03-02T13:00:00Z'), metric: 'seats' },
      { ...snap(1, '2026-03-02T13:00:00Z'), orgId: '' },
      snap(1, '2026-03-02T13:00:00'), // no offset
      { orgId: 'org-a', metric: 'users', count: 1 }
    ]
    for (const b of bad) {
      expect(() => computeHwm([snap(1, '2026-03-01T13:00:00Z'), b as UsageSnapshot], NY)).toThrow(
        appError('validation')
      )
    }
    const negativeSecond = [snap(1, '2026-03-01T13:00:00Z'), snap(-1, '2026-03-02T13:00:00Z')]
    expect(() => computeHwm(negativeSecond, NY)).toThrow(appError('validation', 'snapshots.1.count'))
  })

  it('rejects an invalid zone even with no snapshots', () => {
    expect(() => computeHwm([], 'America/Nowhere')).toThrow(appError('validation', 'zone'))
  })

  it('rejects a malformed month when reading', () => {
    const t = computeHwm([snap(1, '2026-03-01T13:00:00Z')], NY)
    expect(() => hwmFor(t, 'org-a', 'users', '2026-3')).toThrow(appError('validation', 'month'))
  })
})
