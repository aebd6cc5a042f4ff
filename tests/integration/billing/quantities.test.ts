// The optional batch read (PsaConnector.getQuantities) each PSA connector offers billing runs: same values as
// getQuantity, vanished targets left out, and fewer requests than one per target.
import { afterEach, describe, expect, it } from 'vitest'
import { targetKey, type QuantityRead } from '../../../src/main/connectors/types'

/** A read's quantity (undefined when missing; an Error value fails the test). */
function qty(got: Map<string, QuantityRead | Error>, key: string): number | undefined {
  const r = got.get(key)
  if (r instanceof Error) throw r
  return r?.quantity
}
import { LIST_ALL_FROM } from '../../../src/main/connectors/syncro/quantities'
import { unitsAt, type AutotaskState } from '../../sims/autotask'
import { addPeriods, applyAdjustment, monthStart } from '../../sims/autotask/billing'
import { nextId } from '../../sims/autotask/model'
import { startHarness as startAutotask, NOW } from '../autotask/setup'
import { withSim } from '../syncro/setup'

type Target = { containerId: string; itemId: string }

/** n contract services, each on its own active recurring contract with whole monthly periods holding i + 1 units. */
function addWholeServices(state: AutotaskState, n: number): Target[] {
  const t = state.tables
  const base = t.Contracts.find((c) => c.contractType === 7 && c.status === 1)!
  const serviceID = t.Services[0]!.id
  return Array.from({ length: n }, (_, i) => {
    const contract = {
      ...base,
      id: nextId(state),
      startDate: monthStart(NOW, -2).toISOString(),
      endDate: new Date(monthStart(NOW, 3).getTime() - 1).toISOString()
    }
    t.Contracts.push(contract)
    const cs = {
      id: nextId(state),
      contractID: contract.id,
      serviceID,
      unitPrice: 12,
      unitCost: 5,
      invoiceDescription: null,
      internalDescription: null
    }
    t.ContractServices.push(cs)
    addPeriods(state, contract, cs, i + 1)
    return { containerId: String(contract.id), itemId: String(cs.id) }
  })
}

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()))
})

describe('Syncro getQuantities', () => {
  it('one GET per distinct recurring invoice for small runs; lines of one invoice share it; deleted lines are missing', async () => {
    const { sim, connect } = await withSim()
    closers.push(() => sim.close())
    const c = connect()
    const multi = sim.account().schedules.find((s) => s.lines.length >= 2)!
    const other = sim.account().schedules.find((s) => s !== multi && s.lines.length >= 1)!
    const targets = [...multi.lines, ...other.lines].map((l) => ({
      containerId: String(l.schedule_id),
      itemId: String(l.id)
    }))
    const gone = other.lines.splice(0, 1)[0]!
    const before = sim.requests.length
    const got = await c.getQuantities!(targets)
    expect(sim.requests.length - before).toBe(2)
    for (const l of [...multi.lines, ...other.lines])
      expect(qty(got, targetKey({ containerId: String(l.schedule_id), itemId: String(l.id) }))).toBe(Number(l.quantity))
    expect(got.has(targetKey({ containerId: String(gone.schedule_id), itemId: String(gone.id) }))).toBe(false)
    expect(got.size).toBe(targets.length - 1)
  })

  it('lists all recurring invoices page by page once a run spans many of them', async () => {
    const { sim, connect } = await withSim({ size: 200 })
    closers.push(() => sim.close())
    const schedules = sim.account().schedules.filter((s) => s.lines.length > 0)
    expect(schedules.length).toBeGreaterThanOrEqual(LIST_ALL_FROM)
    const targets = schedules.map((s) => ({ containerId: String(s.id), itemId: String(s.lines[0]!.id) }))
    const before = sim.requests.length
    const got = await connect().getQuantities!(targets)
    const requests = sim.requests.slice(before)
    expect(requests.every((r) => r.method === 'GET' && r.path.endsWith('/schedules'))).toBe(true)
    expect(requests.length).toBeLessThan(targets.length / 4)
    schedules.forEach((s) =>
      expect(qty(got, targetKey({ containerId: String(s.id), itemId: String(s.lines[0]!.id) }))).toBe(
        Number(s.lines[0]!.quantity)
      )
    )
  })
  it('hands each page on as it arrives (a run writes while later pages load); what it told is what it returns', async () => {
    const { sim, connect } = await withSim({ size: 200 })
    closers.push(() => sim.close())
    const schedules = sim.account().schedules.filter((s) => s.lines.length > 0)
    const targets = schedules.map((s) => ({ containerId: String(s.id), itemId: String(s.lines[0]!.id) }))
    const before = sim.requests.length
    const told = new Map<string, { read: QuantityRead | Error; requestsSoFar: number }>()
    const got = await connect().getQuantities!(targets, {
      onRead: (key, read) => {
        expect(told.has(key)).toBe(false) // told once
        told.set(key, { read, requestsSoFar: sim.requests.length - before })
      }
    })
    const pages = sim.requests.length - before
    expect(pages).toBeGreaterThan(2)
    expect([...told.keys()].sort()).toEqual([...got.keys()].sort())
    for (const [key, t] of told) expect(t.read).toEqual(got.get(key))
    // The first page's lines were told after one request, long before the last page was asked for.
    expect(Math.min(...[...told.values()].map((t) => t.requestsSoFar))).toBe(1)
  })
})

