import { describe, expect, it } from 'vitest'
import { billingDateFor, isSyncDay, syncDayOfMonth } from '../../../src/main/billing/sync-day'

describe('User Sync Day', () => {
  it('is the configured day, or the last day of a shorter month', () => {
    expect(syncDayOfMonth(15, 2026, 2)).toBe(15)
    expect(syncDayOfMonth(31, 2026, 2)).toBe(28)
    expect(syncDayOfMonth(31, 2028, 2)).toBe(29)
    expect(syncDayOfMonth(31, 2026, 4)).toBe(30)
  })

  it('is read in the configured zone, not UTC', () => {
    // 2026-03-05 02:00 UTC is still the 4th in New York.
    const t = new Date('2026-03-05T02:00:00Z')
    expect(isSyncDay(t, 4, 'America/New_York')).toBe(true)
    expect(isSyncDay(t, 5, 'America/New_York')).toBe(false)
    expect(isSyncDay(t, 5, 'Europe/Berlin')).toBe(true)
  })

  it('holds across a DST change (the 8th of March 2026 in New York is 23 hours long)', () => {
    expect(isSyncDay(new Date('2026-03-08T05:00:00Z'), 8, 'America/New_York')).toBe(true)
    expect(isSyncDay(new Date('2026-03-09T03:59:00Z'), 8, 'America/New_York')).toBe(true)
    expect(isSyncDay(new Date('2026-03-09T04:00:00Z'), 8, 'America/New_York')).toBe(false)
  })

  it('takes the latest billing date on or before today in the zone', () => {
    const dates = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-03-06']
    expect(billingDateFor(dates, new Date('2026-03-05T12:00:00Z'), 'UTC')).toBe('2026-03-01')
    expect(billingDateFor(dates, new Date('2026-03-06T02:00:00Z'), 'America/New_York')).toBe('2026-03-01')
    expect(billingDateFor(dates, new Date('2026-03-06T02:00:00Z'), 'UTC')).toBe('2026-03-06')
    expect(billingDateFor([], new Date(), 'UTC')).toBeNull()
  })

  it('refuses an unknown zone', () => {
    expect(() => isSyncDay(new Date(), 1, 'Mars/Base')).toThrow(/time zone/)
  })
})
