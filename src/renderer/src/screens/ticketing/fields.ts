import type { TicketFields, TicketingView } from '../../../../shared/contract/ticketing'
import { PSAS, type PsaKind } from '../../../../shared/registry'

// Pure helpers of the Ticketing screen: which fields a PSA has, their options and fallbacks.

export type Psa = PsaKind
export type Choices = NonNullable<TicketingView['choices']>
export type ListField = Exclude<keyof TicketFields, 'daysDue'>
type ListName = 'priorities' | 'issueTypes' | 'subIssueTypes' | 'statuses' | 'technicians' | 'queues' | 'sources'

export interface FieldDef {
  key: keyof TicketFields
  /** Column header / accessible name part, in the PSA's own words. */
  label: string
  /** The PSA list behind a select; null = a number (days due). */
  list: ListName | null
}

const LIST_OF: Record<ListField, ListName> = {
  priority: 'priorities',
  issueType: 'issueTypes',
  subIssueType: 'subIssueTypes',
  status: 'statuses',
  technicianId: 'technicians',
  queue: 'queues',
  source: 'sources'
}

/** The editable fields of a PSA, in column order and in its own words (from the registry). */
export function fieldsOf(psa: Psa): FieldDef[] {
  return PSAS[psa].ticketFields.map(({ key, label }) => ({
    key,
    label,
    list: key === 'daysDue' ? null : LIST_OF[key]
  }))
}

export interface Option {
  value: string
  label: string
}

/** The label of a choice value; the raw value when the PSA list no longer has it. */
export function choiceLabel(choices: Choices | null, list: ListName, value: string | null): string | null {
  if (value === null) return null
  const hit = (choices?.[list] as Option[] | undefined)?.find((c) => c.value === value)
  return hit ? hit.label : value
}

/**
 * Options of one select. '' stands for null: "PSA default" on the defaults row, "Default: X" on an
 * alert type row (X = what the defaults row resolves to). A saved value missing from the PSA list stays
 * selectable (marked) so the select never silently shows another value.
 */
export function optionsFor(args: {
  choices: Choices | null
  list: ListName
  value: string | null
  /** null on the defaults row; the defaults row's value (label resolved) on an alert type row. */
  fallback: { value: string | null } | null
  /** Effective issue type, for Autotask sub-issue types. */
  issueType?: string | null
}): Option[] {
  const { choices, list, value, fallback } = args
  let items: Option[] = (choices?.[list] as Option[] | undefined) ?? []
  if (list === 'subIssueTypes') {
    const parent = args.issueType ?? null
    items = (choices?.subIssueTypes ?? [])
      .filter((s) => parent !== null && s.parent === parent)
      .map(({ value: v, label }) => ({ value: v, label }))
  }
  const none: Option = fallback
    ? {
        value: '',
        label: fallback.value === null ? 'Default' : `Default: ${choiceLabel(choices, list, fallback.value)}`
      }
    : { value: '', label: 'PSA default' }
  const stale =
    value !== null && !items.some((o) => o.value === value)
      ? [{ value, label: `${choiceLabel(choices, list, value)} (not in PSA list)` }]
      : []
  return [none, ...items, ...stale]
}

/** Days due as typed: '' = not set; otherwise a whole number 0–365 (the contract's range). */
export function parseDaysDue(text: string): { ok: true; value: number | null } | { ok: false } {
  const t = text.trim()
  if (t === '') return { ok: true, value: null }
  if (!/^\d{1,3}$/.test(t) || Number(t) > 365) return { ok: false }
  return { ok: true, value: Number(t) }
}

/** Sets one field; changing the issue type drops a sub-issue type that belongs to another issue type. */
export function setField(
  fields: TicketFields,
  key: keyof TicketFields,
  value: string | number | null,
  choices: Choices | null,
  defaultIssueType: string | null
): TicketFields {
  const next = { ...fields, [key]: value } as TicketFields
  if (key === 'issueType' && next.subIssueType !== null) {
    const parent = next.issueType ?? defaultIssueType
    const sub = choices?.subIssueTypes.find((s) => s.value === next.subIssueType)
    if (!sub || sub.parent !== parent) next.subIssueType = null
  }
  return next
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h": how long an alert has been waiting. */
export function ageText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`
}

/** Only web links become anchors: a PSA reply could carry a javascript: or file: URL. */
export function safeLink(url: string | null): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null
  } catch {
    return null
  }
}
