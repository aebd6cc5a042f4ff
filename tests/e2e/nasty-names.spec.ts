import type { Page } from '@playwright/test'
import type { MethodInput, MethodName } from '../../src/shared/contract'
import { NASTY_NAMES } from '../reliability/support/hostile'
import { objectId } from '../sims/jumpcloud/model'
import { nextId } from '../sims/syncro/model'
import { test, expect } from './fixtures'
import { bridgeCall } from './support/billing-setup'
import { injectEvent } from './support/ticketing-setup'

// The fixed list of nasty names (plus payloads that set a flag instead of opening a dialog) as JumpCloud org
// names and Syncro customer names, shown on Customers, Billing, Ticketing, Activity and Assets: no script runs (the
// flag stays unset, no dialog opens, no injected element exists) and the names are shown as text.

const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'</script>`,
  `"><svg onload="window.__pwned='svg'">`
]
const NAMES = [...PAYLOADS, ...NASTY_NAMES]
/** Names whose text a screen shows as is (control characters and line breaks are laid out as white space). */
const SHOWN = NAMES.filter((n) => !['\u0000', '\t', '\r', '\n'].some((c) => n.includes(c)))

interface Probe {
  pwned: unknown
  injected: number
  text: string
}

async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      __pwned?: unknown
      document: { querySelectorAll(s: string): { length: number }; body: { innerText: string } }
    }
    return {
      pwned: g.__pwned,
      injected: g.document.querySelectorAll('img[src="x"], svg[onload], img[onerror], main script').length,
      text: g.document.body.innerText
    }
  })
}

test('nasty org and customer names: nothing executes on Customers, Billing, Ticketing, Activity, Assets', async ({
  app: page,
  bridge,
  sims
}) => {
  test.setTimeout(300_000)
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const call = <M extends MethodName>(name: M, input: MethodInput<M>) => bridgeCall(page, bridge.origin, name, input)
  // The sims live for the Playwright worker: put their state back for the specs after this one.
  const jc = sims.jumpcloud.state
  const sy = sims.syncro.account()
  const saved = { jc: structuredClone(jc), sy: structuredClone(sy) }
  try {
    // One org and one customer per name: the seed's first ones renamed, more added (copies without devices).
    const base = jc.orgs.length
    for (const [i, name] of NAMES.entries()) {
      if (i < base) Object.assign(jc.orgs[i]!, { name, events: [] })
      else jc.orgs.push({ ...structuredClone(jc.orgs[0]!), id: objectId(jc, '7'), name, systems: [], events: [] })
    }
    const active = sy.customers.filter((c) => !c.disabled)
    for (const [i, name] of NAMES.entries()) {
      if (i < active.length) active[i]!.business_name = name
      else sy.customers.push({ ...structuredClone(active[0]!), id: nextId(sy), business_name: name })
    }

    const c = sims.creds
    await call('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId })
    await call('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken })
    await call('refreshData', { from: 'both' })
    const view = await call('getCustomersView', {})
    const byName = new Map(view.customers.map((x) => [x.name, x]))
    for (const org of view.orgs) {
      const customer = byName.get(org.name)
      if (!customer) continue
      await call('mapOrg', { source: 'jumpcloud', orgId: org.id, customerId: customer.id })
      const t = await call('listBillingTargets', { source: 'jumpcloud', orgId: org.id })
      const container = t.containers.find((x) => x.items.length > 0)
      if (container)
        await call('saveBillingMapping', {
          source: 'jumpcloud',
          orgId: org.id,
          containerId: container.id,
          itemId: container.items[0]!.id,
          metric: 'users',
          nonBillable: 0,
          unitCost: null
        })
      injectEvent(sims, org.id, 'user_lockout', { user: 'jdoe' })
    }
    await call('pushSync', {})
    const ts = await call('getTicketingSettings', {})
    await call('saveTicketingSettings', { ...ts.settings, enabled: true })
    await call('pollAlertsNow', { retryNow: true })
    await call('pullAssets', {})
    await page.reload()

    const nav = page.getByRole('navigation', { name: 'Setup steps' })
    const report: Record<string, number> = {}
    for (const screen of ['Customers', 'Billing', 'Ticketing', 'Activity', 'Assets']) {
      await nav.getByRole('button', { name: screen }).click()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      // The screen's data has arrived once the first name is on it (every screen lists that org or customer).
      await expect(page.locator('main')).toContainText(NAMES[0]!)
      await page.waitForLoadState('networkidle')
      const p = await probe(page)
      expect(p.pwned, `${screen}: a payload ran`).toBeUndefined()
      expect(p.injected, `${screen}: elements injected by a name`).toBe(0)
      expect(dialogs, `${screen}: dialogs opened`).toEqual([])
      const shown = SHOWN.filter((n) => p.text.includes(n))
      report[screen] = shown.length
      // Assets lists the customers with devices: the seed's orgs renamed first (the copies have none).
      const expected = screen === 'Assets' ? SHOWN.filter((n) => NAMES.indexOf(n) < base) : SHOWN
      expect(shown, `${screen} shows the names as text`).toEqual(expect.arrayContaining(expected))
    }
    console.log(`[proof] nasty names in the UI: ${JSON.stringify({ names: NAMES.length, shownPerScreen: report })}`)
  } finally {
    Object.assign(jc, saved.jc)
    Object.assign(sy, saved.sy)
  }
})
