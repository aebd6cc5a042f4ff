import { expect } from 'vitest'
import type { AlertList, TicketingView } from '../../../src/shared/contract/ticketing'
import { NOT_WRITTEN } from '../../../src/main/billing/reconcile'
import { startBillingHarness, type BillingHarness, type Psa } from '../../integration/billing/harness'
import { psaTickets } from '../../integration/ticketing/setup'
import { mulberry32 } from '../../sims/common/random'

// One "world" for the proof suites: the real core on the four simulators, billing mapped for a few orgs, ticketing
// switched on, and an oracle of what the PSA must hold once everything has converged (quantities = the month's
// high-water mark of what JumpCloud reported, one ticket per alert group carrying every alert of that group).

/** Alerts the suites raise: one group per (org, event type, user or device). */
const KINDS: Array<{ eventType: string; who: (n: number) => { user?: string; device?: string } }> = [
  { eventType: 'user_lockout', who: (n) => ({ user: `user-${n}` }) },
  { eventType: 'user_password_expired', who: (n) => ({ user: `user-${n}` }) },
  { eventType: 'system_fde_key_decrypt', who: (n) => ({ device: `LAPTOP-${n}` }) }
]

export interface World {
  h: BillingHarness
  psa: Psa
  /** PSA requests that set a quantity (Syncro line item PUTs, Autotask service adjustments). */
  quantityWrites(): number
  rng: () => number
  /** Users JumpCloud reports now per mapped org; only ever raised, so the month's HWM is the last value. */
  usage: Map<string, number>
  /** Injected alert event ids by group. */
  groups: Map<string, string[]>
  /** Raise some orgs' user counts and add a few alerts (repeats of earlier groups included). */
  step(): void
  /** Everything the PSA and the run history must show once converged. */
  verify(): Promise<void>
  /** The HWM history survived: each org's month HWM and its daily peak are the users it reports now. */
  verifyHwmHistory(): Promise<void>
}

export async function startWorld(
  psa: Psa,
  opts: { seed: number; mappings?: number; orgs?: number; env?: NodeJS.ProcessEnv; unlimited?: boolean }
): Promise<World> {
  const h = await startBillingHarness(psa, {
    mappings: opts.mappings ?? 4,
    orgs: opts.orgs,
    seed: 3,
    env: opts.env,
    // Fuzzing sends thousands of requests a minute: Syncro's documented 180/min would only add minute-long waits.
    syncroRateLimit: opts.unlimited ? { limit: 1_000_000, windowMs: 60_000 } : undefined
  })
  try {
    // Tickets only from the alerts this suite injects (the seed's own DI events have no oracle here).
    for (const o of h.sims.jumpcloud.state.orgs) o.events = []
    const ts = await h.call('getTicketingSettings', {})
    const choices = (ts as TicketingView).choices!
    await h.call('saveTicketingSettings', {
      ...ts.settings,
      enabled: true,
      // Autotask refuses a ticket without a queue or a technician (autotask.md §7.7).
      defaults: { ...ts.settings.defaults, queue: psa === 'autotask' ? choices.queues[0]!.value : null }
    })
  } catch (e) {
    await h.close()
    throw e
  }
  const rng = mulberry32(opts.seed)
  // Every mapped org starts one above what its PSA line holds: the first sync has exactly one write per mapping.
  const usage = new Map(h.mapped.map((m) => [m.orgId, m.initial + 1]))
  for (const [orgId, n] of usage) h.setUsage(orgId, n)
  const groups = new Map<string, string[]>()
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!

  const world: World = {
    h,
    psa,
    quantityWrites: () =>
      psa === 'syncro'
        ? h.sims.syncro.requests.filter((r) => r.method === 'PUT' && r.path.includes('/line_items/')).length
        : h.sims.autotask.requests.filter((r) => r.method === 'POST' && /ServiceAdjustments$/i.test(r.path)).length,
    rng,
    usage,
    groups,
    step() {
      for (const m of h.mapped) {
        if (rng() < 0.5) continue
        const next = usage.get(m.orgId)! + 1 + Math.floor(rng() * 3)
        usage.set(m.orgId, next)
        h.setUsage(m.orgId, next)
      }
      const n = 1 + Math.floor(rng() * 4)
      for (let i = 0; i < n; i++) {
        const m = pick(h.mapped)
        const kind = pick(KINDS)
        const who = kind.who(Math.floor(rng() * 2))
        // Inside the intake window (it ends 2 min before now and re-reads 5 min before its cursor).
        const [id] = h.sims.jumpcloud.control.addEvents({
          orgId: m.orgId,
          eventType: kind.eventType,
          ...who,
          timestamp: new Date(Date.now() - 3 * 60_000 - Math.floor(rng() * 30_000)).toISOString()
        })
        const key = `${m.orgId}|${kind.eventType}|${who.user ?? who.device}`
        groups.set(key, [...(groups.get(key) ?? []), id!])
      }
    },
    verify: () => verifyWorld(world),
    verifyHwmHistory: () => verifyHwmHistory(world)
  }
  return world
}

