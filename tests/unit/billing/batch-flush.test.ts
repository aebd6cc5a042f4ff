import { describe, expect, it } from 'vitest'
import { BatchFlushPolicy, MIN_WRITE_BATCH, WRITE_BATCH } from '../../../src/main/billing/batch-flush'

/** A source whose counts wait for its rate window when `full` says so. */
const source = (full: () => boolean) => ({ atRateLimit: full })
const saturated = () => 1
const idle = () => 0.1

describe('BatchFlushPolicy', () => {
  it('holds the writes while the loop is saturated and the source still has room, then lets them go once it has not', () => {
    let full = false
    const sources = [source(() => full)]
    const p = new BatchFlushPolicy(1000, saturated)
    expect(p.due(300, 300, sources)).toBe(false) // 300 pending: still held, the counts go first
    full = true
    expect(p.due(MIN_WRITE_BATCH - 1, 300, sources)).toBe(false) // open, but not a batch yet
    expect(p.due(MIN_WRITE_BATCH, 300, sources)).toBe(true)
    full = false
    expect(p.due(MIN_WRITE_BATCH, 301, sources)).toBe(true) // once open, it stays open
  })

  it('holds nothing when the loop is not saturated (a real network): the first batch goes at 16', () => {
    const p = new BatchFlushPolicy(1000, idle)
    const sources = [source(() => false)]
    expect(p.due(MIN_WRITE_BATCH - 1, 20, sources)).toBe(false)
    expect(p.due(MIN_WRITE_BATCH, 20, sources)).toBe(true)
  })

  it('lets the writes go once every org is counted, and when a source cannot tell whether it waits', () => {
    const counted = new BatchFlushPolicy(40, saturated)
    expect(counted.due(39, 39, [source(() => false)])).toBe(false)
    expect(counted.due(40, 40, [source(() => false)])).toBe(true)
    const mute = new BatchFlushPolicy(1000, saturated)
    expect(mute.due(MIN_WRITE_BATCH, 20, [{}])).toBe(true)
    expect(new BatchFlushPolicy(1000, saturated).due(MIN_WRITE_BATCH, 20, [])).toBe(false) // nothing counted yet
  })

  it('grows batches with what was flushed and shrinks them with the orgs left, within 16…250', () => {
    const p = new BatchFlushPolicy(1000, idle)
    const s = [source(() => true)]
    expect(p.due(MIN_WRITE_BATCH, 16, s)).toBe(true)
    p.took(16)
    expect(p.due(15, 40, s)).toBe(false)
    expect(p.due(16, 40, s)).toBe(true) // as many as flushed so far
    p.took(16)
    expect(p.due(31, 80, s)).toBe(false)
    expect(p.due(32, 80, s)).toBe(true)
    p.took(500)
    expect(p.due(WRITE_BATCH - 1, 600, s)).toBe(false)
    expect(p.due(WRITE_BATCH, 600, s)).toBe(true) // capped
    expect(p.due(29, 970, s)).toBe(false)
    expect(p.due(30, 970, s)).toBe(true) // as many as orgs are left to count
    expect(p.due(MIN_WRITE_BATCH - 1, 1000, s)).toBe(false)
    expect(p.due(MIN_WRITE_BATCH, 1000, s)).toBe(true) // never below 16 (the run flushes the rest at its end)
    expect(p.due(0, 1000, s)).toBe(false)
  })
})
