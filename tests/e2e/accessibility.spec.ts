import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { MethodInput, MethodName } from '../../src/shared/contract'
import { test, expect } from './fixtures'
import { bridgeCall, connectAndMapOne } from './support/billing-setup'

// Every screen, with data in it (systems connected, an org mapped with billing, ticketing on with a ticket, a
// billing run, assets pulled): axe finds no serious or critical violation, and every main action of the screen
// (its buttons outside grid rows) is reached by pressing Tab.

/** Names of the visible, enabled buttons of the screen that are not per-row actions of a grid or table. */
async function mainActions(page: Page): Promise<string[]> {
  return page.locator('main button:visible:enabled').evaluateAll((els) =>
    els
      .filter((el) => !el.closest('[role="row"], tr, [role="dialog"]'))
      .map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim())
      .filter(Boolean)
  )
}

/** Presses Tab until focus has visited every element once (or comes back round), collecting button names. */
async function tabbedButtons(page: Page, max: number): Promise<Set<string>> {
  const seen = new Set<string>()
  // Start from the screen's title: the tab order from there runs through the screen's own controls.
  await page.getByRole('heading', { level: 1 }).click()
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    // One round trip per key: the focused element's button name, or null.
    const name = await page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            activeElement: {
              tagName: string
              textContent: string | null
              getAttribute(n: string): string | null
            } | null
          }
        }
      ).document
      const el = doc.activeElement
      return el?.tagName === 'BUTTON' ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : null
    })
    if (name) seen.add(name)
  }
  return seen
}

test('every screen with data: no serious or critical axe violation, every main action reachable by Tab', async ({
  app: page,
  bridge,
  sims
}) => {
  test.setTimeout(600_000)
  const call = <M extends MethodName>(name: M, input: MethodInput<M>) => bridgeCall(page, bridge.origin, name, input)
  const org = await connectAndMapOne(page, bridge.origin, sims, 'syncro')
  await call('saveBillingMapping', {
    source: 'jumpcloud',
    orgId: org.orgId,
    containerId: org.containerId,
    itemId: org.itemId,
    metric: 'users',
    nonBillable: 0,
    unitCost: null
  })
  sims.jumpcloud.control.setUsage({ orgId: org.orgId, users: org.initial + 2 })
  await call('pushSync', {})
  const ts = await call('getTicketingSettings', {})
  await call('saveTicketingSettings', { ...ts.settings, enabled: true })
  await call('pullAssets', {})
  await page.reload()

  const nav = page.getByRole('navigation', { name: 'Setup steps' })
  const screens = (await nav.getByRole('button').allTextContents()).map((t) => t.replace(/^\d+/, '').trim())
  expect(screens.length).toBeGreaterThanOrEqual(6)
  const report: Record<string, { violations: number; actions: number }> = {}
  for (const name of screens) {
    await nav.getByRole('button', { name }).click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.waitForLoadState('networkidle')
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    expect(summary, `${name}: axe serious/critical violations`).toEqual([])

    const actions = await mainActions(page)
    const reached = await tabbedButtons(page, actions.length + 40)
    expect(
      actions.filter((a) => !reached.has(a)),
      `${name}: actions not reached by Tab`
    ).toEqual([])
    report[name] = { violations: bad.length, actions: actions.length }
  }
  console.log(`[proof] accessibility: ${JSON.stringify(report)}`)
})
