import { describe, expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 10 defect 3: unmapping an org used to drop its billing mapping from the plan silently while the view kept
// showing its last "written" result, so its PSA line froze at the old quantity with nothing saying so.
describe.each(['syncro', 'autotask'] as const)('an unmapped org on %s', (psa) => {
  it('its billing mapping is listed as blocked in the preview, the push and the Billing view; its line is left alone', async () => {
    const h = await harness(psa, { mappings: 2 })
    const [gone, kept] = h.mapped as [(typeof h.mapped)[0], (typeof h.mapped)[0]]
    h.setUsage(gone.orgId, gone.initial + 3)
    h.setUsage(kept.orgId, kept.initial + 4)
    await h.call('pushSync', {})
    expect(h.psaQuantity(gone)).toBe(gone.initial + 3)

    await h.call('unmapOrg', { source: 'jumpcloud', orgId: gone.orgId })
    h.setUsage(gone.orgId, gone.initial + 9)
    h.setUsage(kept.orgId, kept.initial + 6)

    const preview = await h.call('previewSync', {})
    expect(preview.items.find((i) => i.mappingId === gone.mappingId)).toMatchObject({
      action: 'blocked',
      code: 'org-unmapped',
      result: 'blocked'
    })
    const push = await h.call('pushSync', {})
    expect(push.counts).toMatchObject({ written: 1, blocked: 1 })
    expect(push.items.find((i) => i.mappingId === gone.mappingId)).toMatchObject({ result: 'blocked' })
    // PSA side: the unmapped org's line keeps its quantity; the other org's line moves on.
    expect(h.psaQuantity(gone)).toBe(gone.initial + 3)
    expect(h.psaQuantity(kept)).toBe(kept.initial + 6)

    const view = await h.call('getBillingView', {})
    const row = view.mappings.find((m) => m.mappingId === gone.mappingId)!
    expect(row.blocked).toMatch(/no longer mapped/)
    expect(row.lastSyncResult).toMatch(/^blocked/)
    expect(view.mappings.find((m) => m.mappingId === kept.mappingId)!.blocked).toBeNull()
  })
})
