import { describe, expect, it } from 'vitest'
import { PrefetchFeed } from '../../../src/main/billing/prefetch-feed'

/** Whether `p` has settled once pending callbacks have run. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false
  void p.then(() => (done = true))
  await new Promise((r) => setImmediate(r))
  return done
}

describe('PrefetchFeed', () => {
  it('a step waits for its own keys only; the read’s end settles keys it never named (gone)', async () => {
    const feed = new PrefetchFeed()
    const a = feed.ready(['a'])
    const ab = feed.ready(['a', 'b'])
    const gone = feed.ready(['x'])
    feed.onRead('a', { quantity: 3 })
    expect(await settled(a)).toBe(true)
    expect(await settled(ab)).toBe(false)
    expect(feed.view()?.get('a')).toEqual({ quantity: 3 })
    feed.onRead('b', { quantity: 4 })
    expect(await settled(ab)).toBe(true)
    expect(await settled(gone)).toBe(false)
    feed.end(new Map([['c', { quantity: 5 }]]))
    expect(await settled(gone)).toBe(true)
    expect(feed.view()?.get('x')).toBeUndefined()
    expect(feed.view()?.get('c')).toEqual({ quantity: 5 })
    expect(await settled(feed.ready(['y']))).toBe(true)
  })

  it('a failed read (or none) ends with no view, and releases every waiter', async () => {
    const feed = new PrefetchFeed()
    const w = feed.ready(['a'])
    feed.end(null)
    expect(await settled(w)).toBe(true)
    expect(feed.view()).toBeNull()
    feed.onRead('a', { quantity: 1 }) // too late: ignored
    expect(feed.view()).toBeNull()
  })
})
