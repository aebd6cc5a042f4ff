import type { BillingSettings, PlanRow } from '../../../../shared/contract/billing'
import { PSA_KINDS, PSAS, type PsaDescription, type PsaKind } from '../../../../shared/registry'

export type Psa = PsaKind | null

/** The PSA's own words for the two pickers, so admins see what their PSA calls them. */
export function targetWords(psa: Psa): PsaDescription['words'] {
  // Before a PSA is connected the first registered one's words stand in (the screens are disabled then).
  return PSAS[psa ?? PSA_KINDS[0]].words
}

/** Whether the PSA takes a unit cost with the quantity (the editor and settings show the field). */
export function hasUnitCost(psa: Psa): boolean {
  return psa !== null && PSAS[psa].billing.unitCost
}

export function targetLabel(t: { containerName: string; itemName: string }): string {
  return `${t.containerName} › ${t.itemName}`
}

export function formatTime(iso: string | null): string {
  if (!iso) return 'never'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** null = unknown (no snapshot / target gone): shown as a dash, never as 0. */
export function qty(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n)
}

/** Rows a push writes: held and blocked ones wait, unchanged ones are skipped. */
export function writesOf(rows: readonly PlanRow[]): number {
  return rows.filter((r) => r.action === 'increase' || r.action === 'decrease' || r.action === 'update').length
}

/** Parses a count typed by the user; null when it is not a whole number ≥ 0. */
export function parseCount(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,9}$/.test(t)) return null
  return Number(t)
}

/** Parses a money amount (unit cost); '' = none. */
export function parseMoney(text: string): { ok: true; value: number | null } | { ok: false } {
  const t = text.trim()
  if (t === '') return { ok: true, value: null }
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(t)) return { ok: false }
  return { ok: true, value: Number(t) }
}

/** What the Billing screen says about the scheduled push ("Daily push is on: every day at 12:00 (America/New_York)."). */
export function scheduleText(s: Pick<BillingSettings, 'scheduleEnabled' | 'schedule'>): string {
  if (!s.scheduleEnabled)
    return 'Scheduled push is off: it turns on by itself after your first previewed push, unless you switch it off in the settings.'
  const at = `${s.schedule.time} (${s.schedule.zone})`
  return s.schedule.kind === 'daily'
    ? `Daily push is on: every day at ${at}.`
    : `Monthly push is on: day ${s.schedule.day} of each month at ${at}.`
}
