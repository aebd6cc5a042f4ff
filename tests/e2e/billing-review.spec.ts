import { test, expect } from './fixtures'
import { bridgeCall, connectAndMapOne, goToStep, psaQuantity } from './support/billing-setup'

test('syncro: with "review decreases" a decrease is held until approved, then pushed; Disable asks first and stops the sync', async ({
  app: page,
  bridge,
  sims
}) => {
  const org = await connectAndMapOne(page, bridge.origin, sims, 'syncro')
  await bridgeCall(page, bridge.origin, 'saveBillingMapping', {
    source: 'jumpcloud',
    orgId: org.orgId,
    containerId: org.containerId,
    itemId: org.itemId,
    metric: 'users'
  })
  const users = 6
  sims.jumpcloud.control.setUsage({ orgId: org.orgId, users })
  // Someone raised the quantity by hand in Syncro: the plan is a decrease back to the HWM.
  const line = sims.syncro
    .account()
    .schedules.find((s) => String(s.id) === org.containerId)!
    .lines.find((l) => String(l.id) === org.itemId)!
  line.quantity = String(users + 4)

  await goToStep(page, 'Billing')
  const settings = page.getByRole('region', { name: 'Billing settings' })
  await settings.getByLabel('Review decreases').check()
  await settings.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Billing settings saved' })).toBeVisible()
  await expect(settings.getByLabel('Review decreases')).toBeChecked()

  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const planRow = page.getByRole('table', { name: 'Billing plan' }).getByRole('row').filter({ hasText: org.orgName })
  await expect(planRow).toContainText(`${users + 4} → ${users}`)
  await expect(planRow).toContainText('held')
  // Held rows are not writes: nothing to push yet.
  await expect(page.getByRole('button', { name: 'Push changes' })).toBeDisabled()

  await planRow.getByRole('button', { name: `Approve decrease of ${org.orgName} to ${users}` }).click()
  await expect(planRow).toContainText('decrease')
  await expect(planRow).toContainText('Approved decrease')
  await page.getByRole('button', { name: 'Push changes' }).click()
  await page
    .getByRole('dialog', { name: 'Write 1 quantity to the PSA?' })
    .getByRole('button', { name: 'Push 1 change' })
    .click()
  await expect(
    page.getByRole('table', { name: 'Push result' }).getByRole('row').filter({ hasText: org.orgName })
  ).toContainText('written')
  expect(psaQuantity(sims, 'syncro', org)).toBe(users)

  // Disable: cancel keeps it, confirm stops it; a later preview no longer plans it.
  await page.getByRole('button', { name: `Disable billing of ${org.orgName}` }).click()
  const confirm = page.getByRole('dialog', { name: `Disable billing of ${org.orgName}?` })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: `Disable billing of ${org.orgName}` })).toBeVisible()
  await page.getByRole('button', { name: `Disable billing of ${org.orgName}` }).click()
  await confirm.getByRole('button', { name: 'Disable billing' }).click()
  await expect(page.getByRole('button', { name: `Enable billing of ${org.orgName}` })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Preview', exact: true })).toBeDisabled()
  const view = await bridgeCall(page, bridge.origin, 'getBillingView', {})
  expect(view.mappings.map((m) => m.enabled)).toEqual([false])
})
