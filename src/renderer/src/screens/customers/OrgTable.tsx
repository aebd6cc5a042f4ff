import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef } from 'react'
import type { CustomerRow, OrgRow } from '../../../../shared/contract/customers'
import { useCustomers } from '../../stores/customers'
import { CustomerPicker } from './CustomerPicker'
import { RowActions } from './RowActions'
import { rowRef } from './filter'
import { orgKey } from '../../../../shared/contract/org-ref'
import { kindLabel } from '../../../../shared/registry'

const ROW_HEIGHT = 38

const STATUS_LABEL: Record<OrgRow['status'], string> = {
  mapped: 'Mapped',
  suggested: 'Suggested',
  unmapped: 'Unmapped',
  ignored: 'Ignored',
  disabled: 'Disabled'
}

interface OrgTableProps {
  rows: OrgRow[]
  customers: CustomerRow[]
  /** The search text the rows were filtered by: lets tools see which filter is painted. */
  query: string
  onDisable(org: OrgRow): void
}

/** One table of every organization, virtualized: only the rows in view are in the DOM. */
export function OrgTable({ rows, customers, query, onDisable }: OrgTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const busy = useCustomers((s) => s.busy)
  // No React Compiler in this build; the virtualizer re-renders us itself on scroll. Its item keys are the indexes
  // (the default): rows have one fixed height, and a key function made per render would have it redo its O(rows)
  // measurements on every render and scroll. React keys the rows by org below.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond those in view: every rendered row is laid out again when a keystroke replaces the rows.
    overscan: 4
  })

  useEffect(() => {
    // Measured by bench/customers-grid.bench.ts: from the view's arrival to the first painted grid.
    if (rows.length > 0 && performance.getEntriesByName('customers:grid-painted').length === 0) {
      requestAnimationFrame(() => setTimeout(() => performance.mark('customers:grid-painted'), 0))
    }
  }, [rows.length])

  return (
    <div
      className="org-table org-table--sources"
      role="table"
      aria-label="Organizations"
      aria-rowcount={rows.length + 1}
      data-query={query}
    >
      <div className="org-table__head" role="rowgroup">
        <div className="org-table__row org-table__row--head" role="row" aria-rowindex={1}>
          <span role="columnheader">Organization</span>
          <span role="columnheader">Source</span>
          <span role="columnheader">Status</span>
          <span role="columnheader">PSA customer</span>
          <span role="columnheader">Suggestion</span>
          <span role="columnheader">Actions</span>
        </div>
      </div>
      <div ref={scrollRef} className="org-table__scroll" role="rowgroup">
        {rows.length === 0 && <p className="org-table__empty">No organization matches the filter.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const org = rows[v.index]
            if (!org) return null
            return (
              <OrgTableRow
                key={orgKey(rowRef(org))}
                org={org}
                index={v.index}
                top={v.start}
                customers={customers}
                busy={busy.has(orgKey(rowRef(org)))}
                onDisable={onDisable}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

interface RowProps {
  org: OrgRow
  index: number
  top: number
  customers: CustomerRow[]
  busy: boolean
  onDisable(org: OrgRow): void
}

// Memoized: scrolling moves rows (new `top`) but re-renders only those whose data changed.
const OrgTableRow = memo(function OrgTableRow({ org, index, top, customers, busy, onDisable }: RowProps) {
  const s = org.suggestion
  return (
    <div
      className={`org-table__row org-table__row--${org.status}`}
      role="row"
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <span role="cell" className="org-table__name" title={org.name}>
        {org.name}
        {org.missing && <span className="tag tag--warn">not in source</span>}
      </span>
      <span role="cell" className="org-table__source">
        {kindLabel(org.source)}
      </span>
      <span role="cell">
        <span className={`status status--${org.status}`}>{STATUS_LABEL[org.status]}</span>
      </span>
      <span role="cell" className="org-table__customer">
        <CustomerPicker
          label={`Customer for ${org.name}`}
          customers={customers}
          selectedName={org.customerName ?? (org.customerId ? `#${org.customerId}` : null)}
          placeholder={org.status === 'disabled' ? 'Disabled' : 'Choose customer…'}
          disabled={busy || org.status === 'disabled'}
          onChoose={(c) => void useCustomers.getState().mapOrg(rowRef(org), c.id)}
        />
        {org.mappingBroken && (
          <span className="tag tag--danger" title="The mapped customer no longer exists in the PSA">
            deleted in PSA
          </span>
        )}
      </span>
      <span role="cell" className="org-table__suggestion">
        {s && org.status === 'suggested' ? (
          <>
            <span className="org-table__suggested-name" title={`${s.customerName} — ${s.reason}`}>
              {s.customerName}
            </span>
            <span className={s.confident ? 'score score--confident' : 'score'} title={s.reason}>
              {Math.round(s.score * 100)}%
            </span>
          </>
        ) : null}
      </span>
      <span role="cell">
        <RowActions org={org} busy={busy} onDisable={onDisable} />
      </span>
    </div>
  )
})
