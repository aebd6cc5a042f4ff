import { expect, type Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract'
import { unitsAt } from '../../sims/autotask'
import type { E2eSims } from './sims'

export type Psa = 'syncro' | 'autotask'

/** One contract method through the bridge, with the page's signed-in cookie (setup speed; the UI under test is elsewhere). */
export async function bridgeCall<M extends MethodName>(
  page: Page,
  origin: string,
  name: M,
  input: MethodInput<M>
): Promise<MethodOutput<M>> {
  const res = await page.request.post(`${origin}/api/${name}`, { data: input })
  const body = (await res.json()) as
    { ok: true; value: MethodOutput<M> } | { ok: false; error: { code: string; message: string } }
  if (!body.ok) throw new Error(`${name}: ${body.error.code} ${body.error.message}`)
  return body.value
}

export interface BillableOrg {
  orgId: string
  orgName: string
  containerId: string
  itemId: string
  /** The PSA quantity before any push. */
  initial: number
}

/**
 * Connects JumpCloud and the PSA, reads both sides, and maps the first org to the first active customer
 * that has a billing target (recurring invoice line / contract service). Billing itself is left to the UI.
 */
export async function connectAndMapOne(page: Page, origin: string, sims: E2eSims, psa: Psa): Promise<BillableOrg> {
  const call = <M extends MethodName>(name: M, input: MethodInput<M>) => bridgeCall(page, origin, name, input)
  const c = sims.creds
  await call('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId })
  if (psa === 'syncro') await call('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken })
  else await call('saveAutotask', { ...c.autotask })
  await call('refreshData', { from: 'both' })
  const view = await call('getCustomersView', {})
  const org = view.orgs[0]
  if (!org) throw new Error('the JumpCloud sim has no orgs')
  // The suggested customer first, so screenshots pair an org with its look-alike customer.
  const active = view.customers.filter((x) => x.active)
  const suggested = org.suggestion?.customerId
  for (const customer of [...active.filter((x) => x.id === suggested), ...active.filter((x) => x.id !== suggested)]) {
    await call('mapOrg', { source: 'jumpcloud', orgId: org.id, customerId: customer.id })
    const t = await call('listBillingTargets', { source: 'jumpcloud', orgId: org.id })
    const container = t.containers.find((x) => x.items.length > 0)
    const item = container?.items[0]
    if (container && item)
      return { orgId: org.id, orgName: org.name, containerId: container.id, itemId: item.id, initial: item.quantity }
  }
  throw new Error(`no ${psa} customer in the seed has a billing target`)
}

/** The quantity the PSA sim holds now for a target (null = gone), read from the sim's own state. */
export function psaQuantity(sims: E2eSims, psa: Psa, t: { containerId: string; itemId: string }): number | null {
  if (psa === 'syncro') {
    const line = sims.syncro
      .account()
      .schedules.find((s) => String(s.id) === t.containerId)
      ?.lines.find((l) => String(l.id) === t.itemId)
    return line ? Number(line.quantity) : null
  }
  return unitsAt(sims.autotask.state, Number(t.itemId), sims.autotask.clock.now()) ?? null
}

export async function goToStep(page: Page, label: 'Billing' | 'Activity'): Promise<void> {
  await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: label }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    label === 'Billing' ? 'Bill the monthly high-water mark' : 'Activity: billing runs, tickets and alerts'
  )
}
