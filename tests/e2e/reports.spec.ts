import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures'
import {
  DEFAULT_SEED,
  connectSyncroAndJumpCloud,
  getView,
  openCustomers,
  refreshBoth,
  reseed
} from './support/customers-page'

test.describe('Export report', () => {
  test.beforeEach(async ({ sims, bridge }) => {
    await reseed(sims, 5, 12)
    await connectSyncroAndJumpCloud(bridge, sims)
  })
  test.afterEach(async ({ sims }) => reseed(sims, DEFAULT_SEED.seed, DEFAULT_SEED.size))

  test('CSV and PDF download from the Customers toolbar with every organization', async ({ app: page, bridge }) => {
    await openCustomers(page)
    await refreshBoth(page)
    const view = await getView(bridge)
    const group = page.getByRole('group', { name: 'Export report' })

    const [csv] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'CSV' }).click()])
    expect(csv.suggestedFilename()).toMatch(/^psa-bridge-mappings-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = readFileSync((await csv.path())!, 'utf8')
    // Every text cell is quoted (a formula after a separator can never become a cell of its own).
    expect(text).toContain('"Organization","Organization ID","Status"')
    for (const o of view.orgs) expect(text).toContain(o.id)

    const [pdf] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'PDF' }).click()])
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString('latin1')
    ).toBe('%PDF-')
  })
})
