import { test, expect } from './fixtures'
import { bridgeCall, connectAndMapOne, goToStep, type Psa } from './support/billing-setup'

// The User Sync Day settings of SaaS Alerts billing on the Billing screen (issue 15): switching it on is held back
// until a Default Contract Service is picked (the screen says why), the service and each org's contract are picked
// from lists read from the PSA, "add the default contract service" needs the contract, and what is saved is what the
// core keeps.

for (const psa of ['syncro', 'autotask'] as const satisfies readonly Psa[]) {
  test(`${psa}: SaaS Alerts sync-day settings — day, default service and per-org contract picked from the PSA`, async ({
    app: page,
    bridge,
    sims
  }) => {
    const jc = await connectAndMapOne(page, bridge.origin, sims, psa)
    await bridgeCall(page, bridge.origin, 'saveSaasAlerts', { apiKey: sims.creds.saasalerts.apiKey })
    await bridgeCall(page, bridge.origin, 'refreshData', { from: 'both' })
    const view = await bridgeCall(page, bridge.origin, 'getCustomersView', {})
    const saOrg = view.orgs.find((o) => o.source === 'saasalerts')!
    // The customer of the JumpCloud org, which has a contract (billing target).
    const customerId = view.orgs.find((o) => o.source === 'jumpcloud' && o.id === jc.orgId)!.customerId!
    await bridgeCall(page, bridge.origin, 'mapOrg', { source: 'saasalerts', orgId: saOrg.id, customerId })
    const services = await bridgeCall(page, bridge.origin, 'listPsaServices', {})
    const service = services[0]!
    const targets = await bridgeCall(page, bridge.origin, 'listBillingTargets', {
      source: 'saasalerts',
      orgId: saOrg.id
    })
    const contract = targets.containers[0]!

    await goToStep(page, 'Billing')
    const panel = page.getByRole('region', { name: 'SaaS Alerts billable users' })
    const save = panel.getByRole('button', { name: 'Save SaaS Alerts billing' })
    const needs = panel.getByRole('list', { name: 'SaaS Alerts billing needs' })

    // On without a service: the reason is shown and nothing can be saved.
    await panel.getByLabel('Sync billable users to contracts').check()
    await expect(needs).toContainText('A Default Contract Service is required while SaaS Alerts billing is on.')
    await expect(save).toBeDisabled()
    await panel.getByLabel('User Sync Day').selectOption({ label: 'Last day of the month' })
    await panel.getByRole('combobox', { name: 'Default Contract Service' }).fill(service.name)
    await page
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(escape(service.name)) })
      .first()
      .click()
    await expect(needs).toHaveCount(0)

    // "Add the default contract service" needs the org's contract.
    const row = panel.getByRole('row').filter({ hasText: saOrg.name })
    await row.getByLabel(`Add the default contract service for ${saOrg.name}`).check()
    await expect(needs).toContainText(`Pick the contract the default service is added to for ${saOrg.name}.`)
    await expect(save).toBeDisabled()
    await row.getByRole('button', { name: `Pick contract for ${saOrg.name}` }).click()
    await row.getByRole('combobox', { name: `Contract for ${saOrg.name}` }).fill(contract.name.slice(0, 8))
    await page
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(escape(contract.name)) })
      .first()
      .click()
    await expect(row).toContainText(contract.name)
    await row.getByLabel(`Unit price for ${saOrg.name}`).fill('4.5')
    await expect(needs).toHaveCount(0)
    await save.click()
    await expect(page.getByRole('status').filter({ hasText: 'Billing settings saved' })).toBeVisible()

    const settings = await bridgeCall(page, bridge.origin, 'getBillingSettings', {})
    expect(settings.sourceBilling.saasalerts).toMatchObject({
      enabled: true,
      syncDay: 31,
      defaultService: { id: service.id, name: service.name },
      orgs: {
        [saOrg.id]: { containerId: contract.id, addDefaultService: true, unitPrice: 4.5, unitCost: null }
      }
    })
  })
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
