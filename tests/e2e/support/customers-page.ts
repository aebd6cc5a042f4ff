import { expect, type Locator, type Page } from '@playwright/test'
import type { CustomersView } from '../../../src/shared/contract/customers'
import type { BridgeProcess } from './bridge'
import type { E2eSims } from './sims'

/** The worker's sims start at this size (support/sims.ts); specs that reseed put it back after. */
export const DEFAULT_SEED = { seed: 1, size: 5 }

/** Reseeds JumpCloud and Syncro from one seed so org i and customer i are the same company (sims/all.ts). */
export async function reseed(sims: E2eSims, seed: number, size: number): Promise<void> {
  for (const [url, body] of [
    [sims.jumpcloud.url, { seed, orgs: size }],
    [sims.syncro.url, { seed, size }]
  ] as const) {
    const res = await fetch(`${url}/__sim/seed`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    })
    expect(res.ok, `reseed ${url}`).toBe(true)
  }
}

/** Calls the core through the bridge with the launch token, as the CLI or a script would. */
export async function bridgeCall<T>(bridge: BridgeProcess, method: string, input: unknown = {}): Promise<T> {
  const token = new URL(bridge.launchUrl).searchParams.get('token') ?? ''
  const res = await fetch(`${bridge.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input)
  })
  const env = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
  if (!env.ok) throw new Error(`${method}: ${env.error.code}: ${env.error.message}`)
  return env.value
}

/** Saves Syncro and JumpCloud through the API (the Connect screen has its own specs). */
export async function connectSyncroAndJumpCloud(bridge: BridgeProcess, sims: E2eSims): Promise<void> {
  await bridgeCall(bridge, 'saveSyncro', sims.creds.syncro)
  await bridgeCall(bridge, 'saveJumpCloud', sims.creds.jumpcloud)
}

export const getView = (bridge: BridgeProcess) => bridgeCall<CustomersView>(bridge, 'getCustomersView')

export async function openCustomers(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: 'Customers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Map organizations to customers' })).toBeVisible()
}

/** Reads organizations, then customers, through the screen's refresh buttons. */
export async function refreshBoth(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Refresh data from source' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Refreshed \d+ organizations\.$/ })).toBeVisible()
  await page.getByRole('button', { name: 'Refresh data from PSA' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Refreshed \d+ customers\.$/ })).toBeVisible()
}

/** The grid row of one organization, found by its exact name cell. */
export function orgRow(page: Page, name: string): Locator {
  return page
    .getByRole('table', { name: 'Organizations' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell').getByText(name, { exact: true }) })
}

/** The org's Status cell (third column: Organization, Source, Status, …). */
export function statusOf(page: Page, name: string): Locator {
  return orgRow(page, name).getByRole('cell').nth(2)
}

export function pickerOf(page: Page, name: string): Locator {
  return page.getByRole('combobox', { name: `Customer for ${name}` })
}

/** Types into a customer combobox and chooses the option with exactly this customer name. */
export async function choose(page: Page, combobox: Locator, customerName: string): Promise<void> {
  await combobox.fill(customerName)
  const list = page.getByRole('listbox')
  await list
    .getByRole('option')
    .filter({ has: page.getByText(customerName, { exact: true }) })
    .click()
}
