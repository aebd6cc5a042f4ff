import { describe, expect, it } from 'vitest'
import { applyAdjustment } from '../../sims/autotask/billing'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 10 defect 1. Autotask prorates by effective date and splits a period's ContractServiceUnits row at each
// adjustment (tests/sims/autotask/billing.ts cites the docs); adjustments effective at push time left December billed
// at 24, 31 and 33 for parts of the month and at its HWM (40) only from Jan 1 UTC. Every push must post from the start
// of the billing period the billing month (New York) falls in, so the whole period carries the HWM.

/** The first day of the month `offset` months after the current UTC month, as [year, month 0-11]. */
function monthFromNow(offset: number): [number, number] {
  const d = new Date()
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1))
  return [m.getUTCFullYear(), m.getUTCMonth()]
}

describe('Autotask billing periods', () => {
  it('every push of a month, even one after 20:00 New York on its last day, makes the whole period carry the HWM; a decrease too', async () => {
    let now = new Date()
    const h = await harness('autotask', { mappings: 1, now: () => now })
    const [m] = h.mapped as [(typeof h.mapped)[0]]
    const rows = () =>
      h.sims.autotask.state.tables.ContractServiceUnits.filter((r) => r.contractServiceID === Number(m.itemId))
    /** Units of every row overlapping [from, to) UTC. */
    const unitsIn = (from: number, to: number) =>
      rows()
        .filter((r) => Date.parse(String(r.startDate)) < to && Date.parse(String(r.endDate)) >= from)
        .map((r) => r.units)

    // A month in the middle of the seeded contract (it runs 6 months either side of today).
    const [y, mo] = monthFromNow(1)
    const periodStart = Date.UTC(y, mo, 1)
    const nextStart = Date.UTC(y, mo + 1, 1)
    const lastDay = new Date(nextStart - 86_400_000).getUTCDate()
    // 12:00 New York on days 1, 5 and 14, then 21:00 on the last day (already the next month in UTC).
    const pushes: Array<[string, number]> = [
      [new Date(Date.UTC(y, mo, 1, 17)).toISOString(), 24],
      [new Date(Date.UTC(y, mo, 5, 17)).toISOString(), 31],
      [new Date(Date.UTC(y, mo, 14, 17)).toISOString(), 33],
      [new Date(Date.UTC(y, mo, lastDay + 1, 2)).toISOString(), 40]
    ]
    for (const [at, users] of pushes) {
      now = new Date(at)
      h.setUsage(m.orgId, users)
      const r = await h.call('pushSync', {})
      expect(r.status).toBe('ok')
      // After each push the whole period reads the month's HWM so far: no split row at a lower count.
      expect(unitsIn(periodStart, nextStart)).toEqual([users])
    }
    const adjustments = h.sims.autotask.state.tables.ContractServiceAdjustments
    expect(adjustments.map((a) => a.effectiveDate)).toEqual(pushes.map(() => new Date(periodStart).toISOString()))
    expect(adjustments.map((a) => a.unitChange)).toEqual([24 - m.initial, 7, 2, 7])
    expect(unitsIn(periodStart, nextStart)).toEqual([40])

    // Next month the count falls; the decrease is posted from that period's start and leaves this one at 40.
    now = new Date(Date.UTC(y, mo + 1, 3, 17))
    h.setUsage(m.orgId, 28)
    const down = await h.call('pushSync', {})
    expect(down.items[0]).toMatchObject({ action: 'decrease', current: 40, newQuantity: 28, result: 'written' })
    expect(adjustments.at(-1)).toMatchObject({ effectiveDate: new Date(nextStart).toISOString(), unitChange: -12 })
    expect(unitsIn(periodStart, nextStart)).toEqual([40])
    expect(unitsIn(nextStart, Date.UTC(y, mo + 2, 1))).toEqual([28])
  })

  it('a period split by an older mid-period adjustment is evened out to the HWM', async () => {
    let now = new Date()
    const h = await harness('autotask', { mappings: 1, now: () => now })
    const [m] = h.mapped as [(typeof h.mapped)[0]]
    const [y, mo] = monthFromNow(1)
    const periodStart = Date.UTC(y, mo, 1)
    const nextStart = Date.UTC(y, mo + 1, 1)
    // What an older version did: +7 effective on the 5th at push time.
    const state = h.sims.autotask.state
    const cs = state.tables.ContractServices.find((r) => r.id === Number(m.itemId))!
    applyAdjustment(
      state,
      {
        contractServiceID: cs.id,
        serviceID: cs.serviceID,
        unitChange: 7,
        effectiveDate: new Date(Date.UTC(y, mo, 5, 17)).toISOString()
      },
      Number(m.containerId)
    )
    now = new Date(Date.UTC(y, mo, 20, 17))
    h.setUsage(m.orgId, m.initial + 7)
    const r = await h.call('pushSync', {})
    expect(r.items[0]).toMatchObject({ current: m.initial, newQuantity: m.initial + 7, result: 'written' })
    const units = state.tables.ContractServiceUnits.filter(
      (u) =>
        u.contractServiceID === cs.id &&
        Date.parse(String(u.startDate)) < nextStart &&
        Date.parse(String(u.endDate)) >= periodStart
    ).map((u) => u.units)
    expect(new Set(units)).toEqual(new Set([m.initial + 7]))
    // And a push right after has nothing left to even out.
    expect((await h.call('pushSync', {})).counts).toMatchObject({ written: 0, unchanged: 1 })
  })
})
