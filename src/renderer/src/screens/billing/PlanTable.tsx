import type { SyncResult } from '../../../../shared/contract/billing'
import { useBilling } from '../../stores/billing'
import { ActionBadge } from './ActionBadge'
import { qty, targetLabel } from './format'

/** The plan of a preview (result = planned) or what a push did (result column). */
export function PlanTable({ result, label }: { result: SyncResult; label: string }) {
  const busy = useBilling((s) => s.busy)
  const showResult = !result.dryRun
  return (
    <table className="grid" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Organization</th>
          <th scope="col">Target</th>
          <th scope="col" className="num">
            HWM
          </th>
          <th scope="col" className="num">
            Non-billable
          </th>
          <th scope="col" className="num">
            Current → new
          </th>
          <th scope="col">Action</th>
          {showResult && <th scope="col">Result</th>}
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {result.items.map((r) => {
          const name = r.orgName ?? r.orgId
          return (
            <tr key={r.mappingId}>
              <th scope="row">{name}</th>
              <td>{targetLabel(r.target)}</td>
              <td className="num">{qty(r.hwm)}</td>
              <td className="num">{r.nonBillable}</td>
              <td className="num">
                {qty(r.current)} → {qty(r.newQuantity)}
              </td>
              <td>
                <ActionBadge value={r.action} />
              </td>
              {showResult && (
                <td>
                  <ActionBadge value={r.result} />
                </td>
              )}
              <td className="grid__reason">
                {r.error ?? r.reason}
                {r.action === 'held' && r.newQuantity !== null && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Approve decrease of ${name} to ${r.newQuantity}`}
                    disabled={busy.has(r.mappingId)}
                    onClick={() => void approveThenPreview(r.mappingId, r.newQuantity ?? 0)}
                  >
                    Approve decrease
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

// An approval changes the plan: preview again so the table shows what a push will do now.
async function approveThenPreview(mappingId: string, to: number) {
  const s = useBilling.getState()
  await s.approveDecrease(mappingId, to)
  if (!useBilling.getState().error) await useBilling.getState().preview()
}
