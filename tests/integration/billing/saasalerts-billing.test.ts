import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { putMapping, saveOrgs } from '../../../src/main/customers/store'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()
const SA = 'saasalerts'
const ZONE = 'America/New_York' // the billing zone's default

// Issue 15: a SaaS Alerts org's metric is its billable users on the billing date, pushed on the User Sync Day through
// the same plan → preview → push → Activity path as JumpCloud's HWM, to its own line. One PSA customer mapped from a
// JumpCloud org and a SaaS Alerts org bills each source on its own line without either touching the other's.
describe.each(['syncro', 'autotask'] as const)('SaaS Alerts billable users on %s', (psa) => {
  it('pushed on the sync day only, to its own line beside JumpCloud’s; needs a Default Contract Service', async () => {
    const t = Date.now()
    const h = await harness(psa, { mappings: 1, now: () => new Date(t) })
    const jc = h.mapped[0]!
    await h.call('saveSaasAlerts', { apiKey: h.sims.credentials.saasalerts.apiKey })
    const targets = await h.call('listBillingTargets', { source: 'jumpcloud', orgId: jc.orgId })
    // A second line of the same customer carries SaaS Alerts' billing.
    const other = targets.containers
      .flatMap((c) => c.items.map((i) => ({ containerId: c.id, itemId: i.id, qty: i.quantity })))
      .find((x) => x.itemId !== jc.itemId)
    if (!other) throw new Error('seed: the customer has a single billing line')
    const saOrg = h.sims.saasalerts.state.customers[0]!
    const at = new Date(t).toISOString()
    saveOrgs(h.app.db, SA, [{ id: saOrg.customerId, name: saOrg.name }], at)
    putMapping(h.app.db, {
      psa,
      source: SA,
      orgId: saOrg.customerId,
      customerId: targets.customerId,
      origin: 'manual',
      actor: 'test',
      now: at
    })
    const saved = await h.call('saveBillingMapping', {
      source: SA,
      orgId: saOrg.customerId,
      containerId: other.containerId,
      itemId: other.itemId,
      metric: 'users',
      nonBillable: 0,
      unitCost: null,
      unitPrice: null
    })
    const today = DateTime.fromMillis(t, { zone: ZONE })
    const tomorrow = today.plus({ days: 1 })
    h.sims.saasalerts.control.setBillableUsers({
      billingDate: today.toISODate()!,
      users: { [saOrg.customerId]: other.qty + 7 }
    })
    h.setUsage(jc.orgId, jc.initial + 2)

    const refused = await h.app.dispatch('saveBillingSettings', {
      sourceBilling: { [SA]: { enabled: true, syncDay: today.day, defaultService: null } }
    })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('Default Contract Service') }
    })
    const service = { id: 'svc-1', name: 'SaaS Alerts Users' }
    await h.call('saveBillingSettings', {
      sourceBilling: { [SA]: { enabled: true, syncDay: tomorrow.day, defaultService: service } }
    })

    // Not the sync day: held with the reason, nothing written to its line; JumpCloud's HWM is pushed as always.
    const off = await h.call('pushSync', {})
    expect(off.items.find((i) => i.mappingId === saved.mappingId)).toMatchObject({
      result: 'held',
      code: 'not-sync-day'
    })
    expect(off.items.find((i) => i.mappingId === jc.mappingId)).toMatchObject({
      result: 'written',
      newQuantity: jc.initial + 2
    })
    expect(h.psaQuantity(other)).toBe(other.qty)

    // The sync day: previewed, then pushed to its own line; JumpCloud's line stays as it was.
    await h.call('saveBillingSettings', {
      sourceBilling: { [SA]: { enabled: true, syncDay: today.day, defaultService: service } }
    })
    const preview = await h.call('previewSync', {})
    expect(preview.items.find((i) => i.mappingId === saved.mappingId)).toMatchObject({
      result: 'planned',
      orgName: saOrg.name,
      current: other.qty,
      newQuantity: other.qty + 7
    })
    expect(h.psaQuantity(other)).toBe(other.qty)
    const writes = h.psaWrites()
    const on = await h.call('pushSync', {})
    expect(on.status).toBe('ok')
    expect(on.items.find((i) => i.mappingId === saved.mappingId)).toMatchObject({
      result: 'written',
      newQuantity: other.qty + 7
    })
    expect(on.items.find((i) => i.mappingId === jc.mappingId)).toMatchObject({ result: 'unchanged' })
    expect(h.psaWrites() - writes).toBe(1)
    expect(h.psaQuantity(other)).toBe(other.qty + 7)
    expect(h.psaQuantity(jc)).toBe(jc.initial + 2)
    const activity = await h.call('getRun', { runId: on.runId })
    expect(activity.items.find((i) => i.mappingId === saved.mappingId)).toMatchObject({
      result: 'written',
      orgId: saOrg.customerId
    })

    // Pushed again the same day: nothing changed, nothing written.
    const again = await h.call('pushSync', {})
    expect(again.items.find((i) => i.mappingId === saved.mappingId)).toMatchObject({ result: 'unchanged' })
    expect(h.psaWrites() - writes).toBe(1)
  }, 60_000)
})
