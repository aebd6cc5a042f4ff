import { kindLabel } from '../../src/shared/registry'
import { test, expect } from './fixtures'
import { bridgeCall, connectSyncroAndJumpCloud, getView } from './support/customers-page'

test.describe('Audit trail on Activity', () => {
  test('shows a mapping change with its door and old → new customer, filtered by kind', async ({
    app: page,
    bridge,
    sims
  }) => {
    await connectSyncroAndJumpCloud(bridge, sims)
    await bridgeCall(bridge, 'refreshData', { from: 'both' })
    const view = await getView(bridge)
    const org = view.orgs[0]!
    const [first, second] = view.customers
    await bridgeCall(bridge, 'mapOrg', { source: org.source, orgId: org.id, customerId: first!.id })
    await bridgeCall(bridge, 'mapOrg', { source: org.source, orgId: org.id, customerId: second!.id })

    await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: 'Activity' }).click()
    const audit = page.getByRole('table', { name: 'Audit trail' })
    await page.getByRole('combobox', { name: 'Kind of change' }).selectOption({ label: 'Customer mapping' })
    const change = audit
      .getByRole('row')
      .filter({ hasText: `${first!.name} (#${first!.id}) → ${second!.name} (#${second!.id})` })
    await expect(change).toHaveCount(1)
    await expect(change).toContainText('Browser bridge')
    await expect(change).toContainText(`${org.name} (${kindLabel(org.source)} org ${org.id})`)
    // Credentials rows are filtered out; choosing them shows them, without a secret.
    await expect(audit.getByRole('row').filter({ hasText: 'Syncro' })).toHaveCount(0)
    await page.getByRole('combobox', { name: 'Kind of change' }).selectOption({ label: 'Credentials' })
    await expect(audit.getByRole('row').filter({ hasText: 'verified and saved' }).first()).toBeVisible()
    await expect(audit).not.toContainText(sims.creds.syncro.apiToken)
  })
})
