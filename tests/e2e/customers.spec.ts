import type { CustomerRow, CustomersView, OrgRow } from '../../src/shared/contract/customers'
import { SIM_TOKEN } from '../sims/syncro'
import { test, expect } from './fixtures'
import {
  DEFAULT_SEED,
  bridgeCall,
  choose,
  connectSyncroAndJumpCloud,
  getView,
  openCustomers,
  orgRow,
  pickerOf,
  refreshBoth,
  reseed,
  statusOf
} from './support/customers-page'

// Seed 12: messy PSA twins of most orgs, some confident and some not (see tests/sims/*/seed.ts); seed 5 has no
// unconfident suggestion left since the matcher generalised (issue 13).
const SEED = 12
const SIZE = 12

test.describe('Customers', () => {
  test.beforeEach(async ({ sims, bridge }) => {
    await reseed(sims, SEED, SIZE)
    await connectSyncroAndJumpCloud(bridge, sims)
  })
  // The sims live for the whole worker: put them back the way the other specs expect them.
  test.afterEach(async ({ sims }) => reseed(sims, DEFAULT_SEED.seed, DEFAULT_SEED.size))

  test('map by picker, accept one, accept all, ignore and set catch-all; all still there after a reload', async ({
    app: page,
    bridge
  }) => {
    await openCustomers(page)
    await refreshBoth(page)
    const before = await getView(bridge)
    const suggested = before.orgs.filter((o) => o.status === 'suggested')
    const weak = suggested.find((o) => !o.suggestion!.confident)
    const overridden = suggested.find((o) => o.suggestion!.confident)
    const spare = unsuggestedCustomer(before)
    const toIgnore =
      before.orgs.find((o) => o.status === 'unmapped') ?? suggested.find((o) => o !== weak && o !== overridden)!
    expect(weak, 'the seed has a suggestion below the confident threshold').toBeTruthy()
    expect(overridden && spare, 'the seed has a confident suggestion and a PSA-only customer').toBeTruthy()

    // Map by picker: a confident-suggestion org to another customer; Accept all must not overwrite it.
    await choose(page, pickerOf(page, overridden!.name), spare!.name)
    await expect(statusOf(page, overridden!.name)).toHaveText('Mapped')
    await expect(pickerOf(page, overridden!.name)).toHaveValue(spare!.name)

    // Accept one: the weak suggestion is never taken by Accept all, only by hand.
    await page.getByRole('button', { name: `Accept suggestion for ${weak!.name}` }).click()
    await expect(statusOf(page, weak!.name)).toHaveText('Mapped')
    await expect(pickerOf(page, weak!.name)).toHaveValue(weak!.suggestion!.customerName)

    await page.getByRole('button', { name: `Ignore ${toIgnore.name}` }).click()
    await expect(statusOf(page, toIgnore.name)).toHaveText('Ignored')
    // Reversible, then ignored again.
    await page.getByRole('button', { name: `Stop ignoring ${toIgnore.name}` }).click()
    await expect(statusOf(page, toIgnore.name)).not.toHaveText('Ignored')
    await page.getByRole('button', { name: `Ignore ${toIgnore.name}` }).click()
    await expect(statusOf(page, toIgnore.name)).toHaveText('Ignored')

    const mid = await getView(bridge)
    const confident = mid.orgs.filter((o) => o.status === 'suggested' && o.suggestion!.confident)
    const unsure = mid.orgs.filter((o) => o.status === 'suggested' && !o.suggestion!.confident)
    expect(confident.length).toBeGreaterThan(0)
    await page.getByRole('button', { name: `Accept all confident (${confident.length})` }).click()
    await expect(page.getByRole('status').filter({ hasText: `Accepted ${confident.length} suggestion` })).toBeVisible()
    for (const o of confident) await expect(statusOf(page, o.name)).toHaveText('Mapped')
    for (const o of unsure) await expect(statusOf(page, o.name)).toHaveText('Suggested')
    await expect(pickerOf(page, overridden!.name)).toHaveValue(spare!.name)

    const catchAll = before.customers.find((c) => c.id !== spare!.id && !c.missing)!
    // Keyboard path of the combobox: type to filter, Enter takes the first (exact prefix) option.
    const catchAllBox = page.getByRole('combobox', { name: 'Catch-all default customer' })
    await catchAllBox.fill(catchAll.name.slice(0, 3))
    await expect(page.getByRole('listbox').getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
    await page.screenshot({ path: 'test-results/customers-picker.png' })
    await catchAllBox.fill(catchAll.name)
    await catchAllBox.press('Enter')
    await expect(
      page.getByRole('status').filter({ hasText: `Alerts of unmapped organizations go to ${catchAll.name}` })
    ).toBeVisible()

    // The filter shows only ignored orgs; search narrows by name.
    await page
      .getByRole('group', { name: 'Filter by status' })
      .getByRole('button', { name: /^Ignored/ })
      .click()
    await expect(page.getByRole('table', { name: 'Organizations' }).getByRole('row')).toHaveCount(2)
    await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /^All/ }).click()
    await page.getByRole('searchbox', { name: 'Search organizations' }).fill(weak!.name)
    await expect(orgRow(page, weak!.name)).toBeVisible()
    await expect(orgRow(page, toIgnore.name)).toHaveCount(0)

    await page.reload()
    await openCustomers(page)
    await expect(statusOf(page, overridden!.name)).toHaveText('Mapped')
    await expect(pickerOf(page, overridden!.name)).toHaveValue(spare!.name)
    await expect(pickerOf(page, weak!.name)).toHaveValue(weak!.suggestion!.customerName)
    await expect(statusOf(page, toIgnore.name)).toHaveText('Ignored')
    for (const o of confident) await expect(statusOf(page, o.name)).toHaveText('Mapped')
    await expect(page.getByRole('combobox', { name: 'Catch-all default customer' })).toHaveValue(catchAll.name)
    const mappings = await bridgeCall<Array<{ orgId: string; customerId: string; origin: string }>>(
      bridge,
      'listMappings'
    )
    expect(mappings).toContainEqual(
      expect.objectContaining({ orgId: overridden!.id, customerId: spare!.id, origin: 'manual' })
    )
    expect(mappings).toContainEqual(
      expect.objectContaining({ orgId: weak!.id, customerId: weak!.suggestion!.customerId, origin: 'suggestion' })
    )
  })

  test('create in PSA (with a warning when a similar customer exists) and disable with confirm; kept across a restart', async ({
    app: page,
    bridge,
    sims
  }) => {
    const fresh = {
      ...sims.jumpcloud.state.orgs[0]!,
      id: 'e2e0000000000000000000a1',
      name: 'Zephyr Quantum Robotics',
      events: []
    }
    sims.jumpcloud.state.orgs.push(fresh)
    await openCustomers(page)
    await refreshBoth(page)
    const view = await getView(bridge)
    const twin = view.orgs.find((o) => o.status === 'suggested')!
    const toDisable = view.orgs.find((o) => o.status === 'suggested' && o.id !== twin.id)!

    // No similar customer: created and mapped at once.
    await page.getByRole('button', { name: `Create ${fresh.name} in PSA` }).click()
    await expect(statusOf(page, fresh.name)).toHaveText('Mapped')
    await expect(pickerOf(page, fresh.name)).toHaveValue(fresh.name)
    expect(syncroNames(sims)).toContain(fresh.name)

    // A similar customer exists: the core's warning is shown and nothing is created until confirmed.
    const count = syncroNames(sims).length
    await page.getByRole('button', { name: `Create ${twin.name} in PSA` }).click()
    const warn = page.getByRole('dialog', { name: `Create ${twin.name} in the PSA?` })
    await expect(warn).toContainText(`A similar customer already exists in the PSA: "${twin.suggestion!.customerName}"`)
    expect(syncroNames(sims)).toHaveLength(count)
    await warn.getByRole('button', { name: 'Create anyway' }).click()
    await expect(statusOf(page, twin.name)).toHaveText('Mapped')
    expect(syncroNames(sims).filter((n) => n === twin.name)).toHaveLength(1)
    await expect(pickerOf(page, twin.name)).toHaveValue(twin.name)

    await page.getByRole('button', { name: `Accept suggestion for ${toDisable.name}` }).click()
    await expect(statusOf(page, toDisable.name)).toHaveText('Mapped')
    // Cancel leaves it alone; confirm disables it and drops its mapping.
    await page.getByRole('button', { name: `Disable ${toDisable.name}` }).click()
    const confirm = page.getByRole('dialog', { name: `Disable ${toDisable.name}?` })
    await expect(confirm).toContainText('removes its customer, billing and ticketing mappings')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    await expect(statusOf(page, toDisable.name)).toHaveText('Mapped')
    await page.getByRole('button', { name: `Disable ${toDisable.name}` }).click()
    await confirm.getByRole('button', { name: 'Disable organization' }).click()
    await expect(statusOf(page, toDisable.name)).toHaveText('Disabled')
    await expect(pickerOf(page, toDisable.name)).toBeDisabled()
    await expect(pickerOf(page, toDisable.name)).toHaveValue('')

    await bridge.restart()
    await page.goto(bridge.launchUrl)
    await openCustomers(page)
    await expect(statusOf(page, fresh.name)).toHaveText('Mapped')
    await expect(statusOf(page, twin.name)).toHaveText('Mapped')
    await expect(pickerOf(page, twin.name)).toHaveValue(twin.name)
    await expect(statusOf(page, toDisable.name)).toHaveText('Disabled')
    await expect(page.getByRole('button', { name: `Enable ${toDisable.name}` })).toBeVisible()
  })

  test('names render as text; a PSA refresh shows progress and brings a customer created in the PSA meanwhile', async ({
    app: page,
    sims
  }) => {
    const xss = '<img src=x onerror=alert(1)>'
    sims.jumpcloud.state.orgs.push({
      ...sims.jumpcloud.state.orgs[0]!,
      id: 'e2e0000000000000000000b2',
      name: xss,
      events: []
    })
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await openCustomers(page)
    await refreshBoth(page)
    const table = page.getByRole('table', { name: 'Organizations' })
    await expect(orgRow(page, xss)).toBeVisible()
    await expect(table.locator('img')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/customers-screen.png' })

    // Created in the PSA after our last read: appears only after "Refresh data from PSA".
    const res = await fetch(`${sims.syncro.baseUrl()}/customers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SIM_TOKEN}` },
      body: JSON.stringify({ business_name: 'Northwind Freshly Added Ltd' })
    })
    expect(res.status).toBeLessThan(300)
    const picker = pickerOf(page, xss)
    await picker.fill('Northwind Freshly')
    await expect(page.getByRole('listbox').getByRole('option', { name: /Northwind Freshly Added Ltd/ })).toHaveCount(0)
    await picker.press('Escape')

    // Slow the PSA down so the progress bar is observable (simulated latency, not a test sleep).
    sims.syncro.faults.add({ kind: 'delay', delayMs: 1500, count: 1, match: { method: 'GET', path: '/customers' } })
    await page.getByRole('button', { name: 'Refresh data from PSA' }).click()
    await expect(page.getByRole('status', { name: 'Refreshing data from PSA' })).toContainText('Reading customers')
    await expect(page.getByRole('status', { name: 'Refreshing data from PSA' })).toBeHidden()
    await choose(page, picker, 'Northwind Freshly Added Ltd')
    await expect(statusOf(page, xss)).toHaveText('Mapped')
    // The screen's own notice (the sidebar has a status line of its own).
    await expect(page.getByRole('status').filter({ hasText: 'is mapped to' })).toHaveText(
      `${xss} is mapped to Northwind Freshly Added Ltd`
    )
    await page.screenshot({ path: 'test-results/customers-screen-xss.png' })
    expect(dialogs).toEqual([])
  })
})

/** A customer no org is suggested for: mapping an org to it by hand is a real choice. */
function unsuggestedCustomer(view: CustomersView): CustomerRow | undefined {
  const suggested = new Set(view.orgs.map((o: OrgRow) => o.suggestion?.customerId).filter(Boolean))
  return view.customers.find((c) => !suggested.has(c.id) && !c.missing && c.mappedOrgs.length === 0)
}

function syncroNames(sims: {
  syncro: { account(): { customers: Array<{ business_name?: string | null }> } }
}): string[] {
  return sims.syncro.account().customers.map((c) => c.business_name ?? '')
}