/** Notes say "… (×3)" when they carry several repeats. */
const repeatsIn = (title: string): number => Number(/\(×(\d+)\)$/.exec(title)?.[1] ?? 1)

async function verifyWorld(w: World): Promise<void> {
  const { h, psa } = w
  // Quantities: the PSA holds each org's HWM, and the history's last write says so too.
  for (const m of h.mapped) expect(h.psaQuantity(m), `quantity of org ${m.orgId}`).toBe(w.usage.get(m.orgId))
  const view = await h.call('getBillingView', {})
  for (const row of view.mappings) {
    const m = h.mapped.find((x) => x.mappingId === row.mappingId)!
    expect(row.hwm, `HWM of org ${m.orgId}`).toBe(w.usage.get(m.orgId))
  }
  const runs = await h.call('listRuns', { limit: 500 })
  for (const run of runs) {
    const full = await h.call('getRun', { runId: run.runId })
    const tally = { written: 0, failed: 0 }
    for (const i of full.items) {
      if (i.result === 'written') tally.written++
      // A write of a killed run that the next run found missing in the PSA counts as failed (billing/reconcile.ts).
      else if (i.result === 'failed' || i.result === NOT_WRITTEN) tally.failed++
    }
    // A run's summary is the sum of its items, and "ok" only when nothing failed.
    const said = `run ${run.runId} (${run.status}, ${run.error ?? 'no error'}): ${JSON.stringify(run.counts)}`
    expect(run.counts, `${said} vs its items ${JSON.stringify(full.items.map((i) => i.result))}`).toMatchObject(tally)
    if (run.status === 'ok') expect(run.counts.failed, `run ${run.runId} is ok`).toBe(0)
    if (run.counts.failed > 0 || run.error) expect(run.status, `run ${run.runId}`).not.toBe('ok')
  }
  expect(runs[0]).toMatchObject({ status: 'ok', counts: { failed: 0 } })

  // Alerts: none missing, none queued, each group on exactly one ticket that carries every one of its alerts.
  const list = (await h.call('listAlerts', { limit: 500 })) as AlertList
  const injected = [...w.groups.values()].flat()
  const byId = new Map(list.alerts.map((a) => [a.eventId, a]))
  expect(injected.filter((id) => byId.get(id)?.state !== 'delivered')).toEqual([])
  expect(list.counts.queued).toBe(0)
  const tickets = psaTickets(h, psa)
  expect(tickets.length, 'one ticket per alert group').toBe(w.groups.size)
  for (const [key, ids] of w.groups) {
    const ticketIds = new Set(ids.map((id) => byId.get(id)!.ticketId))
    expect([...ticketIds], `alerts of ${key} on one ticket`).toHaveLength(1)
    const ticket = tickets.find((t) => t.id === [...ticketIds][0])
    expect(ticket, `ticket of ${key} exists in the PSA`).toBeDefined()
    const onTicket = ids.filter((id) => byId.get(id)!.delivery === 'ticket').length
    const asNotes = ticket!.notes.reduce((n, note) => n + repeatsIn(note.title), 0)
    expect(onTicket + asNotes, `alerts of ${key} on its ticket and notes`).toBe(ids.length)
    const markers = ticket!.notes.map((n) => /psa-bridge:note \w+/.exec(n.body)?.[0])
    expect(new Set(markers).size, `no note of ${key} twice`).toBe(markers.length)
  }
}

async function verifyHwmHistory(w: World): Promise<void> {
  for (const m of w.h.mapped) {
    const hist = await w.h.call('getHwmHistory', { source: 'jumpcloud', orgId: m.orgId, months: 2 })
    const month = hist.months.find((x) => x.month === hist.currentMonth.month)
    expect(month?.users, `HWM history of ${m.orgId}`).toBe(w.usage.get(m.orgId))
    const peak = Math.max(...hist.currentMonth.points.filter((p) => p.metric === 'users').map((p) => p.count))
    expect(peak, `daily points of ${m.orgId}`).toBe(w.usage.get(m.orgId))
  }
}
