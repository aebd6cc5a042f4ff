import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { putMapping, saveOrgs } from '../../../src/main/customers/store'
import { useBillingHarness, type BillingHarness, type Psa } from './harness'

const harness = useBillingHarness()
const SA = 'saasalerts'
const ZONE = 'America/New_York' // the billing zone's default

// Issue 15: "the default service is added to a contract that lacks it, once". Per org, its contract and the option
// "add the default contract service"; on the User Sync Day the push adds the service to the contract (Autotask
// POST /Contracts/{id}/Services; Syncro POST /schedules/{id}/add_line_item), makes the org's billing mapping, and sets
// its units — never a second time, whether the next push is a retry, a lost reply or a restart after a crash.

const ADD = {
  syncro: { method: 'POST', path: '/add_line_item$' },
  autotask: { method: 'POST', path: '/Contracts/\\d+/Services$' }
} as const

/** One SaaS Alerts org mapped to the JumpCloud-mapped customer, its contract, and a catalogue service not on it. */
async function setup(h: BillingHarness, psa: Psa, today: DateTime) {
  const jc = h.mapped[0]!
  await h.call('saveSaasAlerts', { apiKey: h.sims.credentials.saasalerts.apiKey })
  const targets = await h.call('listBillingTargets', { source: 'jumpcloud', orgId: jc.orgId })
  const container = targets.containers.find((c) => c.id === jc.containerId)!
  const saOrg = h.sims.saasalerts.state.customers[0]!
  const at = today.toJSDate().toISOString()
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
  const onContract = new Set(serviceIdsOn(h, psa, container.id))
  const services = await h.call('listPsaServices', {})
  const service = services.find((s) => !onContract.has(s.id))
  if (!service) throw new Error('seed: every catalogue service is already on the contract')
  h.sims.saasalerts.control.setBillableUsers({ billingDate: today.toISODate()!, users: { [saOrg.customerId]: 9 } })
  return { jc, container, saOrg, service: { id: service.id, name: service.name } }
}

function serviceIdsOn(h: BillingHarness, psa: Psa, containerId: string): string[] {
  if (psa === 'syncro')
    return h.sims.syncro
      .account()
      .schedules.find((s) => String(s.id) === containerId)!
      .lines.map((l) => String(l.product_id))
  return h.sims.autotask.state.tables.ContractServices.filter((r) => String(r.contractID) === containerId).map((r) =>
    String(r.serviceID)
  )
}

function adds(h: BillingHarness, psa: Psa): number {
  const re = new RegExp(ADD[psa].path, 'i')
  const list = psa === 'syncro' ? h.sims.syncro.requests : h.sims.autotask.requests
  return list.filter((r) => r.method === 'POST' && re.test(r.path)).length
}

function orgSettings(containerId: string, containerName: string, addDefaultService: boolean) {
  return { containerId, containerName, addDefaultService, unitCost: 2.25, unitPrice: 4.5 }
}

