import { describe, expect, it } from 'vitest'
import { InFlightLimiter, mulberry32, SimClock, SlidingWindowLimiter } from '../../sims/common'

describe('SimClock', () => {
  it('follows real time until set, then moves only by advance', () => {
    const c = new SimClock()
    const before = Date.now()
    const now = c.now().getTime()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
    c.set('2025-06-30T23:00:00Z')
    expect(c.now().toISOString()).toBe('2025-06-30T23:00:00.000Z')
    c.advance(3_600_000)
    expect(c.now().toISOString()).toBe('2025-07-01T00:00:00.000Z')
    expect(() => c.set('not a date')).toThrow()
    c.reset()
    expect(Math.abs(c.now().getTime() - Date.now())).toBeLessThan(1000)
  })
})

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per rolling window per key and says how long to wait', () => {
    let now = 10_000
    const l = new SlidingWindowLimiter(3, 60_000, () => now)
    const hits = [l.hit('k')]
    now = 20_000
    hits.push(l.hit('k'))
    now = 30_000
    hits.push(l.hit('k'))
    expect(hits).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    now = 40_000
    expect(l.hit('k')).toEqual({ ok: false, retryAfterMs: 30_000 })
    expect(l.hit('other')).toEqual({ ok: true })
    now = 70_000 // the first hit (t=10s) leaves the window
    expect(l.hit('k')).toEqual({ ok: true })
    expect(l.hit('k')).toEqual({ ok: false, retryAfterMs: 10_000 })
    expect(l.count('k')).toBe(3)
  })

  it('stays correct across compaction with large windows', () => {
    let now = 0
    const l = new SlidingWindowLimiter(10_000, 3_600_000, () => now)
    let ok = 0
    for (let i = 0; i < 30_000; i++) {
      now += 500 // 7_200 per hour offered against a 10_000 budget, then bursts
      if (l.hit('k').ok) ok++
    }
    expect(ok).toBe(30_000)
    for (let i = 0; i < 5_000; i++) if (l.hit('k').ok) ok++
    // 7_200 hits already in the last hour, so exactly 2_800 more fit.
    expect(ok).toBe(32_800)
  })
})

describe('InFlightLimiter', () => {
  it('refuses beyond max per key and remembers the peak', () => {
    const l = new InFlightLimiter(3)
    expect([l.enter('a'), l.enter('a'), l.enter('a'), l.enter('a')]).toEqual([true, true, true, false])
    expect(l.enter('b')).toBe(true)
    l.leave('a')
    expect(l.enter('a')).toBe(true)
    expect(l.max('a')).toBe(3)
    expect(l.max('b')).toBe(1)
    expect(l.inFlight('a')).toBe(3)
  })
})

describe('mulberry32', () => {
  it('is deterministic per seed, differs across seeds, stays in [0, 1)', () => {
    const seq = (seed: number) => Array.from({ length: 1000 }, mulberry32(seed))
    expect(seq(123)).toEqual(seq(123))
    expect(seq(123)).not.toEqual(seq(124))
    const s = seq(5)
    expect(s.every((x) => x >= 0 && x < 1)).toBe(true)
    const mean = s.reduce((a, b) => a + b, 0) / s.length
    expect(mean).toBeGreaterThan(0.45)
    expect(mean).toBeLessThan(0.55)
  })
})

describe('retryAfterValue', () => {
  it('answers whole seconds for real windows and scaled fractional seconds for shrunk ones', async () => {
    const { retryAfterValue } = await import('../../sims/common')
    expect(retryAfterValue(200, 60_000)).toBe('1')
    expect(retryAfterValue(59_001, 60_000)).toBe('60')
    expect(retryAfterValue(350, 3_000)).toBe('0.350')
    expect(retryAfterValue(0, 3_000)).toBe('0.001')
  })
})
