import { test, expect } from './fixtures'
import { DEFAULT_SEED, connectSyncroAndJumpCloud, openCustomers, reseed } from './support/customers-page'

// Issue 16: a long action says what it is doing. Many orgs (several pages) and simulated latency on the
// organizations read make the refresh long without a test sleep; the test awaits the progress text itself.
const ORGS = 240

test.describe('Progress', () => {
  test.beforeEach(async ({ sims, bridge }) => {
    await reseed(sims, DEFAULT_SEED.seed, ORGS)
    await connectSyncroAndJumpCloud(bridge, sims)
  })
  test.afterEach(async ({ sims }) => {
    sims.jumpcloud.faults.clear()
    await reseed(sims, DEFAULT_SEED.seed, DEFAULT_SEED.size)
  })

  test('a long refresh shows its step and counts in a live status, then the result', async ({ app: page, sims }) => {
    await openCustomers(page)
    sims.jumpcloud.faults.add({
      kind: 'delay',
      delayMs: 1500,
      count: 1,
      match: { method: 'GET', path: 'organizations' }
    })
    await page.getByRole('button', { name: 'Refresh data from source' }).click()
    const progress = page.getByRole('status', { name: 'Refreshing data from source' })
    await expect(progress).toHaveText('Reading organizations from JumpCloud: 0 of 1')
    await expect(progress).toHaveAttribute('aria-live', 'polite')
    await expect(page.getByRole('button', { name: 'Refresh data from PSA' })).toBeDisabled()
    await expect(page.getByRole('status').filter({ hasText: `Refreshed ${ORGS} organizations.` })).toBeVisible()
    await expect(progress).toBeHidden()
  })
})
