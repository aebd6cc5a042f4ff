import { z } from 'zod'
import type { PsaKind, TicketMetadata } from '../connectors/types'
import type { Db } from '../db/connection'
import { readSetting, writeSetting } from '../core/settings'
import { AppError } from '../../shared/errors'
import {
  TicketChoicesSchema,
  TicketingSettingsSchema,
  type AlertType,
  type TicketFields,
  type TicketingSettings
} from '../../shared/contract/ticketing'

// Ticketing settings live per PSA ("<psa>.…" keys: Disable & Clear of the PSA removes them); the
// intake cursor belongs to the source ("jumpcloud.…").

export const settingsKey = (psa: PsaKind) => `${psa}.ticketing`
const metadataKey = (psa: PsaKind) => `${psa}.ticketMetadata`
export const CURSOR_KEY = 'jumpcloud.alertCursor'
/** Each source's intake cursor ("<source>.alertCursor": Disable & Clear of the source removes it). */
const cursorKey = (source?: string) => (source ? `${source}.alertCursor` : CURSOR_KEY)

const CachedMetadataSchema = z.object({ fetchedAt: z.string(), choices: TicketChoicesSchema })
const PollStateSchema = z.object({
  cursor: z.string().nullable(),
  at: z.string().nullable(),
  error: z.string().nullable(),
  /** Events before this moment are not taken in (ticketing was switched back on then). */
  since: z.string().nullable().default(null)
})
export type PollState = z.output<typeof PollStateSchema>

export function loadTicketingSettings(db: Db, psa: PsaKind | null): TicketingSettings {
  const fallback = TicketingSettingsSchema.parse({})
  return psa ? readSetting(db, settingsKey(psa), TicketingSettingsSchema, fallback) : fallback
}

export function saveTicketingSettings(db: Db, psa: PsaKind, s: TicketingSettings, now: Date): TicketingSettings {
  return writeSetting(db, settingsKey(psa), TicketingSettingsSchema, s, now)
}

export function loadCachedMetadata(db: Db, psa: PsaKind): { fetchedAt: string; choices: TicketMetadata } | null {
  return readSetting(db, metadataKey(psa), CachedMetadataSchema.nullable(), null)
}

export function saveCachedMetadata(db: Db, psa: PsaKind, choices: TicketMetadata, now: Date): void {
  writeSetting(db, metadataKey(psa), CachedMetadataSchema, { fetchedAt: now.toISOString(), choices }, now)
}

export function loadPollState(db: Db, source?: string): PollState {
  return readSetting(db, cursorKey(source), PollStateSchema, { cursor: null, at: null, error: null, since: null })
}

export function savePollState(db: Db, s: PollState, now: Date, source?: string): void {
  writeSetting(db, cursorKey(source), PollStateSchema, s, now)
}

const FIELDS = [
  'priority',
  'issueType',
  'subIssueType',
  'status',
  'daysDue',
  'technicianId',
  'queue',
  'source'
] as const

/** Per-alert override → defaults, field by field. */
export function resolveFields(s: TicketingSettings, type: AlertType): TicketFields {
  const o = s.types[type].overrides
  const out = { ...s.defaults }
  for (const f of FIELDS) if (o[f] !== null) Object.assign(out, { [f]: o[f] })
  return out
}

export interface FieldProblem {
  scope: string
  field: string
  value: string
  message: string
}

const LISTS: Record<Exclude<(typeof FIELDS)[number], 'daysDue'>, { list: keyof TicketMetadata; label: string }> = {
  priority: { list: 'priorities', label: 'Priority' },
  issueType: { list: 'issueTypes', label: 'Issue type' },
  subIssueType: { list: 'subIssueTypes', label: 'Sub-issue type' },
  status: { list: 'statuses', label: 'Status' },
  technicianId: { list: 'technicians', label: 'Tech assigned to' },
  queue: { list: 'queues', label: 'Queue' },
  source: { list: 'sources', label: 'Source' }
}

/** Values that are not (any more) in the PSA's lists. A sub-issue type must belong to the chosen issue type. */
export function fieldProblems(scope: string, f: TicketFields, m: TicketMetadata): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const [field, { list, label }] of Object.entries(LISTS) as Array<
    [keyof typeof LISTS, (typeof LISTS)[keyof typeof LISTS]]
  >) {
    const value = f[field]
    if (value === null) continue
    const choices = m[list] as Array<{ value: string; parent?: string }>
    const hit = choices.find((c) => c.value === value)
    if (!hit)
      out.push({
        scope,
        field,
        value,
        message: `${label} "${value}" is not in the PSA's list any more; choose another one.`
      })
    else if (field === 'subIssueType' && f.issueType !== null && hit.parent !== undefined && hit.parent !== f.issueType)
      out.push({ scope, field, value, message: `${label} "${value}" does not belong to issue type "${f.issueType}".` })
  }
  return out
}

export function settingsProblems(s: TicketingSettings, m: TicketMetadata): FieldProblem[] {
  const out = fieldProblems('defaults', s.defaults, m)
  for (const [type, t] of Object.entries(s.types)) out.push(...fieldProblems(type, t.overrides, m))
  return out
}

const WORDS = {
  queue: 'queue',
  technicianId: 'technician',
  priority: 'priority',
  status: 'status',
  issueType: 'issue type'
}

/**
 * What the PSA requires on every new ticket (e.g. Autotask: a queue or a technician) and the settings do
 * not give an enabled alert type: with ticketing on, each such alert could never become a ticket.
 */
export function requirementProblems(s: TicketingSettings, m: TicketMetadata): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const req of m.requiredOneOf ?? []) {
    const missing = (Object.keys(s.types) as AlertType[]).filter(
      (t) => s.types[t].enabled && req.fields.every((f) => resolveFields(s, t)[f] === null)
    )
    if (!missing.length) continue
    const scope = missing.length === Object.keys(s.types).length ? 'defaults' : missing[0]!
    const names = req.fields.map((f) => WORDS[f]).join(' or ')
    out.push({
      scope,
      field: req.fields[0]!,
      value: '',
      message: `${req.message} Choose a default ${names} before switching automated ticketing on.`
    })
  }
  return out
}

/** Throws a validation error naming the first stale value or missing requirement (used before a ticket is sent). */
export function assertFieldsValid(scope: string, f: TicketFields, m: TicketMetadata): void {
  const unmet = (m.requiredOneOf ?? []).find((r) => r.fields.every((x) => f[x] === null))
  if (unmet)
    throw new AppError('validation', unmet.message, {
      field: `${scope}.${unmet.fields[0]}`,
      hint: `Open Ticketing and choose a default ${unmet.fields.map((x) => WORDS[x]).join(' or ')}.`
    })
  const p = fieldProblems(scope, f, m)[0]
  if (p)
    throw new AppError('validation', p.message, {
      field: `${p.scope}.${p.field}`,
      hint: 'Open Ticketing, refresh the PSA lists and pick a current value.'
    })
}

/**
 * The first reason these settings cannot be saved (or imported), by the same rules everywhere: values that
 * are not in the PSA's lists, and, with ticketing on, what the PSA requires on every ticket. Lists not
 * loaded yet = only what can be checked without them.
 */
export function ticketingSettingsProblem(s: TicketingSettings, m: TicketMetadata | null): FieldProblem | undefined {
  if (!m) return undefined
  return settingsProblems(s, m)[0] ?? (s.enabled ? requirementProblems(s, m)[0] : undefined)
}
