import { useEffect } from 'react'
import {
  AUDIT_KIND_LABELS,
  AuditKindSchema,
  DOOR_LABELS,
  DoorSchema,
  type AuditKind,
  type AuditRow,
  type Door
} from '../../../../shared/contract/audit'
import { GridHead } from '../../components/GridHead'
import { ErrorNotice } from '../../components/Notice'
import { formatTime } from '../billing/format'
import { useAudit, type AuditFilterState } from '../../stores/audit'

const show = (v: AuditRow['changes'][number]['old']) => (v === null ? '—' : String(v))

/** "Who changed what": people's changes with the door they came through and old → new values. */
export function AuditSection() {
  const filter = useAudit((s) => s.filter)
  const rows = useAudit((s) => s.rows)
  const total = useAudit((s) => s.total)
  const error = useAudit((s) => s.error)
  useEffect(() => void useAudit.getState().load(), [])
  const set = (patch: Partial<AuditFilterState>) => void useAudit.getState().setFilter(patch)
  const load = () => void useAudit.getState().load()
  const exportCsv = () => useAudit.getState().exportCsv()

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="activity__bar">
        <h2 className="card__title" id="audit-title">
          Changes (audit trail)
        </h2>
        <div className="audit__filters">
          <select
            aria-label="Kind of change"
            value={filter.kind}
            onChange={(e) => set({ kind: e.target.value as AuditKind | '' })}
          >
            <option value="">All kinds</option>
            {AuditKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {AUDIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <select aria-label="Door" value={filter.door} onChange={(e) => set({ door: e.target.value as Door | '' })}>
            <option value="">Any door</option>
            {DoorSchema.options.map((d) => (
              <option key={d} value={d}>
                {DOOR_LABELS[d]}
              </option>
            ))}
          </select>
          <input type="date" aria-label="Since" value={filter.since} onChange={(e) => set({ since: e.target.value })} />
          <input
            type="search"
            aria-label="Search changes"
            placeholder="Search"
            value={filter.search}
            onChange={(e) => set({ search: e.target.value })}
          />
          <button type="button" className="button" onClick={load}>
            Refresh
          </button>
          <button type="button" className="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </div>
      </div>
      {error && <ErrorNotice message={error.message} hint={error.hint} />}
      {rows === null ? (
        <p className="muted" role="status">
          Loading changes…
        </p>
      ) : rows.length === 0 ? (
        <p className="billing__empty">
          No changes recorded{filter.kind || filter.door || filter.search || filter.since ? ' for this filter' : ''}.
        </p>
      ) : (
        <table className="grid" aria-label="Audit trail">
          <GridHead
            columns={[{ label: 'When' }, { label: 'Door' }, { label: 'Kind' }, { label: 'What' }, { label: 'Change' }]}
          />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatTime(r.at)}</td>
                <td>{DOOR_LABELS[r.door]}</td>
                <td>{AUDIT_KIND_LABELS[r.kind]}</td>
                <td>{r.subject}</td>
                <td>
                  <ul className="audit__changes">
                    {r.changes.map((c) => (
                      <li key={c.field}>
                        <span className="audit__field">{c.field}</span>: {show(c.old)} → {show(c.new)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && total > rows.length && (
        <p className="muted">
          Showing the newest {rows.length} of {total}; narrow the filter or export CSV for all.
        </p>
      )}
    </section>
  )
}
