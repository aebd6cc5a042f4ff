import { expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Disabling an org (Customers) ends its billing too; the app layer wires that step across the two domains.
it('disabling an org removes its billing mappings with its customer mapping, and only its own', async () => {
  const h = await harness('syncro', { mappings: 2 })
  const [off, on] = h.mapped as [(typeof h.mapped)[0], (typeof h.mapped)[0]]

  await h.call('setOrgDisabled', { source: 'jumpcloud', orgId: off.orgId, disabled: true })

  const view = await h.call('getBillingView', {})
  expect(view.mappings.map((m) => m.mappingId)).toEqual([on.mappingId])
  const push = await h.call('pushSync', {})
  expect(push.items.map((i) => i.mappingId)).toEqual([on.mappingId])
})
