// POST {Entity}/query with keyset paging: follow pageDetails.nextPageUrl (absolute) with POST and the
// same body until it is null (autotask.md §4.4–§4.5).
import type { z } from 'zod'
import { AppError } from '../../../shared/errors'
import type { HttpClient } from '../http'
import { pageSchema } from './schemas'

export type FilterNode =
  | { op: 'and' | 'or'; items: FilterNode[] }
  | {
      op: 'eq' | 'noteq' | 'gt' | 'gte' | 'lt' | 'lte' | 'beginsWith' | 'endsWith' | 'contains'
      field: string
      value: string | number | boolean
    }
  | { op: 'in' | 'notIn'; field: string; value: Array<string | number> }
  | { op: 'exist' | 'notExist'; field: string }

/** Autotask's page-size ceiling (§4.4). */
export const MAX_RECORDS = 500

/** The entity path segment after V1.0 — the unit Autotask's thread limit counts per (§5.2). */
export function entityKey(url: string): string {
  const m = /v1\.0\/([^/?#]+)/i.exec(url)
  return (m?.[1] ?? 'other').toLowerCase()
}

export interface QueryOptions {
  /** Page size (1–500); also the total cap when `limit` is set. */
  maxRecords?: number
  /** Stop after this many rows (e.g. permission probes). */
  limit?: number
}

export async function queryAll<S extends z.ZodType>(
  http: HttpClient,
  entity: string,
  filter: FilterNode[],
  itemSchema: S,
  opts: QueryOptions = {}
): Promise<Array<z.infer<S>>> {
  const body = { MaxRecords: Math.min(MAX_RECORDS, Math.max(1, opts.maxRecords ?? MAX_RECORDS)), filter }
  const schema = pageSchema(itemSchema)
  const seen = new Set<string>()
  const out: Array<z.infer<S>> = []
  let url = `V1.0/${entity}/query`
  for (;;) {
    // a query changes nothing, so retrying it after a timeout is safe
    const res = await http.request({ method: 'POST', url, data: body, schema, idempotent: true })
    out.push(...(res.data.items as Array<z.infer<S>>))
    const next = res.data.pageDetails.nextPageUrl
    if (!next || (opts.limit !== undefined && out.length >= opts.limit)) break
    // the cursor is absolute (the HTTP layer refuses other origins); a repeated cursor would loop forever
    if (seen.has(next))
      throw new AppError('bad-response', `Autotask returned the same next-page URL twice for ${entity}.`)
    seen.add(next)
    url = next
  }
  return opts.limit !== undefined ? out.slice(0, opts.limit) : out
}

/** Splits an id list into `in` filters of at most 500 values (Autotask caps OR-style lists at 500, §4.2). */
export function chunk<T>(values: readonly T[], size = MAX_RECORDS): T[][] {
  const out: T[][] = []
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size))
  return out
}
