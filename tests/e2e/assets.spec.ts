import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { AssetsView } from '../../src/shared/contract/assets'
import type { CustomersView } from '../../src/shared/contract/customers'
import { plantFleet, type PlantedFleet } from '../helpers/asset-fleet'
import { expect, test } from './fixtures'
import { bridgeCall, connectSyncroAndJumpCloud } from './support/customers-page'

// The Assets screen for one customer: tabs with counts, "Match to" by typing, bulk create with its preview and
// confirm, and the CSV export read back as data.

let fleet: PlantedFleet
let customer: { id: string; name: string }

test.beforeEach(async ({ bridge, sims }) => {
  await connectSyncroAndJumpCloud(bridge, sims)
  await bridgeCall(bridge, 'refreshData', { from: 'both' })
  const cv = await bridgeCall<CustomersView>(bridge, 'getCustomersView')
  const org = cv.orgs[0]!
  const c = cv.customers.find((x) => x.active && !x.missing)!
  customer = { id: c.id, name: c.name }
  await bridgeCall(bridge, 'mapOrg', { source: 'jumpcloud', orgId: org.id, customerId: c.id })
  fleet = await plantFleet(sims, 'syncro', org.id, c.id)
})

test('one customer: tabs with counts, match by typing, bulk create with a preview, CSV export', async ({
  app: page,
  bridge,
  sims
}) => {
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: 'Assets' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Devices matched to PSA assets')
  // The screen's own status line (the sidebar has one too). The pull's progress is a status as well, and its last
  // step may still be shown when the result arrives: pick the line by what it says.
  const status = (text: string) =>
    page.getByRole('region', { name: 'Assets', exact: true }).getByRole('status').filter({ hasText: text })
  // Customers are listed once something was pulled for them.
  await page.getByRole('button', { name: 'Pull assets' }).click()
  await expect(status('Pulled')).toContainText(/^Pulled \d+ devices/)
  await page.getByRole('combobox', { name: 'Customer' }).selectOption(customer.id)

  // The counts are the core's, per tab, for this customer only.
  const view = await bridgeCall<AssetsView>(bridge, 'getAssetsView', { customerId: customer.id })
  const tabs = page.getByRole('tablist', { name: 'Asset status' })
  expect(view.counts.matched).toBe(Object.keys(fleet.expectedMatches).length)
  for (const [label, n] of [
    ['Matched', view.counts.matched],
    ['Unmatched', view.counts.unmatched],
    ['Only in PSA', view.counts['psa-only']],
    ['Ignored', 0]
  ] as const)
    await expect(tabs.getByRole('tab', { name: `${label} (${n})` })).toBeVisible()
  const grid = page.getByRole('table', { name: 'Assets' })
  for (const host of Object.keys(fleet.expectedMatches))
    await expect(grid.getByRole('row', { name: host })).toContainText(fleet.expectedMatches[host]!)

  // "Match to" filters the customer's unmatched PSA assets as you type; Enter chooses.
  // The org has dozens of other devices: the grid is virtualized, so search narrows it to the row.
  const search = page.getByRole('searchbox', { name: 'Search assets' })
  await tabs.getByRole('tab', { name: /^Unmatched/ }).click()
  await search.fill('ceo-lt')
  const picker = grid.getByRole('combobox', { name: 'Match CEO-LT to' })
  await picker.click()
  await picker.pressSequentially('ceo')
  const options = page.getByRole('listbox', { name: 'Match CEO-LT to' }).getByRole('option')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText('CEO-LT')
  await picker.press('Enter')
  await expect(tabs.getByRole('tab', { name: `Matched (${view.counts.matched + 1})` })).toBeVisible()
  await expect(grid.getByRole('row', { name: 'CEO-LT' })).toHaveCount(0)

  // Created devices get the PSA asset type chosen per kind (Syncro's types are the ones its assets use).
  await page.getByText('Asset types for created devices').click()
  for (const kind of ['Laptop', 'Server'])
    await page
      .getByRole('combobox', { name: `PSA asset type for ${kind} devices` })
      .selectOption({ label: 'Managed Windows Device' })

  // Bulk create: the confirm lists what will be created, with the PSA type; nothing is created before it.
  const before = sims.syncro.account().assets.length
  for (const host of fleet.newDevices) {
    await search.fill(host)
    await grid.getByRole('checkbox', { name: `Select ${host}` }).check()
  }
  await page.getByRole('button', { name: `Create ${fleet.newDevices.length} in PSA…` }).click()
  const dialog = page.getByRole('dialog', { name: 'Create in PSA' })
  const list = dialog.getByRole('list', { name: 'Will be created' })
  await expect(list.getByRole('listitem')).toHaveText([
    'NEW-HIRE-01 as Managed Windows Device',
    'FILE-SRV as Managed Windows Device'
  ])
  expect(sims.syncro.account().assets).toHaveLength(before)
  await dialog.getByRole('button', { name: 'Create 2 assets' }).click()
  await expect(status('Created 2 assets')).toBeVisible()
  const created = sims.syncro.account().assets.slice(before)
  expect(created.map((a) => [a.name, String(a.customer_id)]).sort()).toEqual([
    ['FILE-SRV', customer.id],
    ['NEW-HIRE-01', customer.id]
  ])

  // The CSV export, parsed: one row per device and PSA-only asset of this customer, with its status.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export report' }).getByRole('button', { name: 'CSV' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const parsed = Papa.parse<Record<string, string>>(
    readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true
    }
  )
  expect(parsed.errors).toEqual([])
  const final = await bridgeCall<AssetsView>(bridge, 'getAssetsView', { customerId: customer.id })
  expect(parsed.data).toHaveLength(final.rows.length)
  const byDevice = new Map(parsed.data.map((r) => [r['Device'], r]))
  expect(byDevice.get('CEO-LT')).toMatchObject({
    Customer: customer.name,
    Status: 'matched',
    Source: 'JumpCloud',
    'PSA asset': 'CEO-LT'
  })
  expect(byDevice.get('NEW-HIRE-01')).toMatchObject({ Status: 'matched', 'PSA asset': 'NEW-HIRE-01' })
  expect(byDevice.get('ACC-LT-01')).toMatchObject({ Status: 'suggested', 'PSA asset': 'Accounting laptop' })
  expect(byDevice.get('HOT-DESK-1')?.Status).toBe('unmatched')
})
