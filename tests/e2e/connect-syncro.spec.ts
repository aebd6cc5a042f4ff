import { test, expect, KEYCHAIN_AVAILABLE } from './fixtures'
import { card, disableAndClear, settled, verifyAndSave, alertOf } from './support/connect-page'

const SAVED = '•••••••• saved'

test.describe('Syncro', () => {
  test('valid credentials save, survive a restart, re-save with the kept token, then Disable & Clear removes it', async ({
    app: page,
    bridge,
    sims
  }) => {
    const syncro = card(page, 'Syncro')
    await expect(syncro.getByText('Not connected')).toBeVisible()
    await syncro.getByLabel('Subdomain').fill(sims.creds.syncro.subdomain)
    await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
    await verifyAndSave(page, 'Syncro')
    await expect(syncro.getByRole('status')).toHaveText('Integration has been created')
    await expect(syncro.getByText('Connected', { exact: true })).toBeVisible()
    // The token leaves the form once saved; the field only says one is saved.
    await expect(syncro.getByLabel('API token')).toHaveValue('')
    await expect(syncro.getByLabel('API token')).toHaveAttribute('type', 'password')
    await expect(syncro.getByLabel('API token')).toHaveAttribute('placeholder', SAVED)

    await bridge.restart()
    await page.goto(bridge.launchUrl)
    await expect(syncro.getByText('Connected', { exact: true })).toBeVisible()
    await expect(syncro.getByLabel('Subdomain')).toHaveValue(sims.creds.syncro.subdomain)
    await expect(syncro.getByText(/already connected/)).toBeVisible()
    if (!KEYCHAIN_AVAILABLE) {
      test.info().annotations.push({
        type: 'skipped-assertion',
        description: 'no D-Bus session: secrets are in memory and do not survive a restart'
      })
      return
    }
    await expect(syncro.getByLabel('API token')).toHaveAttribute('placeholder', SAVED)

    // Re-configuring: the replace warning is confirmed in a dialog, the saved token is re-used.
    const before = (await sims.stats(sims.syncro)).total
    await verifyAndSave(page, 'Syncro')
    const dialog = page.getByRole('dialog', { name: 'Replace the Syncro configuration?' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Replace' }).click()
    await expect(syncro.getByRole('status')).toHaveText('Integration has been updated')
    expect((await sims.stats(sims.syncro)).total).toBeGreaterThan(before)

    await disableAndClear(page, 'Syncro')
    await expect(syncro.getByText('Not connected')).toBeVisible()
    await bridge.restart()
    await page.goto(bridge.launchUrl)
    await expect(syncro.getByText('Not connected')).toBeVisible()
    await expect(syncro.getByLabel('API token')).not.toHaveAttribute('placeholder', SAVED)
  })

  test('cancelling the replace dialog sends nothing', async ({ app: page, sims }) => {
    const syncro = card(page, 'Syncro')
    await syncro.getByLabel('Subdomain').fill(sims.creds.syncro.subdomain)
    await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
    await verifyAndSave(page, 'Syncro')
    await expect(syncro.getByRole('status')).toHaveText('Integration has been created')
    const before = (await sims.stats(sims.syncro)).total
    await verifyAndSave(page, 'Syncro')
    const dialog = page.getByRole('dialog', { name: 'Replace the Syncro configuration?' })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    expect((await sims.stats(sims.syncro)).total).toBe(before)
  })

  test('a wrong API token is reported on the token field', async ({ app: page, sims }) => {
    const syncro = card(page, 'Syncro')
    await syncro.getByLabel('Subdomain').fill(sims.creds.syncro.subdomain)
    await syncro.getByLabel('API token').fill('not-the-token')
    await verifyAndSave(page, 'Syncro')
    await settled(page, 'Syncro')
    await expect(syncro.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true')
    await expect(syncro.getByLabel('API token')).toHaveAccessibleDescription(/Syncro rejected the API token/)
    await expect(syncro.getByText('Not connected')).toBeVisible()
  })

  test('an unknown subdomain is reported on the subdomain field', async ({ app: page, sims }) => {
    const syncro = card(page, 'Syncro')
    await syncro.getByLabel('Subdomain').fill('nosuchtenant')
    await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
    await verifyAndSave(page, 'Syncro')
    await settled(page, 'Syncro')
    await expect(syncro.getByLabel('Subdomain')).toHaveAccessibleDescription(
      /No Syncro account at nosuchtenant\.syncromsp\.com/
    )
  })

  test('a server error shows its message and what to do', async ({ app: page, sims }) => {
    sims.syncro.faults.add({ kind: 'status', status: 503, match: { path: '/me$' } })
    const syncro = card(page, 'Syncro')
    await syncro.getByLabel('Subdomain').fill(sims.creds.syncro.subdomain)
    await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
    await verifyAndSave(page, 'Syncro')
    await expect(alertOf(page, 'Syncro')).toContainText('HTTP 503', { timeout: 30_000 })
    await expect(alertOf(page, 'Syncro')).toContainText('may be down or overloaded')
    await expect(syncro.getByText('Not connected')).toBeVisible()
  })

  test.describe('with a short HTTP timeout', () => {
    test.use({ bridgeEnv: { PSA_BRIDGE_HTTP_TIMEOUT_MS: '400' } })

    test('a Syncro that does not answer in time shows a timeout', async ({ app: page, sims }) => {
      sims.syncro.faults.add({ kind: 'delay', delayMs: 2_000, match: { path: '/me$' } })
      const syncro = card(page, 'Syncro')
      await syncro.getByLabel('Subdomain').fill(sims.creds.syncro.subdomain)
      await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
      await verifyAndSave(page, 'Syncro')
      await expect(alertOf(page, 'Syncro')).toContainText('did not answer within', { timeout: 30_000 })
      await expect(syncro.getByText('Not connected')).toBeVisible()
    })
  })

  const hostile = ['evil.com#', 'a/../b', 'acme.syncromsp.com.evil.io', '\u0430cme', 'a'.repeat(300)]
  for (const value of hostile) {
    test(`the subdomain field rejects ${JSON.stringify(value.length > 40 ? `${value.slice(0, 12)}… (${value.length} chars)` : value)} without any request`, async ({
      app: page,
      sims
    }) => {
      const saves: string[] = []
      page.on('request', (r) => {
        if (r.url().includes('/api/save')) saves.push(r.url())
      })
      const syncro = card(page, 'Syncro')
      const field = syncro.getByLabel('Subdomain')
      await field.fill(value)
      // Flagged while typing, before any submit.
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await syncro.getByLabel('API token').fill(sims.creds.syncro.apiToken)
      await verifyAndSave(page, 'Syncro')
      await expect(field).toHaveAccessibleDescription(/subdomain|Syncro address/i)
      await expect(syncro.getByRole('status')).toHaveCount(0)
      expect(saves).toEqual([])
      expect((await sims.stats(sims.syncro)).total).toBe(0)
    })
  }
})
