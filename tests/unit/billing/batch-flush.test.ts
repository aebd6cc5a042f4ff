import { describe, expect, it } from 'vitest'
import { BatchFlushPolicy, LOOP_BUSY, MIN_WRITE_BATCH, WRITE_BATCH } from '../../../src/main/billing/batch-flush'

/** A source whose counts wait for its rate window when `full` says so. */
const source = (full: () => boolean) => ({ atRateLimit: full })
/** An early reading in a bench on local simulators (the loop waited a little for the first replies). */
const busy = () => 0.9
const idle = () => 0.1
/** Progress where steps keep up with counts. */
const at = (n: number) => ({ counted: n, planned: n })

describe('BatchFlushPolicy', () => {
  it('holds the writes while the loop is busy and the source still has room, then lets them go once it has not', () => {
    let full = false
    const sources = [source(() => full)]
    const p = new BatchFlushPolicy(1000, 1000, busy)
    expect(p.due(300, at(300), sources)).toBe(false) // 300 pending: still held, the counts go first
    full = true
    expect(p.due(MIN_WRITE_BATCH - 1, at(300), sources)).toBe(false) // open, but not a batch yet
    expect(p.due(MIN_WRITE_BATCH, at(300), sources)).toBe(true)
    full = false
    expect(p.due(MIN_WRITE_BATCH, at(301), sources)).toBe(true) // once open, it stays open
  })

  it('holds nothing when the loop is not busy (a real network): the first batch goes at 16', () => {
    const sources = [source(() => false)]
    const p = new BatchFlushPolicy(1000, 1000, idle)
    expect(p.due(MIN_WRITE_BATCH - 1, at(20), sources)).toBe(false)
    expect(p.due(MIN_WRITE_BATCH, at(20), sources)).toBe(true)
    expect(new BatchFlushPolicy(1000, 1000, () => LOOP_BUSY).due(MIN_WRITE_BATCH, at(20), sources)).toBe(false)
    expect(new BatchFlushPolicy(1000, 1000, () => LOOP_BUSY - 0.01).due(MIN_WRITE_BATCH, at(20), sources)).toBe(true)
  })

  it('lets the writes go once every org is counted, and when a source cannot tell whether it waits', () => {
    const counted = new BatchFlushPolicy(40, 40, busy)
    expect(counted.due(39, { counted: 39, planned: 39 }, [source(() => false)])).toBe(false)
    expect(counted.due(39, { counted: 40, planned: 39 }, [source(() => false)])).toBe(true)
    expect(new BatchFlushPolicy(1000, 1000, busy).due(MIN_WRITE_BATCH, at(20), [{}])).toBe(true)
    expect(new BatchFlushPolicy(1000, 1000, busy).due(MIN_WRITE_BATCH, at(0), [])).toBe(false) // nothing counted yet
  })

  it('grows batches with what was flushed and shrinks them with the orgs left to count, within 16…250', () => {
    const s = [source(() => true)]
    const p = new BatchFlushPolicy(1200, 1000, idle) // 200 orgs have nothing to write
    expect(p.due(MIN_WRITE_BATCH, at(16), s)).toBe(true)
    p.took(16)
    expect(p.due(15, at(40), s)).toBe(false)
    expect(p.due(16, at(40), s)).toBe(true) // as many as flushed so far
    p.took(16)
    expect(p.due(31, at(80), s)).toBe(false)
    expect(p.due(32, at(80), s)).toBe(true)
    p.took(500)
    expect(p.due(WRITE_BATCH - 1, at(600), s)).toBe(false)
    expect(p.due(WRITE_BATCH, at(600), s)).toBe(true) // capped
    expect(p.due(29, at(970), s)).toBe(false)
    expect(p.due(229, at(970), s)).toBe(false)
    expect(p.due(230, at(970), s)).toBe(true) // as many as orgs are left to count
    expect(p.due(MIN_WRITE_BATCH - 1, { counted: 1200, planned: 990 }, s)).toBe(false) // 16 at least
    expect(p.due(MIN_WRITE_BATCH, { counted: 1200, planned: 990 }, s)).toBe(true)
    expect(p.due(1, { counted: 1200, planned: 999 }, s)).toBe(false) // counting ended, a step still to come
    expect(p.due(1, { counted: 1200, planned: 1000 }, s)).toBe(true) // every step done: the rest at once
    expect(p.due(0, { counted: 1200, planned: 1000 }, s)).toBe(false)
  })
})
