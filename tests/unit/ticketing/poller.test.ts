import { describe, expect, it } from 'vitest'
import { createAlertPoller } from '../../../src/main/ticketing/poller'

describe('alert poller', () => {
  it('runs one cycle at start and one per tick, logs failures and stops', async () => {
    const ticks: Array<() => void> = []
    let stopped = 0
    const calls: unknown[] = []
    const warnings: string[] = []
    let fail = false
    const app = {
      handlers: {
        pollAlertsNow: async (input: unknown) => {
          calls.push(input)
          if (fail) throw new Error('PSA down')
          return {} as never
        }
      },
      log: { warn: (msg: string) => void warnings.push(msg) }
    }
    const poller = createAlertPoller(app as never, {
      intervalMs: 1000,
      timer: { every: (_ms, fn) => (ticks.push(fn), { stop: () => void stopped++ }) }
    })
    await poller.start()
    expect(calls).toEqual([{ retryNow: false }])
    expect(ticks).toHaveLength(1)
    fail = true
    await poller.tick()
    expect(warnings).toEqual(['scheduled alert cycle failed'])
    poller.stop()
    expect(stopped).toBe(1)
  })
})
