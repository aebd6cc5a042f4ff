import type { CustomerRow, OrgRow, OrgStatus } from '../../../../shared/contract/customers'
import type { OrgRef } from '../../../../shared/contract/org-ref'
import type { SourceKind } from '../../../../shared/registry'

export type StatusFilter = OrgStatus | 'all'
export const STATUS_FILTERS: ReadonlyArray<{ id: StatusFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'unmapped', label: 'Unmapped' },
  { id: 'suggested', label: 'Suggested' },
  { id: 'mapped', label: 'Mapped' },
  { id: 'ignored', label: 'Ignored' },
  { id: 'disabled', label: 'Disabled' }
]

/** The contract's reference to the org a row shows. */
export const rowRef = (row: OrgRow): OrgRef => ({ source: row.source, orgId: row.id })

/** Lower-cased once per view, so a keystroke only runs `includes` over 5,000 strings. */
export interface IndexedOrg {
  row: OrgRow
  haystack: string
}

export function indexOrgs(orgs: readonly OrgRow[]): IndexedOrg[] {
  return orgs.map((row) => ({
    row,
    haystack: [row.name, row.customerName ?? '', row.suggestion?.customerName ?? ''].join('\n').toLocaleLowerCase()
  }))
}

/** Search matches the org name, its mapped customer or its suggestion; every word must match. `source`: one source only. */
export function filterOrgs(
  orgs: readonly IndexedOrg[],
  status: StatusFilter,
  query: string,
  source: SourceKind | null = null
): OrgRow[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  const out: OrgRow[] = []
  for (const o of orgs) {
    if (source && o.row.source !== source) continue
    if (status !== 'all' && o.row.status !== status) continue
    if (words.every((w) => o.haystack.includes(w))) out.push(o.row)
  }
  return out
}

export function countByStatus(orgs: readonly OrgRow[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = {
    all: orgs.length,
    mapped: 0,
    suggested: 0,
    unmapped: 0,
    ignored: 0,
    disabled: 0
  }
  for (const o of orgs) counts[o.status]++
  return counts
}

/** The picker's options: active, existing customers whose name contains every typed word, best (prefix) first. */
export function filterCustomers(
  customers: readonly CustomerRow[],
  query: string,
  limit: number
): { items: CustomerRow[]; more: number } {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  const prefix: CustomerRow[] = []
  const rest: CustomerRow[] = []
  for (const c of customers) {
    if (c.missing || c.ignored) continue
    const name = c.name.toLocaleLowerCase()
    if (!words.every((w) => name.includes(w))) continue
    ;(words[0] && name.startsWith(words[0]) ? prefix : rest).push(c)
  }
  const all = prefix.concat(rest)
  return { items: all.slice(0, limit), more: Math.max(0, all.length - limit) }
}
