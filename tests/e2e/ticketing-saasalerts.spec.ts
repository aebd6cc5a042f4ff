import { test, expect } from './fixtures'
import { bridgeCall, goToStep, type Psa } from './support/billing-setup'
import { card, verifyAndSave } from './support/connect-page'
import { choose, openCustomers, orgRow, pickerOf, refreshBoth } from './support/customers-page'
import { connectForTicketing, goToTicketing, simTickets } from './support/ticketing-setup'

// SaaS Alerts beside JumpCloud: connect it on the Connect screen, set its required ticket and note defaults on
// its Ticketing tab (the switch refuses before, naming what is missing), map a SaaS Alerts organization to the
// customer on the Customers screen, then a [TEST] ticket with its priority mapping and event-type override, listed in
// Activity.

const SEVERITY_LABELS = { critical: 'Critical', medium: 'Medium', low: 'Low' } as const

for (const psa of ['syncro', 'autotask'] as const satisfies readonly Psa[]) {
  test(`${psa}: SaaS Alerts connected, required defaults enforced, test ticket with its mapping in Activity`, async ({
    app: page,
    bridge,
    sims
  }) => {
    const s = await connectForTicketing(page, bridge.origin, sims, psa)
    const sa = card(page, 'SaaS Alerts')
    await sa.getByLabel('API key').fill(sims.creds.saasalerts.apiKey)
    await verifyAndSave(page, 'SaaS Alerts')
    await expect(sa.getByRole('status')).toHaveText('Integration has been created')

    // Map a SaaS Alerts organization to the customer JumpCloud's org is mapped to: on the Customers screen, its
    // organizations listed by source, the customer chosen in the row's picker.
    await openCustomers(page)
    await refreshBoth(page)
    await page.getByRole('group', { name: 'Filter by source' }).getByRole('button', { name: 'SaaS Alerts' }).click()
    const saOrg = sims.saasalerts.state.customers[0]!
    await expect(orgRow(page, saOrg.name)).toHaveCount(1)
    await choose(page, pickerOf(page, saOrg.name), s.customer.name)
    await expect(pickerOf(page, saOrg.name)).toHaveValue(s.customer.name)
    const mapped = (await bridgeCall(page, bridge.origin, 'getCustomersView', {})).orgs.find(
      (o) => o.source === 'saasalerts' && o.id === saOrg.customerId
    )
    expect(mapped).toMatchObject({ customerId: s.customer.id })

    const choices = (await bridgeCall(page, bridge.origin, 'getTicketingSettings', {})).choices!
    const [p1, p2, p3] = choices.priorities
    const [it1, it2] = choices.issueTypes
    if (!p1 || !p2 || !p3 || !it1 || !it2) throw new Error(`the ${psa} sim needs three priorities and two issue types`)

    await goToTicketing(page)
    await page.getByRole('tablist', { name: 'Alert source' }).getByRole('tab', { name: 'SaaS Alerts' }).click()
    // The PSA registry decides the fields: Syncro has no queue, Autotask has queue, source and sub-issue type.
    const defaults = page.getByRole('region', { name: 'Ticket and note defaults' })
    await expect(defaults.getByLabel('Default queue')).toHaveCount(psa === 'autotask' ? 1 : 0)
    const issueLabel = psa === 'syncro' ? 'problem type' : 'issue type'

    // The switch refuses while required defaults are missing, and the screen says which.
    const toggle = page.getByRole('switch', { name: 'Automated ticketing for SaaS Alerts' })
    const missing = page.getByRole('note', { name: 'Required before switching on' })
    await expect(missing).toContainText('Priority for Critical alerts')
    await expect(missing).toContainText('Note visibility')
    await toggle.click()
    await expect(page.getByRole('alert')).toContainText('Automated ticketing cannot be switched on yet')
    await expect(page.getByRole('alert')).toContainText(`Default ${issueLabel}`)
    await expect(toggle).not.toBeChecked()

    const priorities = { critical: p1, medium: p2, low: p3 }
    for (const sev of ['critical', 'medium', 'low'] as const)
      await page.getByLabel(`Priority for ${SEVERITY_LABELS[sev]} alerts`).selectOption(priorities[sev].value)
    await defaults.getByLabel(`Default ${issueLabel}`).selectOption(it1.value)
    await defaults.getByLabel('Default status').selectOption(choices.statuses[0]!.value)
    if (psa === 'autotask') {
      await defaults.getByLabel('Default queue').selectOption(choices.queues[0]!.value)
      await defaults.getByLabel('Default source').selectOption(choices.sources[0]!.value)
    }
    await defaults.getByLabel('Note title').fill('Again: {alertType}')
    await defaults.getByLabel('Note visibility').selectOption('internal')
    const overrides = page.getByRole('region', { name: 'Event type overrides' })
    await overrides.getByRole('button', { name: 'Add override' }).click()
    await overrides.getByLabel('Event type 1', { exact: true }).fill('mfa.disable')
    await overrides
      .getByLabel(`${psa === 'syncro' ? 'Problem type' : 'Issue type'} for event type 1`, { exact: true })
      .selectOption(it2.value)
    // The org's contract on its tickets, picked from its customer's contracts read from the PSA (no typed id).
    addContract(sims, psa, s.customer.id, 'E2E Security Agreement')
    const contracts = page.getByRole('region', { name: 'Contracts on tickets' })
    await contracts.getByLabel('Add the organization’s contract to its tickets').check()
    await contracts.getByRole('button', { name: `Pick contract for ${saOrg.name}` }).click()
    await contracts.getByRole('combobox', { name: `Contract for ${saOrg.name}` }).fill('E2E Security')
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /E2E Security Agreement/ })
      .click()
    await expect(contracts).toContainText('E2E Security Agreement')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Ticketing settings saved.' })).toBeVisible()
    await expect(missing).toHaveCount(0)
    // The switch flips once the core accepted it (it is not optimistic: the core may refuse).
    await toggle.click()
    await expect(page.getByRole('status').filter({ hasText: 'Automated ticketing is on.' })).toBeVisible()
    await expect(toggle).toBeChecked()
    const saved = await bridgeCall(page, bridge.origin, 'getSourceTicketing', { source: 'saasalerts' })
    expect(saved.settings).toMatchObject({
      enabled: true,
      severities: { low: { priority: p3.value } },
      eventTypeOverrides: [{ eventType: 'mfa.disable', issueType: it2.value }],
      note: { visibility: 'internal' },
      contractOnTickets: true
    })
    const contractId = saved.settings.orgContracts[saOrg.customerId]
    const theirs = await bridgeCall(page, bridge.origin, 'listOrgContracts', {
      source: 'saasalerts',
      orgId: saOrg.customerId
    })
    expect(theirs.contracts.find((c) => c.id === contractId)?.name).toContain('E2E Security Agreement')

    // A test ticket as a low-severity mfa.disable alert: the low priority and the override's issue type.
    const test = page.getByRole('region', { name: 'Send test ticket' })
    await test.getByLabel('Customer').selectOption(s.customer.id)
    await test.getByLabel('As severity').selectOption('low')
    await test.getByLabel('Test event type').fill('mfa.disable')
    await test.getByRole('button', { name: 'Send test ticket' }).click()
    await expect(test.getByLabel('Test ticket result')).toContainText('[TEST] Low:')
    const ticket = simTickets(sims, psa).find((t) => t.subject.startsWith('[TEST] Low:'))!
    expect(ticket).toMatchObject({ customerId: s.customer.id, priority: p3.value })

    await goToStep(page, 'Activity')
    const tickets = page.getByRole('table', { name: 'Generated tickets' })
    const row = tickets.getByRole('row').filter({ hasText: 'Test ticket' })
    await expect(row).toContainText(`#${ticket.number}`)
    await expect(row).toContainText(s.customer.name)
  })
}

/** A contract of the customer in the PSA sim, so the picker has a known one to find. */
function addContract(sims: Parameters<typeof simTickets>[0], psa: Psa, customerId: string, name: string): void {
  if (psa === 'syncro') {
    const a = sims.syncro.account()
    ;(a.contracts ??= []).push({
      id: 990_001,
      customer_id: Number(customerId),
      name,
      status: 'Active',
      start_date: '2026-01-01T00:00:00.000Z',
      end_date: null
    })
    return
  }
  const start = new Date(Date.UTC(2026, 0, 1)).toISOString()
  sims.autotask.state.tables.Contracts.push({
    id: 990_001,
    companyID: Number(customerId),
    contractName: name,
    contractNumber: 'E2E-1',
    contractType: 1,
    contractCategory: 1,
    contractPeriodType: 1,
    status: 1,
    startDate: start,
    endDate: new Date(Date.UTC(2030, 0, 1)).toISOString(),
    isDefaultContract: false
  })
}