describe('Autotask getQuantities', () => {
  it('a steady read is one units query per 500 services (600 → 2), with the units, cost and price the sim holds', async () => {
    const h = await startAutotask()
    closers.push(() => h.sim.close())
    const targets = addWholeServices(h.sim.state, 600)
    const before = h.sim.requests.length
    const got = await h.connector.getQuantities!(targets)
    const sent = h.sim.requests.slice(before)
    expect(sent).toHaveLength(2)
    expect(sent.every((r) => /ContractServiceUnits\/query$/i.test(r.path))).toBe(true)
    expect(got.size).toBe(600)
    for (const [i, t] of targets.entries())
      expect(got.get(targetKey(t))).toEqual({ quantity: i + 1, unitCost: 5, unitPrice: 12 })
  })

  it('targets the current rows cannot settle get the full read: moved to another contract → missing, a split period → split', async () => {
    const h = await startAutotask()
    closers.push(() => h.sim.close())
    const [fine, moved, split] = addWholeServices(h.sim.state, 3) as [Target, Target, Target]
    // Someone adjusted the split service by hand in mid-period: its period now holds 2, then 9.
    applyAdjustment(h.sim.state, {
      contractID: Number(split.containerId),
      contractServiceID: Number(split.itemId),
      serviceID: h.sim.state.tables.ContractServices.find((cs) => String(cs.id) === split.itemId)!.serviceID,
      unitChange: 6,
      effectiveDate: '2026-03-10T00:00:00.000Z'
    })
    const foreign = { ...moved, containerId: '424242' }
    const before = h.sim.requests.length
    const got = await h.connector.getQuantities!([fine, foreign, split])
    // The units query, then the full read of the two in doubt: services (ownership), contracts, units.
    expect(h.sim.requests.length - before).toBe(4)
    expect(got.get(targetKey(fine))).toEqual({ quantity: 1, unitCost: 5, unitPrice: 12 })
    expect(got.has(targetKey(foreign))).toBe(false)
    expect(got.get(targetKey(split))).toMatchObject({ quantity: 3, split: true })
    expect(await h.connector.getQuantity(split)).toEqual(got.get(targetKey(split)))
  })

  it('setQuantities re-reads in three queries, then posts one adjustment per change with the same checks as setQuantity', async () => {
    const h = await startAutotask()
    closers.push(() => h.sim.close())
    const t = h.sim.state.tables
    const active = new Set(t.Contracts.filter((c) => c.contractType === 7 && c.status === 1).map((c) => c.id))
    const services = t.ContractServices.filter((cs) => active.has(cs.contractID)).slice(0, 4)
    const at = NOW.toISOString().slice(0, 10)
    const units = services.map((cs) => unitsAt(h.sim.state, cs.id as number, NOW) ?? 0)
    const ref = (i: number) => ({ containerId: String(services[i]!.contractID), itemId: String(services[i]!.id) })
    const writes = [
      { target: ref(0), change: { from: units[0]!, to: units[0]! + 3, billingDay: at } }, // written
      { target: ref(1), change: { from: units[1]! + 1, to: units[1]! + 5, billingDay: at } }, // someone changed it: conflict
      { target: ref(2), change: { from: units[2]! + 9, to: units[2]!, billingDay: at } }, // already there: nothing to post
      {
        target: { ...ref(3), containerId: '424242' },
        change: { from: units[3]!, to: units[3]! + 1, billingDay: at }
      } // moved: not-found
    ]
    const before = h.sim.requests.length
    const results = await h.connector.setQuantities!(writes)
    const sent = h.sim.requests.slice(before)
    expect(sent.filter((r) => /\/query$/i.test(r.path))).toHaveLength(3)
    expect(sent.filter((r) => !/\/query$/i.test(r.path)).map((r) => r.path)).toEqual([
      expect.stringMatching(new RegExp(`Contracts/${services[0]!.contractID}/ServiceAdjustments$`, 'i'))
    ])
    expect(results.map((r) => (r === null ? null : (r as { code?: string }).code))).toEqual([
      null,
      'conflict',
      null,
      'not-found'
    ])
    expect(unitsAt(h.sim.state, services[0]!.id as number, NOW)).toBe(units[0]! + 3)
    expect(unitsAt(h.sim.state, services[1]!.id as number, NOW)).toBe(units[1])
  })
})
