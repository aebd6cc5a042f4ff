import { SIM_TOKEN } from '../sims/syncro'
import { test, expect } from './fixtures'
import {
  DEFAULT_SEED,
  choose,
  connectSyncroAndJumpCloud,
  openCustomers,
  orgRow,
  pickerOf,
  refreshBoth,
  reseed,
  statusOf
} from './support/customers-page'

// Two firms no seed produces, written "… Dental" in JumpCloud and "… Dentistry" in the PSA: to the rules these are
// two different words, so neither is confident until the admin's own mapping teaches that they are one.
const TAUGHT = { org: 'Quillfeather Dental', customer: 'Quillfeather Dentistry' }
const LATER = { org: 'Zephyrine Dental', customer: 'Zephyrine Dentistry' }

test.describe('Customers: learning from the admin', () => {
  test.beforeEach(async ({ sims, bridge }) => {
    await reseed(sims, DEFAULT_SEED.seed, DEFAULT_SEED.size)
    await connectSyncroAndJumpCloud(bridge, sims)
    const template = sims.jumpcloud.state.orgs[0]!
    ;[TAUGHT, LATER].forEach((pair, i) =>
      sims.jumpcloud.state.orgs.push({ ...template, id: `e2e00000000000000000c00${i}`, name: pair.org, events: [] })
    )
    for (const pair of [TAUGHT, LATER]) {
      const res = await fetch(`${sims.syncro.baseUrl()}/customers`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SIM_TOKEN}` },
        body: JSON.stringify({ business_name: pair.customer })
      })
      expect(res.status).toBeLessThan(300)
    }
  })
  test.afterEach(async ({ sims }) => reseed(sims, DEFAULT_SEED.seed, DEFAULT_SEED.size))

  test('a hand mapping makes a later similar pair confident with the learned reason; removing it undoes that', async ({
    app: page
  }) => {
    await openCustomers(page)
    await refreshBoth(page)
    const laterScore = orgRow(page, LATER.org).locator('.score')
    await expect(orgRow(page, TAUGHT.org)).toBeVisible()
    await expect(orgRow(page, LATER.org).locator('.score--confident')).toHaveCount(0)

    // The admin maps the first pair by hand.
    await choose(page, pickerOf(page, TAUGHT.org), TAUGHT.customer)
    await expect(statusOf(page, TAUGHT.org)).toHaveText('Mapped')

    const learned = page.getByRole('region', { name: 'Learned from your mappings' })
    await expect(learned).toContainText(`‘Dental’ = ‘Dentistry’`)
    await expect(learned).toContainText(`from ${TAUGHT.org} → ${TAUGHT.customer}`)

    // The later pair is now a confident suggestion that says why.
    await expect(statusOf(page, LATER.org)).toHaveText('Suggested')
    await expect(orgRow(page, LATER.org).locator('.score--confident')).toHaveCount(1)
    await expect(laterScore).toHaveAttribute('title', /'Dental' = 'Dentistry', learned from an earlier mapping/)
    await expect(orgRow(page, LATER.org).locator('.org-table__suggested-name')).toHaveText(LATER.customer)
    await page.screenshot({ path: 'test-results/customers-learned.png' })

    // Removing the entry stops its use at once.
    await learned.getByRole('button', { name: `Forget 'Dental' = 'Dentistry'` }).click()
    await expect(learned).toHaveCount(0)
    await expect(orgRow(page, LATER.org).locator('.score--confident')).toHaveCount(0)
  })
})
