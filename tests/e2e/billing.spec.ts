import { test, expect } from './fixtures'
import { connectAndMapOne, goToStep, psaQuantity, type Psa } from './support/billing-setup'

const NON_BILLABLE = 1

for (const psa of ['syncro', 'autotask'] as const satisfies readonly Psa[]) {
  test(`${psa}: map a billing target, preview, push, and see the new quantity in the PSA and in Activity`, async ({
    app: page,
    bridge,
    sims
  }) => {
    const org = await connectAndMapOne(page, bridge.origin, sims, psa)
    // A count that differs from the PSA's, so the plan must be an increase: HWM - non-billable.
    const users = org.initial + 3 + NON_BILLABLE
    sims.jumpcloud.control.setUsage({ orgId: org.orgId, users })
    const expected = users - NON_BILLABLE

    await goToStep(page, 'Billing')
    await page.getByRole('button', { name: `Set up billing of ${org.orgName}` }).click()
    const editor = page.getByRole('region', { name: `Billing of ${org.orgName}` })
    const words =
      psa === 'syncro'
        ? { container: 'Recurring invoice', item: 'Line item' }
        : { container: 'Contract', item: 'Contract service' }
    await expect(
      editor.getByLabel(words.container, { exact: true }).locator(`option[value="${org.containerId}"]`)
    ).toHaveCount(1)
    // Nothing is saved while a picker is empty: the form says what is missing.
    await editor.getByRole('button', { name: 'Save mapping' }).click()
    await expect(editor.getByLabel(words.container, { exact: true })).toHaveAccessibleDescription(
      `Choose a ${words.container.toLowerCase()}`
    )
    await editor.getByLabel(words.container, { exact: true }).selectOption(org.containerId)
    await editor.getByLabel(words.item, { exact: true }).selectOption(org.itemId)
    await editor.getByLabel('Metric').selectOption('users')
    await editor.getByLabel('Non-billable count').fill(String(NON_BILLABLE))
    if (psa === 'autotask') await expect(editor.getByLabel('Unit cost')).toBeVisible()
    await editor.getByRole('button', { name: 'Save mapping' }).click()
    await expect(editor).toBeHidden()

    const mappings = page.getByRole('table', { name: 'Billing mappings' })
    const row = mappings.getByRole('row').filter({ hasText: org.orgName })
    await expect(row).toHaveCount(1)
    await expect(row.getByRole('cell').nth(3)).toHaveText(String(NON_BILLABLE))

    // Push stays off until a preview shows what it would write.
    await expect(page.getByRole('button', { name: 'Push changes' })).toBeDisabled()
    await page.getByRole('button', { name: 'Preview', exact: true }).click()
    const plan = page.getByRole('table', { name: 'Billing plan' })
    const planRow = plan.getByRole('row').filter({ hasText: org.orgName })
    await expect(planRow).toContainText(`${org.initial} → ${expected}`)
    await expect(planRow).toContainText('increase')
    await expect(row.getByRole('cell').nth(4)).toHaveText(String(users)) // this month’s HWM, read by the preview
    expect(psaQuantity(sims, psa, org), 'a preview writes nothing').toBe(org.initial)
    await page.screenshot({ path: `test-results/billing-${psa}-preview.png`, fullPage: true })

    await page.getByRole('button', { name: 'Push changes' }).click()
    const confirm = page.getByRole('dialog', { name: 'Write 1 quantity to the PSA?' })
    await confirm.getByRole('button', { name: 'Push 1 change' }).click()
    const result = page.getByRole('table', { name: 'Push result' })
    await expect(result.getByRole('row').filter({ hasText: org.orgName })).toContainText('written')
    await expect(page.getByText(/Push finished at .*: 1 written · 0 unchanged/)).toBeVisible()
    expect(psaQuantity(sims, psa, org)).toBe(expected)
    await expect(row).toContainText(`written ${org.initial} → ${expected}`)

    await goToStep(page, 'Activity')
    const runs = page.getByRole('table', { name: 'Billing runs' })
    // Previews are hidden by default: only the push is listed.
    await expect(runs.getByRole('row')).toHaveCount(2)
    const run = runs.getByRole('row').nth(1)
    await expect(run.getByRole('cell').nth(3)).toHaveText('1') // written
    await run.getByRole('button', { name: /^Details of the run started/ }).click()
    const items = page.getByRole('region', { name: 'Run details' }).getByRole('table', { name: 'Run items' })
    await expect(items.getByRole('row').filter({ hasText: org.orgName })).toContainText(`${org.initial} → ${expected}`)
    await expect(items.getByRole('row').filter({ hasText: org.orgName })).toContainText('written')
    const chart = page.getByRole('region', { name: 'HWM chart' })
    await expect(
      chart.getByRole('img', { name: new RegExp(`High-water mark of ${escape(org.orgName)}.*: ${users} users`) })
    ).toBeVisible()
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible()
    await page.getByLabel('Show previews').check()
    await expect(runs.getByRole('row')).toHaveCount(3)
    // A preview row says what it would have written.
    await expect(runs.getByRole('row').filter({ hasText: 'preview' })).toContainText('1 planned')
    await page.screenshot({ path: `test-results/activity-${psa}.png`, fullPage: true })
  })
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
