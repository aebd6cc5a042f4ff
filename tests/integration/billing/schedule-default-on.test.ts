import { describe, expect, it } from 'vitest'
import { scheduleText } from '../../../src/renderer/src/screens/billing/format'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 10 #8: "Make the schedule on by default once billing mappings exist and a first push has been previewed and
// done (say so on screen)". A person's own choice of the switch always wins.
describe('the daily push is on by default', () => {
  it('turns on after the first previewed push: every day at noon in the billing zone, and the screen says so', async () => {
    const h = await harness('syncro', { mappings: 1 })
    await h.call('saveBillingSettings', { timeZone: 'Europe/Berlin' })
    expect((await h.call('getBillingView', {})).settings.scheduleEnabled).toBe(false)
    await h.call('pushSync', {}) // a push without a preview leaves it off
    expect((await h.call('getBillingView', {})).settings.scheduleEnabled).toBe(false)
    await h.call('previewSync', {})
    await h.call('pushSync', {})
    const view = await h.call('getBillingView', {})
    expect(view.settings).toMatchObject({
      scheduleEnabled: true,
      schedule: { kind: 'daily', time: '12:00', zone: 'Europe/Berlin' }
    })
    expect(view.nextRunAt).not.toBeNull()
    expect(scheduleText(view.settings)).toBe('Daily push is on: every day at 12:00 (Europe/Berlin).')
  }, 60_000)

  it('stays off when a person switched it off', async () => {
    const h = await harness('syncro', { mappings: 1 })
    await h.call('saveBillingSettings', { scheduleEnabled: false })
    await h.call('previewSync', {})
    await h.call('pushSync', {})
    expect((await h.call('getBillingView', {})).settings.scheduleEnabled).toBe(false)
  }, 60_000)
})
