import type { RunSummary } from '../../../../shared/contract/billing'
import { useActivity } from '../../stores/activity'
import { ActionBadge } from '../billing/ActionBadge'
import { formatTime } from '../billing/format'
import { GridHead } from '../../components/GridHead'

export function RunsTable({ runs }: { runs: RunSummary[] }) {
  const selected = useActivity((s) => s.selectedRunId)
  const { selectRun } = useActivity.getState()
  return (
    <table className="grid" aria-label="Billing runs">
      <GridHead
        columns={[
          { label: 'Started' },
          { label: 'Finished' },
          { label: 'Trigger' },
          { label: 'Status' },
          { label: 'Written', num: true },
          { label: 'Unchanged', num: true },
          { label: 'Held', num: true },
          { label: 'Blocked', num: true },
          { label: 'Failed', num: true },
          { label: 'Details', hidden: true }
        ]}
      />
      <tbody>
        {runs.map((r) => {
          const started = formatTime(r.startedAt)
          return (
            <tr key={r.runId} className={r.runId === selected ? 'grid__row--selected' : undefined}>
              <th scope="row">{started}</th>
              <td>{r.finishedAt ? formatTime(r.finishedAt) : '—'}</td>
              <td>
                {r.trigger}
                {r.dryRun && <span className="badge badge--after">preview</span>}
              </td>
              <td>
                <ActionBadge value={r.status} />
                {r.error && <div className="grid__error">{r.error}</div>}
              </td>
              <td className="num">{r.dryRun ? `${r.counts.planned} planned` : r.counts.written}</td>
              <td className="num">{r.counts.unchanged}</td>
              <td className="num">{r.counts.held}</td>
              <td className="num">{r.counts.blocked}</td>
              <td className="num">{r.counts.failed}</td>
              <td className="grid__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Details of the run started ${started}`}
                  aria-pressed={r.runId === selected}
                  onClick={() => void selectRun(r.runId === selected ? null : r.runId)}
                >
                  Details
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
