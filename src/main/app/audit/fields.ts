import type { AuditChange } from '../../../shared/contract/audit'
import type { Fields } from './types'

const MAX_VALUE = 500
const MAX_DEPTH = 6

/** Nested settings → "schedule.kind", "types.user-lockout.priority" …; arrays are kept whole as JSON text. */
export function flatten(value: unknown, prefix = '', out: Fields = {}, depth = 0): Fields {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = null
    return out
  }
  if (typeof value === 'object' && !Array.isArray(value) && depth < MAX_DEPTH) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      flatten(v, prefix ? `${prefix}.${k}` : k, out, depth + 1)
    }
    return out
  }
  if (prefix) out[prefix] = scalar(value)
  return out
}

function scalar(v: unknown): string | number | boolean | null {
  if (typeof v === 'string') return clip(v)
  if (typeof v === 'number' || typeof v === 'boolean') return v
  return clip(JSON.stringify(v) ?? null)
}

function clip(s: string | null): string | null {
  return s !== null && s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s
}

/** The fields whose value differs (a field present on one side only is a change from/to null), in key order. */
export function diffFields(before: Fields, after: Fields): AuditChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  const changes: AuditChange[] = []
  for (const k of keys) {
    const o = before[k] ?? null
    const n = after[k] ?? null
    if (o !== n) changes.push({ field: k, old: o, new: n })
  }
  return changes
}

/** Facts are new values only. */
export function factChanges(facts: Fields): AuditChange[] {
  return Object.entries(facts).map(([field, v]) => ({ field, old: null, new: typeof v === 'string' ? clip(v) : v }))
}

export const REDACTED = '[redacted]'

/**
 * Belt and braces: describers read only non-secret state, but any secret value given to the call that still
 * shows up in the subject, a field name or a value is replaced. Secrets shorter than 4 characters are not
 * searched for (they would blank out ordinary words; no real key is that short).
 */
export function scrub<T extends string | number | boolean | null>(value: T, secrets: readonly string[]): T | string {
  if (typeof value !== 'string') return value
  let s: string = value
  for (const secret of secrets) if (secret.length >= 4 && s.includes(secret)) s = s.split(secret).join(REDACTED)
  return s
}
