import { describe, expect, it } from 'vitest'
import {
  BatchFlushPolicy,
  LOOP_BUSY,
  MIN_WRITE_BATCH,
  WRITE_BATCH,
  WritesInFlight
} from '../../../src/main/billing/batch-flush'

/** A source whose counts wait for its rate window when `full` says so. */
const source = (full: () => boolean) => ({ atRateLimit: full })
/** An early reading in a bench on local simulators (the loop waited a little for the first replies). */
const busy = () => 0.9
const idle = () => 0.1
/** Progress where steps keep up with counts; `writing` batches in flight. */
const at = (n: number, writing = 0) => ({ counted: n, planned: n, writing })

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
    expect(counted.due(39, { counted: 39, planned: 39, writing: 0 }, [source(() => false)])).toBe(false)
    expect(counted.due(39, { counted: 40, planned: 39, writing: 0 }, [source(() => false)])).toBe(true)
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
    // A batch in flight from here on (the rule for when none is, below).
    expect(p.due(29, at(970, 1), s)).toBe(false)
    expect(p.due(229, at(970, 1), s)).toBe(false)
    expect(p.due(230, at(970, 1), s)).toBe(true) // as many as orgs are left to count
    const end = (planned: number) => ({ counted: 1200, planned, writing: 1 })
    expect(p.due(MIN_WRITE_BATCH - 1, end(990), s)).toBe(false) // 16 at least
    expect(p.due(MIN_WRITE_BATCH, end(990), s)).toBe(true)
    expect(p.due(1, end(999), s)).toBe(false) // counting ended, a step still to come
    expect(p.due(1, end(1000), s)).toBe(true) // every step done: the rest at once
    expect(p.due(0, end(1000), s)).toBe(false)
  })

  it('in the last 250 orgs, sends 16 whenever no batch is in flight, so the write threads never wait for a fuller one', () => {
    const s = [source(() => true)]
    const p = new BatchFlushPolicy(1000, 1000, idle)
    p.took(700)
    expect(p.due(MIN_WRITE_BATCH, at(749), s)).toBe(false) // 251 left: the usual rule (as many as are left)
    expect(p.due(MIN_WRITE_BATCH, at(750), s)).toBe(true) // 250 left, none in flight
    expect(p.due(MIN_WRITE_BATCH - 1, at(750), s)).toBe(false) // still 16 at least
    expect(p.due(MIN_WRITE_BATCH, at(750, 1), s)).toBe(false) // one in flight: it waits for the usual rule
    expect(p.due(100, at(900, 1), s)).toBe(true)
  })
})

describe('WritesInFlight', () => {
  /** A batch the test settles by hand. */
  const manual = () => {
    let settle!: (error?: Error) => void
    const promise = new Promise<void>((resolve, reject) => (settle = (e) => (e ? reject(e) : resolve())))
    return { promise, settle }
  }

  it('waits for every batch, also those started when an earlier one settled', async () => {
    const w = new WritesInFlight()
    const first = manual()
    const second = manual()
    const order: string[] = []
    let firstSettled!: () => void
    const firstDone = new Promise<void>((r) => (firstSettled = r))
    w.add(first.promise, () => {
      order.push('first settled')
      w.add(second.promise, () => order.push('second settled')) // what gathered meanwhile goes
      firstSettled()
    })
    expect(w.size).toBe(1)
    const drained = w.drain().then(() => order.push('drained'))
    first.settle()
    await firstDone
    expect(order).toEqual(['first settled'])
    expect(w.size).toBe(1)
    second.settle()
    await drained
    expect(order).toEqual(['first settled', 'second settled', 'drained'])
    expect(w.size).toBe(0)
  })

  it("fails the drain with a batch's own failure, after every other batch has settled", async () => {
    const w = new WritesInFlight()
    const bad = manual()
    const good = manual()
    let goodSettled = false
    w.add(bad.promise, () => undefined)
    w.add(good.promise, () => (goodSettled = true))
    const drained = w.drain()
    bad.settle(new Error('database is locked'))
    good.settle()
    await expect(drained).rejects.toThrow('database is locked')
    expect(goodSettled).toBe(true)
  })

  it('fails the drain, not the process, when what runs after a batch throws (recording its rows)', async () => {
    const w = new WritesInFlight()
    const first = manual()
    w.add(first.promise, () => {
      throw new Error('disk I/O error')
    })
    first.settle()
    await new Promise((r) => setImmediate(r)) // settled before anyone drains: no unhandled rejection
    expect(w.size).toBe(0)
    await expect(w.drain()).rejects.toThrow('disk I/O error')
  })
})
