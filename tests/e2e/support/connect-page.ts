import { expect, type Locator, type Page } from '@playwright/test'

export type CardName = 'Syncro' | 'Autotask' | 'JumpCloud MTP'

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
