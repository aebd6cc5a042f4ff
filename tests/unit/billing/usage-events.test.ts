import { describe, expect, it } from 'vitest'
import { countsBetween, reconstruct } from '../../../src/main/billing/usage-events'

describe('counts reconstructed from create/delete events between two samples', () => {
  it('with every event seen, each point is the true count', () => {
    // 10 → +1 +1 −1 +1 −1 −1 → 10
    expect(countsBetween(10, 10, [1, 1, -1, 1, -1, -1])).toEqual([11, 12, 11, 12, 11, 10])
  })

  it('a missing event never makes a point higher than the truth (min of forward and backward)', () => {
    // Truth: 10 → 11 (create) → 10 (delete, NOT SEEN) → 11 (create) → 10 at the next sample… then one more delete.
    // Seen: +1, +1 ; samples 10 and 10. Forward alone would say 12.
    expect(Math.max(...countsBetween(10, 10, [1, 1]))).toBeLessThanOrEqual(11)
    // A missing create: truth 10 → 11 (NOT SEEN) → 12 → 11; seen +1 −1 with samples 10 and 11. The truth at the
    // seen events is 12 and 11; backward alone would say 12 and 11, forward 11 and 10: the lower bound is kept.
    expect(countsBetween(10, 11, [1, -1])).toEqual([11, 10])
    expect(countsBetween(0, 0, [-1])).toEqual([0]) // never below zero
  })

  it('assigns each event to the pair of samples around it, in time order', () => {
    const samples = [
      { at: '2026-03-10T10:00:00.000Z', count: 5 },
      { at: '2026-03-10T11:00:00.000Z', count: 5 },
      { at: '2026-03-10T12:00:00.000Z', count: 6 }
    ]
    const events = [
      { at: '2026-03-10T10:10:00.000Z', delta: 1 },
      { at: '2026-03-10T10:30:00.000Z', delta: -1 },
      { at: '2026-03-10T11:20:00.000Z', delta: 1 }
    ]
    expect(reconstruct(samples, events)).toEqual([
      { at: '2026-03-10T10:10:00.000Z', count: 6 },
      { at: '2026-03-10T10:30:00.000Z', count: 5 },
      { at: '2026-03-10T11:20:00.000Z', count: 6 }
    ])
  })
})
