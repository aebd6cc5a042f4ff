import { describe, expect, it } from 'vitest'
import { useBillingHarness, type BillingHarness } from './harness'

const harness = useBillingHarness()

/** Gives every mapped org a user count that differs from its PSA quantity, so the first push must write each. */
function spreadUsage(h: BillingHarness, offset = 5): number[] {
  return h.mapped.map((m) => {
    const users = m.initial + offset
    h.setUsage(m.orgId, users)
    return users
  })
}

describe.each(['syncro', 'autotask'] as const)('billing sync against the %s simulator', (psa) => {
  it('first push writes every mapped target; an immediate second push writes nothing; one count change writes one target', async () => {
    const h = await harness(psa)
    const users = spreadUsage(h)

    const preview = await h.call('previewSync', {})
    expect(preview.dryRun).toBe(true)
    expect(preview.counts).toEqual({
      written: 0,
      unchanged: 0,
      held: 0,
      blocked: 0,
      failed: 0,
      planned: h.mapped.length
    })
    expect(preview.items.map((i) => [i.action, i.result, i.newQuantity])).toEqual(
      users.map((u) => ['increase', 'planned', u])
    )
    expect(h.psaWrites()).toBe(0) // a preview never writes
    expect(((await h.call('getStatus', {})) as { lastSync: unknown }).lastSync).toBeNull() // nor counts as a sync

    const first = await h.call('pushSync', {})
    expect(first).toMatchObject({ status: 'ok', counts: { written: h.mapped.length, unchanged: 0, failed: 0 } })
    h.mapped.forEach((m, i) => expect(h.psaQuantity(m)).toBe(users[i]))
    const writesAfterFirst = h.psaWrites()
    expect(writesAfterFirst).toBe(h.mapped.length)
    expect(((await h.call('getStatus', {})) as { lastSync: unknown }).lastSync).toMatchObject({
      result: `${h.mapped.length} written, 0 unchanged`
    })

    const readsBefore = h.psaRequests()
    const second = await h.call('pushSync', {})
    expect(second).toMatchObject({ status: 'ok', counts: { written: 0, unchanged: h.mapped.length } })
    expect(h.psaWrites()).toBe(writesAfterFirst)
    // Economy: Syncro reads one recurring invoice per target; Autotask reads all targets' current units rows in one
    // query (the service and contract checks come before a write).
    expect(h.psaRequests() - readsBefore).toBe(psa === 'syncro' ? h.mapped.length : 1)

    const changed = h.mapped[1]!
    h.setUsage(changed.orgId, users[1]! + 7)
    const third = await h.call('pushSync', {})
    expect(third.counts).toMatchObject({ written: 1, unchanged: h.mapped.length - 1 })
    expect(third.items.filter((i) => i.result === 'written').map((i) => i.mappingId)).toEqual([changed.mappingId])
    expect(h.psaWrites()).toBe(writesAfterFirst + 1)
    expect(h.psaQuantity(changed)).toBe(users[1]! + 7)

    // Activity: the run and its items, and the last result per mapping on the Billing view.
    const runs = await h.call('listRuns', {})
    expect(runs.map((r) => r.runId)).toEqual([third.runId, second.runId, first.runId])
    const detail = await h.call('getRun', { runId: third.runId })
    expect(detail.items.find((i) => i.result === 'written')).toMatchObject({
      orgId: changed.orgId,
      oldQuantity: users[1],
      newQuantity: users[1]! + 7
    })
    const view = await h.call('getBillingView', {})
    expect(view.mappings.find((m) => m.mappingId === changed.mappingId)).toMatchObject({
      hwm: users[1]! + 7,
      lastSyncResult: `written ${users[1]} → ${users[1]! + 7}`
    })
  })

  it('subtracts the non-billable count and never lets the HWM fall inside a month', async () => {
    const h = await harness(psa, { mappings: 1 })
    const m = h.mapped[0]!
    h.setUsage(m.orgId, m.initial + 10)
    await h.call('saveBillingMapping', {
      mappingId: m.mappingId,
      source: 'jumpcloud',
      orgId: m.orgId,
      containerId: m.containerId,
      itemId: m.itemId,
      metric: 'users',
      nonBillable: 3,
      unitCost: null
    })
    await h.call('pushSync', {})
    expect(h.psaQuantity(m)).toBe(m.initial + 7)
    h.setUsage(m.orgId, 1) // users left: the month's peak still stands
    const r = await h.call('pushSync', {})
    expect(r.items[0]).toMatchObject({ hwm: m.initial + 10, action: 'unchanged' })
    const hist = await h.call('getHwmHistory', { source: 'jumpcloud', orgId: m.orgId, months: 3 })
    expect(hist.months).toHaveLength(3)
    expect(hist.months[0]).toMatchObject({ users: null, devices: null }) // unknown, not 0
    expect(hist.months[2]).toMatchObject({ users: m.initial + 10 })
    // One point per day (its peak): both counts were taken today, so today's point is the higher one.
    expect(hist.currentMonth.points.filter((p) => p.metric === 'users').map((p) => p.count)).toEqual([m.initial + 10])
  })

  it('review-decreases holds a decrease until it is approved', async () => {
    const h = await harness(psa, { mappings: 2 })
    const [down, up] = h.mapped as [BillingHarness['mapped'][0], BillingHarness['mapped'][0]]
    const start = down.initial + 10
    h.setUsage(down.orgId, start)
    h.setUsage(up.orgId, up.initial)
    await h.call('pushSync', {})
    expect(h.psaQuantity(down)).toBe(start)

    await h.call('saveBillingSettings', { reviewDecreases: true })
    const before = h.psaWrites()
    h.setUsage(up.orgId, up.initial + 1)
    // The HWM cannot fall inside a month; a higher non-billable count is what lowers the quantity.
    const target = start - 2
    await h.call('saveBillingMapping', {
      mappingId: down.mappingId,
      source: 'jumpcloud',
      orgId: down.orgId,
      containerId: down.containerId,
      itemId: down.itemId,
      metric: 'users',
      nonBillable: 2,
      unitCost: null
    })

    const held = await h.call('pushSync', {})
    expect(held.items.find((i) => i.mappingId === down.mappingId)).toMatchObject({
      action: 'held',
      result: 'held',
      newQuantity: target,
      current: start
    })
    expect(held.counts).toMatchObject({ held: 1, written: 1 })
    expect(h.psaQuantity(down)).toBe(start)
    expect(h.psaWrites()).toBe(before + 1)

    // An approval for another number is refused (it would never release the decrease); the planned one is taken.
    await expect(h.call('approveDecrease', { mappingId: down.mappingId, to: target + 1 })).rejects.toMatchObject({
      appError: { code: 'validation', message: expect.stringContaining(`is ${target}, not ${target + 1}`) }
    })
    expect((await h.call('pushSync', {})).items.find((i) => i.mappingId === down.mappingId)).toMatchObject({
      result: 'held'
    })
    await h.call('approveDecrease', { mappingId: down.mappingId, to: target })
    const released = await h.call('pushSync', {})
    expect(released.items.find((i) => i.mappingId === down.mappingId)).toMatchObject({
      action: 'decrease',
      code: 'decrease-approved',
      result: 'written'
    })
    expect(h.psaQuantity(down)).toBe(target)
  })

  it('allow-zero off blocks a 0; turning it on writes it', async () => {
    const h = await harness(psa, { mappings: 1 })
    const m = h.mapped[0]!
    const start = m.initial + 4 // never 0, so a 0 is a change
    h.setUsage(m.orgId, start)
    await h.call('pushSync', {})
    m.initial = start
    await h.call('saveBillingMapping', {
      mappingId: m.mappingId,
      source: 'jumpcloud',
      orgId: m.orgId,
      containerId: m.containerId,
      itemId: m.itemId,
      metric: 'users',
      nonBillable: 1000,
      unitCost: null
    })
    const before = h.psaWrites()
    const blocked = await h.call('pushSync', {})
    expect(blocked.items[0]).toMatchObject({
      action: 'blocked',
      code: 'zero-not-allowed',
      result: 'blocked',
      newQuantity: 0
    })
    expect(blocked.counts.blocked).toBe(1)
    expect(h.psaWrites()).toBe(before)
    expect(h.psaQuantity(m)).toBe(m.initial)

    await h.call('saveBillingSettings', { allowZero: true })
    const written = await h.call('pushSync', {})
    expect(written.items[0]).toMatchObject({ action: 'decrease', result: 'written' })
    expect(h.psaQuantity(m)).toBe(0)
  })

  it('reports a target deleted in the PSA and still writes the others', async () => {
    const h = await harness(psa, { mappings: 3 })
    const users = spreadUsage(h, 2)
    const gone = h.mapped[0]!
    h.deleteTarget(gone)
    const r = await h.call('pushSync', {})
    expect(r.status).toBe('ok')
    expect(r.items[0]).toMatchObject({
      mappingId: gone.mappingId,
      action: 'blocked',
      code: 'target-vanished',
      result: 'blocked',
      current: null
    })
    expect(r.counts).toMatchObject({ written: 2, blocked: 1 })
    h.mapped.slice(1).forEach((m, i) => expect(h.psaQuantity(m)).toBe(users[i + 1]))
    const view = await h.call('getBillingView', {})
    expect(view.mappings.find((m) => m.mappingId === gone.mappingId)?.lastSyncResult).toMatch(/^blocked: /)
  })

  it('a disabled mapping is not synced; disabling needs a confirm', async () => {
    const h = await harness(psa, { mappings: 2 })
    spreadUsage(h)
    const off = h.mapped[0]!
    await expect(h.call('setBillingMappingEnabled', { mappingId: off.mappingId, enabled: false })).rejects.toThrow(
      /confirm/
    )
    await h.call('setBillingMappingEnabled', { mappingId: off.mappingId, enabled: false, confirm: true })
    const r = await h.call('pushSync', {})
    expect(r.items.map((i) => i.mappingId)).toEqual([h.mapped[1]!.mappingId])
    expect(h.psaQuantity(off)).toBe(off.initial)
  })
})

describe('usage snapshots', () => {
  it('are taken for every synced org, also those without a billing mapping yet', async () => {
    const h = await harness('syncro', { mappings: 1 })
    const view = await h.call('getCustomersView', {})
    const extra = view.orgs.find((o) => !h.mapped.some((m) => m.orgId === o.id))!
    await h.call('mapOrg', {
      source: 'jumpcloud',
      orgId: extra.id,
      customerId: view.customers.find((c) => !h.mapped.some((m) => m.orgId === c.id))!.id
    })
    h.setUsage(extra.id, 17, 4)
    await h.call('previewSync', {})
    const hist = await h.call('getHwmHistory', { source: 'jumpcloud', orgId: extra.id, months: 1 })
    expect(hist.months).toEqual([{ month: hist.currentMonth.month, users: 17, devices: 4 }])
    expect((await h.call('getBillingView', {})).orgsWithoutBilling.map((o) => o.orgId)).toContain(extra.id)
  })
})
