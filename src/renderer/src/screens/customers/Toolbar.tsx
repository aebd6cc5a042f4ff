import { useCustomers } from '../../stores/customers'
import { ExportReportButton } from './ExportReportButton'
import { STATUS_FILTERS, type StatusFilter } from './filter'
import { kindLabel, type SourceKind } from '../../../../shared/registry'

interface ToolbarProps {
  counts: Record<StatusFilter, number>
  confidentCount: number
  /** The connected sources; a filter by source is shown when there is more than one. */
  sources: readonly SourceKind[]
}

/** Search, source and status filters, and Accept all. */
export function Toolbar({ counts, confidentCount, sources }: ToolbarProps) {
  const query = useCustomers((s) => s.query)
  const status = useCustomers((s) => s.status)
  const source = useCustomers((s) => s.source)
  const { setQuery, setStatus, setSource, acceptAll } = useCustomers.getState()
  return (
    <div className="toolbar">
      <input
        type="search"
        className="toolbar__search"
        aria-label="Search organizations"
        placeholder="Search organizations or customers…"
        value={query}
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
      />
      {sources.length > 1 && (
        <div className="segmented" role="group" aria-label="Filter by source">
          {[null, ...sources].map((k) => (
            <button
              key={k ?? 'all'}
              type="button"
              className="segmented__item"
              aria-pressed={source === k}
              onClick={() => setSource(k)}
            >
              {k ? kindLabel(k) : 'All sources'}
            </button>
          ))}
        </div>
      )}
      <div className="segmented" role="group" aria-label="Filter by status">
        {STATUS_FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            className="segmented__item"
            aria-pressed={status === f.id}
            onClick={() => setStatus(f.id)}
          >
            {f.label} <span className="segmented__count">{counts[f.id]}</span>
          </button>
        ))}
      </div>
      <div className="toolbar__actions">
        <ExportReportButton />
        <button
          type="button"
          className="button button--small button--primary"
          disabled={confidentCount === 0}
          title="Maps every organization whose suggestion is confident; existing mappings are never changed"
          onClick={() => void acceptAll()}
        >
          Accept all confident ({confidentCount})
        </button>
      </div>
    </div>
  )
}
