import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { ROOT } from './support/paths'
import { bridgeCall, connectSyncroAndJumpCloud, getView } from './support/customers-page'

// The README's pictures of every screen, taken from the real UI on the simulators in every e2e run so a screen
// that no longer renders fails here. They go to the test's output folder; `npm run screenshots` (which sets
// PSA_BRIDGE_SCREENSHOTS=docs) writes docs/screenshots/<screen>.png, so a test run never edits tracked files.

const TO_DOCS = process.env.PSA_BRIDGE_SCREENSHOTS === 'docs'
const SCREENS = ['Connect', 'Customers', 'Billing', 'Ticketing', 'Assets', 'Activity', 'Settings'] as const

test('screenshots of every screen for the README', async ({ app: page, bridge, sims }, testInfo) => {
  const dir = TO_DOCS ? join(ROOT, 'docs', 'screenshots') : testInfo.outputPath('screenshots')
  mkdirSync(dir, { recursive: true })
  await connectSyncroAndJumpCloud(bridge, sims)
  await bridgeCall(bridge, 'refreshData', { from: 'both' })
  const view = await getView(bridge)
  // A few mappings so Customers, Billing and Activity show real rows.
  for (const o of view.orgs.slice(0, 2)) {
    await bridgeCall(bridge, 'mapOrg', {
      source: o.source,
      orgId: o.id,
      customerId: view.customers[view.orgs.indexOf(o)]!.id
    })
  }
  await page.reload()
  for (const name of SCREENS) {
    const nav = page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name, exact: true })
    await nav.click()
    await expect(nav).toHaveAttribute('aria-current', /step|page/)
    // Wait until the screen has its data: no "Loading …" status left.
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0)
    await page.screenshot({ path: join(dir, `${name.toLowerCase()}.png`) })
  }
})