describe.each(['syncro', 'autotask'] as const)('Default Contract Service added once on %s', (psa) => {
  it('added once with its units and price; the next push adds nothing; an org without the option is told why', async () => {
    const t = Date.now()
    const today = DateTime.fromMillis(t, { zone: ZONE })
    const h = await harness(psa, { mappings: 1, now: () => new Date(t) })
    const { container, saOrg, service } = await setup(h, psa, today)
    const orgs = { [saOrg.customerId]: orgSettings(container.id, container.name, false) }
    // The option on without a contract is refused with the reason.
    const refused = await h.app.dispatch('saveBillingSettings', {
      sourceBilling: {
        [SA]: {
          enabled: true,
          syncDay: today.day,
          defaultService: service,
          orgs: { [saOrg.customerId]: { ...orgs[saOrg.customerId]!, containerId: null, addDefaultService: true } }
        }
      }
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } })
    await h.call('saveBillingSettings', {
      sourceBilling: { [SA]: { enabled: true, syncDay: today.day, defaultService: service, orgs } }
    })

    // Option off: no service, and the run says why.
    const off = await h.call('pushSync', {})
    expect(off.items.find((i) => i.orgId === saOrg.customerId)).toMatchObject({
      mappingId: '',
      result: 'blocked',
      code: 'no-add-default-service',
      orgName: saOrg.name
    })
    expect(adds(h, psa)).toBe(0)
    expect(serviceIdsOn(h, psa, container.id)).not.toContain(service.id)

    // Option on: the preview writes nothing and says what a push would do.
    orgs[saOrg.customerId]!.addDefaultService = true
    await h.call('saveBillingSettings', {
      sourceBilling: { [SA]: { enabled: true, syncDay: today.day, defaultService: service, orgs } }
    })
    const preview = await h.call('previewSync', {})
    expect(preview.items.find((i) => i.orgId === saOrg.customerId)).toMatchObject({
      result: 'planned',
      code: 'service-added',
      newQuantity: 9
    })
    expect(adds(h, psa)).toBe(0)

    const on = await h.call('pushSync', {})
    const row = on.items.find((i) => i.orgId === saOrg.customerId && i.mappingId !== '')
    expect(row).toMatchObject({ result: 'written', newQuantity: 9, source: SA })
    expect(adds(h, psa)).toBe(1)
    const ids = serviceIdsOn(h, psa, container.id).filter((x) => x === service.id)
    expect(ids).toHaveLength(1)
    expect(h.psaQuantity({ containerId: container.id, itemId: row!.target.itemId })).toBe(9)
    const view = await h.call('getBillingView', {})
    expect(view.mappings.find((m) => m.mappingId === row!.mappingId)).toMatchObject({
      source: SA,
      orgId: saOrg.customerId,
      unitCost: 2.25,
      unitPrice: 4.5
    })

    // The next push (and the one after a change of count) never adds it again.
    h.sims.saasalerts.control.setBillableUsers({ billingDate: today.toISODate()!, users: { [saOrg.customerId]: 11 } })
    const again = await h.call('pushSync', {})
    expect(again.items.find((i) => i.mappingId === row!.mappingId)).toMatchObject({
      result: 'written',
      newQuantity: 11
    })
    expect(adds(h, psa)).toBe(1)
    expect(serviceIdsOn(h, psa, container.id).filter((x) => x === service.id)).toHaveLength(1)
  }, 90_000)

  it('a lost reply to the add is settled by a re-read; a line left by a crash is taken, never added twice', async () => {
    const t = Date.now()
    const today = DateTime.fromMillis(t, { zone: ZONE })
    const h = await harness(psa, { mappings: 1, now: () => new Date(t) })
    const { container, saOrg, service } = await setup(h, psa, today)
    const save = (orgs: Record<string, ReturnType<typeof orgSettings>>) =>
      h.call('saveBillingSettings', {
        sourceBilling: { [SA]: { enabled: true, syncDay: today.day, defaultService: service, orgs } }
      })
    await save({ [saOrg.customerId]: orgSettings(container.id, container.name, true) })
    const sim = psa === 'syncro' ? h.sims.syncro : h.sims.autotask
    // The add is done in the PSA but its reply is lost: the run re-reads the contract and takes the line it finds.
    sim.faults.add({ kind: 'drop-reply', count: 1, match: ADD[psa] })
    const first = await h.call('pushSync', {})
    const row = first.items.find((i) => i.orgId === saOrg.customerId)
    expect(row).toMatchObject({ result: 'written', newQuantity: 9 })
    expect(adds(h, psa)).toBe(1)
    expect(serviceIdsOn(h, psa, container.id).filter((x) => x === service.id)).toHaveLength(1)
    expect(h.psaQuantity({ containerId: container.id, itemId: row!.target.itemId })).toBe(9)

    // A crash between an add and its mapping's record leaves a line of the service that no mapping carries: the same
    // state as here once the mapping is deleted. The next push takes that line and adds nothing.
    await h.call('deleteBillingMapping', { mappingId: row!.mappingId })
    const second = await h.call('pushSync', {})
    const again = second.items.find((i) => i.orgId === saOrg.customerId)
    expect(again).toMatchObject({ result: 'unchanged', newQuantity: 9 })
    expect(again!.target.itemId).toBe(row!.target.itemId)
    expect(adds(h, psa)).toBe(1)
    expect(serviceIdsOn(h, psa, container.id).filter((x) => x === service.id)).toHaveLength(1)
  }, 90_000)
})
