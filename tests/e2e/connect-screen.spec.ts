import { test, expect } from './fixtures'
import { alertOf, card, verifyAndSave } from './support/connect-page'

test('the frame opens on the Connect step and the Connect screen has a card per system', async ({ app: page }) => {
  const nav = page.getByRole('navigation', { name: 'Setup steps' })
  await expect(nav.getByRole('button').first()).toHaveText('1Connect')
  await expect(nav.getByRole('button', { name: /Connect/ })).toHaveAttribute('aria-current', 'step')
  for (const name of ['Syncro', 'Autotask', 'JumpCloud MTP', 'SaaS Alerts'] as const) {
    await expect(card(page, name).getByRole('button', { name: 'Verify and Save' })).toBeVisible()
  }
  // Secrets are never echoed on screen (both sources have an "API key").
  for (const label of ['API token', 'Secret', 'Integration code', 'API key']) {
    const inputs = await page.getByLabel(label, { exact: true }).all()
    expect(inputs.length).toBeGreaterThan(0)
    for (const input of inputs) await expect(input).toHaveAttribute('type', 'password')
  }
})

test('a bridge session without the token cookie is refused', async ({ browser, bridge }) => {
  const fresh = await browser.newContext()
  const page = await fresh.newPage()
  const res = await page.goto(bridge.origin + '/')
  expect(res?.status()).toBe(401)
  await fresh.close()
})

test('screenshot of the Connect screen with a saved, an empty and a failed card', async ({ app: page, sims }) => {
  const syncro = card(page, 'Syncro')
  await syncro.getByLabel('Subdomain').fill(sims.creds.syncro.subdomain)
  await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
  await verifyAndSave(page, 'Syncro')
  await expect(syncro.getByRole('status')).toHaveText('Integration has been created')

  sims.jumpcloud.faults.add({ kind: 'status', status: 503 })
  const jc = card(page, 'JumpCloud MTP')
  await jc.getByLabel('API key').fill(sims.creds.jumpcloud.apiKey)
  await jc.getByLabel('Provider ID').fill(sims.creds.jumpcloud.providerId)
  await verifyAndSave(page, 'JumpCloud MTP')
  await expect(alertOf(page, 'JumpCloud MTP')).toContainText('HTTP 503', { timeout: 30_000 })

  await page.screenshot({ path: 'test-results/connect-screen.png', fullPage: true })
})

test('a second window learns about a saved integration through the event stream, without reloading', async ({
  app: page,
  bridge,
  sims,
  context
}) => {
  const other = await context.newPage()
  await other.goto(bridge.launchUrl)
  await expect(card(other, 'Syncro').getByText('Not connected')).toBeVisible()

  const syncro = card(page, 'Syncro')
  await syncro.getByLabel('Subdomain').fill(sims.creds.syncro.subdomain)
  await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
  await verifyAndSave(page, 'Syncro')
  await expect(syncro.getByRole('status')).toHaveText('Integration has been created')
  await expect(card(other, 'Syncro').getByText('Connected', { exact: true })).toBeVisible()
})
