import type { z } from 'zod'
import type { ContractServiceUnitSchema } from './schemas'

// Billing periods of a Recurring Service contract, and how to make one period carry one units value.
//
// Autotask prorates: "By default, Autotask prorates service changes on a contract based on the effective date of the
// change" (support.sync365.app, "Autotask Feature: Disable Prorate"), and an adjustment inside a period splits that
// period's ContractServiceUnits row at its effective date (ContractServiceUnitsEntity.htm, autotask.md §7.5–§7.6).
// An adjustment effective at push time therefore bills the month's HWM only from that moment on. Vendor syncs post
// from the period start instead — LastPass: "Autotask contracts use prorating. This prorating is bypassed by the
// integration; instead, the integration uploads seat counts with the start date of the current billing period"
// (support.lastpass.com, "What are the best practices for the PSA integration billing update?"). So do we.

export type UnitRow = z.infer<typeof ContractServiceUnitSchema>

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Today as 'YYYY-MM-DD' in UTC (the default billing day when none is given). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

function anniversary(year: number, month: number, anchor: Date): Date {
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const d = new Date(Date.UTC(year, month, Math.min(anchor.getUTCDate(), days)))
  return new Date(d.getTime() + (anchor.getTime() % 86_400_000))
}

/**
 * The monthly billing period covering `day` ('YYYY-MM-DD'): periods start on the contract start's day of the month
 * (clamped to short months) at its time of day. Contract dates are calendar dates, so `day` is compared by date.
 * Without a contract start, periods are calendar months.
 */
export function periodAt(day: string, contractStart: string | null | undefined): { start: Date; next: Date } {
  const m = DAY.exec(day)
  if (!m) throw new Error(`Invalid billing day ${day}`)
  const parsed = contractStart ? Date.parse(contractStart) : NaN
  const anchor = Number.isNaN(parsed) ? new Date(Date.UTC(2000, 0, 1)) : new Date(parsed)
  const [y, mo] = [Number(m[1]), Number(m[2]) - 1]
  let start = anniversary(y, mo, anchor)
  if (utcDay(start) > day) start = anniversary(y, mo - 1, anchor)
  const next = anniversary(start.getUTCFullYear(), start.getUTCMonth() + 1, anchor)
  return { start: start < anchor ? anchor : start, next }
}

export interface PeriodUnits {
  start: Date
  /** The rows of this period, oldest first (more than one = split by a mid-period adjustment). */
  rows: UnitRow[]
  /** Units at the period start (0 when Autotask has no row). */
  units: number
  split: boolean
  cost?: number
  price?: number
}

/** One service's units rows reduced to the period [start, next). */
export function periodUnits(rows: readonly UnitRow[], period: { start: Date; next: Date }): PeriodUnits {
  const [s, n] = [period.start.getTime(), period.next.getTime()]
  const inside = rows
    .filter((r) => Date.parse(r.startDate) < n && Date.parse(r.endDate) >= s)
    .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate))
  const first = inside[0]
  const out: PeriodUnits = {
    start: period.start,
    rows: inside,
    units: first?.units ?? 0,
    split: new Set(inside.map((r) => r.units)).size > 1
  }
  if (first?.cost != null) out.cost = first.cost
  if (first?.price != null) out.price = first.price
  return out
}

export interface Step {
  effectiveDate: string
  unitChange: number
}

/**
 * The adjustments that make every row of the period read `to`: one at the period start in the usual case; for a
 * period split earlier (by older versions, or by hand), one more at each later split whose units still differ —
 * an adjustment also moves every later row, so each step corrects what the earlier ones left.
 */
export function stepsTo(p: PeriodUnits, to: number): Step[] {
  const steps: Step[] = []
  let applied = 0
  const rows = p.rows.length > 0 ? p.rows : [{ startDate: p.start.toISOString(), units: 0 } as UnitRow]
  for (const r of rows) {
    const now = r.units + applied
    if (now === to) continue
    const at = Math.max(Date.parse(r.startDate), p.start.getTime())
    steps.push({ effectiveDate: new Date(at).toISOString(), unitChange: to - now })
    applied += to - now
  }
  return steps
}
