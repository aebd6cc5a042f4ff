import { expect, type Locator, type Page } from '@playwright/test'

export type CardName = 'Syncro' | 'Autotask' | 'JumpCloud MTP' | 'SaaS Alerts'

/** One integration card of the Connect screen (a region named by its heading). */
export function card(page: Page, name: CardName): Locator {
  return page.getByRole('region', { name, exact: true })
}

export async function verifyAndSave(page: Page, name: CardName): Promise<void> {
  await card(page, name).getByRole('button', { name: 'Verify and Save' }).click()
}

/** Waits for the card's request to finish (the button returns from "Verifying…"). */
export async function settled(page: Page, name: CardName): Promise<void> {
  await expect(card(page, name).getByRole('button', { name: 'Verify and Save' })).toBeEnabled()
}

export async function disableAndClear(page: Page, name: CardName): Promise<void> {
  await card(page, name).getByRole('button', { name: 'Disable Integration & Clear Data' }).click()
  const dialog = page.getByRole('dialog', { name: /Disable .* and clear its data\?/ })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Disable & Clear' }).click()
  await expect(card(page, name).getByRole('status')).toHaveText('Integration has been disabled')
}

/** The card's alert region, holding a non-field error's message and hint. */
export function alertOf(page: Page, name: CardName): Locator {
  return card(page, name).getByRole('alert')
}

export const SAVED_PLACEHOLDER = '•••••••• saved'

/**
 * The common life of an integration: save with valid credentials → created, secrets gone from the
 * form → bridge restart → still connected with its secrets saved → Disable & Clear → gone, also
 * after another restart. `afterRestart` adds system-specific checks (e.g. the Autotask zone).
 */
export async function saveRestartAndClear(opts: {
  page: Page
  bridge: { launchUrl: string; restart(): Promise<void> }
  name: CardName
  fill(card: Locator): Promise<void>
  secretLabels: string[]
  keychain: boolean
  afterRestart?(card: Locator): Promise<void>
}): Promise<void> {
  const { page, bridge, name } = opts
  const c = card(page, name)
  await expect(c.getByText('Not connected')).toBeVisible()
  await opts.fill(c)
  await verifyAndSave(page, name)
  await expect(c.getByRole('status')).toHaveText('Integration has been created')
  await expect(c.getByText('Connected', { exact: true })).toBeVisible()
  for (const label of opts.secretLabels) {
    await expect(c.getByLabel(label)).toHaveAttribute('type', 'password')
    await expect(c.getByLabel(label)).toHaveValue('')
    await expect(c.getByLabel(label)).toHaveAttribute('placeholder', SAVED_PLACEHOLDER)
  }

  await bridge.restart()
  await page.goto(bridge.launchUrl)
  await expect(c.getByText('Connected', { exact: true })).toBeVisible()
  await expect(c.getByText(/already connected/)).toBeVisible()
  await opts.afterRestart?.(c)
  if (opts.keychain) {
    for (const label of opts.secretLabels)
      await expect(c.getByLabel(label)).toHaveAttribute('placeholder', SAVED_PLACEHOLDER)
  }

  await disableAndClear(page, name)
  await expect(c.getByText('Not connected')).toBeVisible()
  await bridge.restart()
  await page.goto(bridge.launchUrl)
  await expect(c.getByText('Not connected')).toBeVisible()
  for (const label of opts.secretLabels)
    await expect(c.getByLabel(label)).not.toHaveAttribute('placeholder', SAVED_PLACEHOLDER)
}
