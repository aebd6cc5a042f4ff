import { test, expect } from './fixtures'

test('a setting changed on the Settings screen survives a restart of the bridge', async ({ app: page, bridge }) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  const notifications = page.getByRole('checkbox', { name: /Notifications/ })
  await expect(notifications).toBeChecked()
  await notifications.uncheck()
  await expect(page.getByText('Settings saved.')).toBeVisible()
  const sampling = page.getByRole('combobox', { name: /Usage sampling/ })
  await sampling.selectOption({ label: 'every 30 minutes' })
  await expect(sampling).toHaveValue('30')
  // The browser bridge cannot apply a login item: the option says so instead of pretending.
  await expect(page.getByRole('checkbox', { name: /Start at login/ })).toBeDisabled()
  await expect(page.getByText(bridge.dataDir, { exact: true })).toBeVisible()

  await bridge.restart()
  await page.goto(bridge.launchUrl)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('checkbox', { name: /Notifications/ })).not.toBeChecked()
  await expect(page.getByRole('combobox', { name: /Usage sampling/ })).toHaveValue('30')
})

test('pausing from the window changes the status everywhere in the window and survives a restart', async ({
  app: page,
  bridge
}) => {
  const sidebar = page.getByRole('status', { name: 'Scheduled work' })
  await expect(sidebar).toHaveText('Scheduled work running')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const card = page.getByRole('region', { name: 'Scheduled work' })
  await expect(card.getByRole('status')).toHaveText('Running')
  await card.getByRole('button', { name: 'Pause scheduled work' }).click()
  await expect(card.getByRole('status')).toHaveText(/^Paused since /)
  await expect(sidebar).toHaveText('Scheduled work paused')

  await bridge.restart()
  await page.goto(bridge.launchUrl)
  await expect(page.getByRole('status', { name: 'Scheduled work' })).toHaveText('Scheduled work paused')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page
    .getByRole('region', { name: 'Scheduled work' })
    .getByRole('button', { name: 'Resume scheduled work' })
    .click()
  await expect(page.getByRole('status', { name: 'Scheduled work' })).toHaveText('Scheduled work running')
})
