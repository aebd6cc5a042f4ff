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

const CachedMetadataSchema = z.object({ fetchedAt: z.string(), choices: TicketChoicesSchema })
const PollStateSchema = z.object({
  cursor: z.string().nullable(),
  at: z.string().nullable(),
  error: z.string().nullable()
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

export function loadPollState(db: Db): PollState {
  return readSetting(db, CURSOR_KEY, PollStateSchema, { cursor: null, at: null, error: null })
}

export function savePollState(db: Db, s: PollState, now: Date): void {
  writeSetting(db, CURSOR_KEY, PollStateSchema, s, now)
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

/** Throws a validation error naming the first stale value (used before a ticket is sent). */
export function assertFieldsValid(scope: string, f: TicketFields, m: TicketMetadata): void {
  const p = fieldProblems(scope, f, m)[0]
  if (p)
    throw new AppError('validation', p.message, {
      field: `${p.scope}.${p.field}`,
      hint: 'Open Ticketing, refresh the PSA lists and pick a current value.'
    })
}
