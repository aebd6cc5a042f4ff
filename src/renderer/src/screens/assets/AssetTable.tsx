import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useRef } from 'react'
import type { AssetRow } from '../../../../shared/contract/assets'
import { MatchToPicker } from './MatchToPicker'

const ROW_HEIGHT = 40
const NONE: readonly AssetRow[] = []

export type AssetAction = 'accept' | 'unmatch' | 'ignore' | 'unignore' | 'match'

interface AssetTableProps {
  rows: AssetRow[]
  /** The search these rows answer (data-query: the bench knows when a keystroke's rows are on screen). */
  query: string
  /** PSA-only assets per customer, offered by "Match to" for a device of that customer. */
  candidates: ReadonlyMap<string, readonly AssetRow[]>
  selected: Set<string>
  busy: boolean
  /** Stable callbacks (rows are memoized). */
  onToggle(deviceId: string): void
  onAction(action: AssetAction, row: AssetRow, assetId?: string): void
}

/** Devices and PSA assets of one tab, virtualized: only the rows in view are in the DOM. */
export function AssetTable({ rows, query, candidates, selected, busy, onToggle, onAction }: AssetTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // Item keys are the indexes (the default): rows have one fixed height, so the virtualizer measures nothing by key,
  // and a key function made per render would have it redo its O(rows) measurements on every render and scroll.
  // React keys the rows by their own key below.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the 12 in view: every rendered row is laid out again when a keystroke replaces the rows.
    overscan: 4
  })
  return (
    <div className="asset-table" role="table" aria-label="Assets" aria-rowcount={rows.length + 1} data-query={query}>
      <div className="asset-table__row asset-table__row--head" role="row">
        <span role="columnheader">Select</span>
        <span role="columnheader">Customer</span>
        <span role="columnheader">Device</span>
        <span role="columnheader">Serial / MAC</span>
        <span role="columnheader">PSA asset</span>
        <span role="columnheader">Why</span>
        <span role="columnheader">Actions</span>
      </div>
      <div ref={scrollRef} className="asset-table__body" style={{ height: 480, overflow: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index]!
            return (
              <AssetTableRow
                key={r.key}
                row={r}
                top={v.start}
                checked={r.deviceId !== null && selected.has(r.deviceId)}
                candidates={candidates.get(r.customerId) ?? NONE}
                busy={busy}
                onToggle={onToggle}
                onAction={onAction}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

interface RowProps {
  row: AssetRow
  top: number
  checked: boolean
  candidates: readonly AssetRow[]
  busy: boolean
  onToggle: AssetTableProps['onToggle']
  onAction: AssetTableProps['onAction']
}

// Memoized: a keystroke that keeps a row in view (narrowing keeps the order) or a scroll re-renders nothing of it.
const AssetTableRow = memo(function AssetTableRow({
  row: r,
  top,
  checked,
  candidates,
  busy,
  onToggle,
  onAction
}: RowProps) {
  const name = r.hostname ?? r.assetName ?? r.key
  return (
    <div
      role="row"
      aria-label={name}
      className="asset-table__row"
      style={{ position: 'absolute', top: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <span role="cell">
        {r.tab === 'unmatched' && r.deviceId && (
          <input
            type="checkbox"
            aria-label={`Select ${name}`}
            checked={checked}
            onChange={() => onToggle(r.deviceId!)}
          />
        )}
      </span>
      <span role="cell">{r.customerName ?? r.customerId}</span>
      <span role="cell">{r.hostname ?? '—'}</span>
      <span role="cell">{[r.deviceSerial ?? r.assetSerial, r.macs[0]].filter(Boolean).join(' · ')}</span>
      <span role="cell">
        {r.assetName ?? '—'}
        {r.assetActive === false ? ' (inactive)' : ''}
      </span>
      <span role="cell">{r.reason ?? r.conflict ?? (r.via ? `by ${r.via}` : '')}</span>
      <span role="cell" className="asset-table__actions">
        {r.status === 'suggested' && (
          <button type="button" disabled={busy} onClick={() => onAction('accept', r)}>
            Accept
          </button>
        )}
        {r.status === 'confirmed' && (
          <button type="button" disabled={busy} onClick={() => onAction('unmatch', r)}>
            Unmatch
          </button>
        )}
        {r.deviceId && r.tab !== 'ignored' && (
          <MatchToPicker
            label={`${r.status === 'none' ? 'Match' : 'Change match of'} ${name} to`}
            placeholder={r.status === 'none' ? 'Match to…' : 'Change match…'}
            disabled={busy}
            candidates={candidates}
            onChoose={(assetId) => onAction('match', r, assetId)}
          />
        )}
        <button type="button" disabled={busy} onClick={() => onAction(r.tab === 'ignored' ? 'unignore' : 'ignore', r)}>
          {r.tab === 'ignored' ? 'Un-ignore' : 'Ignore'}
        </button>
      </span>
    </div>
  )
})
