// Autotask query filter engine (autotask.md §4.1–§4.2). Field names and string comparisons are
// case-insensitive; top-level items are ANDed; `and`/`or` nodes nest via `items`.

export type Row = Record<string, unknown>

/** A business-rule failure the real API answers with HTTP 500 + {"errors":[msg]} (autotask.md §6). */
export class AutotaskRuleError extends Error {
  constructor(
    message: string,
    readonly status = 500
  ) {
    super(message)
  }
}

/** Reads a property of a request body case-insensitively (autotask.md intro: bodies bind case-insensitively). */
export function ci(obj: unknown, key: string): unknown {
  if (!obj || typeof obj !== 'object') return undefined
  const lower = key.toLowerCase()
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) if (k.toLowerCase() === lower) return v
  return undefined
}

interface FilterNode {
  op?: unknown
  field?: unknown
  value?: unknown
  items?: unknown
  udf?: unknown
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/

function norm(v: unknown): unknown {
  if (typeof v === 'string') {
    if (ISO_DATE.test(v)) return Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`)
    return v.toLowerCase()
  }
  return v
}

/** Numeric strings compare equal to numbers (picklists arrive either way), as in cmp. */
const numeric = (y: string) => y.trim() !== '' && !Number.isNaN(Number(y))

function cmp(a: unknown, b: unknown): number {
  const x = norm(a)
  let y = norm(b)
  // picklist values arrive as numbers or numeric strings
  if (typeof x === 'number' && typeof y === 'string' && numeric(y)) y = Number(y)
  if (typeof x === 'boolean' && typeof y === 'string') y = y === 'true'
  if (x === y) return 0
  if (x === null || x === undefined) return -1
  if (y === null || y === undefined) return 1
  return (x as number) < (y as number) ? -1 : 1
}

/**
 * `x => values.some(v => cmp(x, v) === 0)` in one Set lookup: the engine's own cost, not the real server's, and a
 * 500-id `in` over every row of a large table blocked the sim's thread (and every other sim in its process) for
 * ~0.7 s. Holds each value as cmp would compare it with a row value of each type: its normalized form (strings,
 * dates), as a number for a number row value, as a boolean for a boolean one. NaN never compares equal in cmp.
 */
function equalsAny(values: readonly unknown[]): (x: unknown) => boolean {
  const keys = new Set<unknown>()
  for (const v of values) {
    const y = norm(v)
    keys.add(y)
    if (typeof y !== 'string') continue
    if (numeric(y)) keys.add(Number(y))
    keys.add(y === 'true')
  }
  return (x) => {
    const n = norm(x)
    // Only a boolean row value meets the booleans added above, only a number one the numbers.
    return !Number.isNaN(n) && keys.has(n)
  }
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).toLowerCase()
}

/**
 * Compiles a filter list into a predicate. `fields` are the entity's camelCase field names; an unknown
 * field is a 500 "Unable to find <field> in the Entity" (autotask.md §4.2 [OBS n8n CHANGELOG]).
 */
export function compileFilter(filter: unknown, fields: readonly string[]): (row: Row) => boolean {
  const byLower = new Map(fields.map((f) => [f.toLowerCase(), f]))
  const compileNode = (raw: unknown): ((row: Row) => boolean) => {
    const node = (raw ?? {}) as FilterNode
    const op = String(ci(node, 'op') ?? '').toLowerCase()
    if (op === 'and' || op === 'or') {
      const items = ci(node, 'items')
      if (!Array.isArray(items)) throw new AutotaskRuleError(`Invalid query syntax. '${op}' requires items.`)
      const preds = items.map(compileNode)
      return op === 'and' ? (r) => preds.every((p) => p(r)) : (r) => preds.some((p) => p(r))
    }
    const fieldName = String(ci(node, 'field') ?? '')
    if (ci(node, 'udf') === true) {
      // UDFs: the sim keeps none, so a UDF condition matches nothing (never an error).
      return () => false
    }
    const field = byLower.get(fieldName.toLowerCase())
    if (!field) throw new AutotaskRuleError(`Unable to find ${fieldName} in the Entity.`)
    const value = ci(node, 'value')
    const get = (r: Row): unknown => r[field]
    switch (op) {
      case 'eq':
        return (r) => cmp(get(r), value) === 0
      case 'noteq':
        return (r) => cmp(get(r), value) !== 0
      case 'gt':
        return (r) => get(r) != null && cmp(get(r), value) > 0
      case 'gte':
        return (r) => get(r) != null && cmp(get(r), value) >= 0
      case 'lt':
        return (r) => get(r) != null && cmp(get(r), value) < 0
      case 'lte':
        return (r) => get(r) != null && cmp(get(r), value) <= 0
      case 'beginswith':
        return (r) => str(get(r)).startsWith(str(value))
      case 'endswith':
        return (r) => str(get(r)).endsWith(str(value))
      case 'contains':
        return (r) => str(get(r)).includes(str(value))
      case 'exist':
        return (r) => get(r) !== null && get(r) !== undefined && get(r) !== ''
      case 'notexist':
        return (r) => get(r) === null || get(r) === undefined || get(r) === ''
      case 'in':
      case 'notin': {
        if (!Array.isArray(value)) throw new AutotaskRuleError(`Invalid query syntax. '${op}' requires an array value.`)
        const equal = equalsAny(value)
        const hit = (r: Row): boolean => equal(get(r))
        return op === 'in' ? hit : (r) => !hit(r)
      }
      default:
        throw new AutotaskRuleError(`Invalid query syntax. Unknown operator '${String(ci(node, 'op'))}'.`)
    }
  }
  if (!Array.isArray(filter) || filter.length === 0)
    throw new AutotaskRuleError('Invalid query syntax. A filter is required.')
  const preds = filter.map(compileNode)
  return (row) => preds.every((p) => p(row))
}
