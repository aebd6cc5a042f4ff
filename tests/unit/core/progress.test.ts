import { describe, expect, it } from 'vitest'
import { createEventBus } from '../../../src/main/core/events'
import { createProgress, withProgress } from '../../../src/main/core/progress'
import type { ProgressEvent } from '../../../src/shared/contract/progress'

function recorded() {
  const bus = createEventBus()
  const seen: ProgressEvent[] = []
  bus.on('progress', (e) => void seen.push(e))
  return { bus, seen }
}

describe('progress reporter', () => {
  it('emits contract-valid steps, then one finished event, and nothing after it', () => {
    const { bus, seen } = recorded()
    const p = createProgress(bus, 'refresh', 'a1')
    p.step('Reading organizations', 0, 2)
    p.step('Reading customers', 1, 2)
    p.finish()
    p.step('late', 2, 2)
    expect(seen).toEqual([
      { actionId: 'a1', action: 'refresh', step: 'Reading organizations', done: 0, total: 2 },
      { actionId: 'a1', action: 'refresh', step: 'Reading customers', done: 1, total: 2 },
      { actionId: 'a1', action: 'refresh', step: 'Done', done: 2, total: 2, finished: true }
    ])
  })

  it('thins a 5,000-item step to about 50 events, keeping the first and the last', () => {
    const { bus, seen } = recorded()
    const p = createProgress(bus, 'billingSync')
    for (let i = 0; i <= 5000; i++) p.step('Writing quantities to the PSA', i, 5000)
    expect(seen.length).toBeGreaterThanOrEqual(50)
    expect(seen.length).toBeLessThanOrEqual(52)
    expect(seen[0]!.done).toBe(0)
    expect(seen.at(-1)!.done).toBe(5000)
  })

  it('withProgress ends a failed action with its error and rethrows', async () => {
    const { bus, seen } = recorded()
    await expect(
      withProgress(bus, 'assetsPull', async (p) => {
        p.step('Reading devices', 1, 3)
        throw new Error('PSA said 503')
      })
    ).rejects.toThrow('PSA said 503')
    expect(seen.at(-1)).toMatchObject({
      step: 'Reading devices',
      done: 1,
      total: 3,
      finished: true,
      error: 'PSA said 503'
    })
  })

  it('the bus refuses a malformed progress event (validated on the way out)', () => {
    const { bus } = recorded()
    expect(() => bus.emit('progress', { actionId: '', action: 'refresh', step: 'x', done: -1 })).toThrow()
  })
})
