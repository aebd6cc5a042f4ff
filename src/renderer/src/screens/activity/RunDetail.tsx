import type { RunDetail as Run } from '../../stores/activity'
import { ActionBadge } from '../billing/ActionBadge'
import { formatTime, qty, targetLabel } from '../billing/format'
import { GridHead } from '../../components/GridHead'

/** Every item one run touched: org, target, old → new, action, result and the error or reason. */
export function RunDetail({ run }: { run: Run }) {
  return (
    <section className="card" aria-label="Run details">
      <h2 className="card__title">
        Run of {formatTime(run.startedAt)} <ActionBadge value={run.status} />
      </h2>
      <p className="card__description">
        {run.dryRun ? 'Preview (nothing written)' : `Trigger: ${run.trigger}`} · ended{' '}
        {run.finishedAt ? formatTime(run.finishedAt) : '—'} · {run.items.length}{' '}
        {run.items.length === 1 ? 'item' : 'items'}
      </p>
      {run.error && <p className="grid__error">{run.error}</p>}
      {run.items.length === 0 ? (
        <p className="muted">This run touched no items.</p>
      ) : (
        <table className="grid" aria-label="Run items">
          <GridHead
            columns={[
              { label: 'Organization' },
              { label: 'Target' },
              { label: 'Old → new', num: true },
              { label: 'Action' },
              { label: 'Result' },
              { label: 'Message' }
            ]}
          />
          <tbody>
            {run.items.map((i, n) => (
              <tr key={`${i.mappingId ?? i.orgId}-${n}`}>
                <th scope="row">{i.orgName ?? i.orgId}</th>
                <td>{targetLabel(i.target)}</td>
                <td className="num">
                  {qty(i.oldQuantity)} → {qty(i.newQuantity)}
                </td>
                <td>
                  <ActionBadge value={i.action} />
                </td>
                <td>
                  <ActionBadge value={i.result} />
                </td>
                <td className={i.result === 'failed' ? 'grid__error' : 'grid__reason'}>{i.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
