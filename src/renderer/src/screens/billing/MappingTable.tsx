import type { BillingMappingRow, PlanRow } from '../../../../shared/contract/billing'
import { useBilling } from '../../stores/billing'
import { formatTime, qty, targetLabel } from './format'
import { GridHead } from '../../components/GridHead'

interface Props {
  rows: BillingMappingRow[]
  /** PSA quantities seen by the latest preview/push, by mapping id. */
  psaQuantities: ReadonlyMap<string, PlanRow>
  onDisable(row: BillingMappingRow): void
}

export function MappingTable({ rows, psaQuantities, onDisable }: Props) {
  const busy = useBilling((s) => s.busy)
  const { openEditor, setEnabled } = useBilling.getState()
  return (
    <table className="grid" aria-label="Billing mappings">
      <GridHead
        columns={[
          { label: 'Organization' },
          { label: 'Customer' },
          { label: 'Target' },
          { label: 'Metric' },
          { label: 'Non-billable', num: true },
          { label: 'HWM', num: true },
          { label: 'PSA qty', num: true },
          { label: 'Last sync' },
          { label: 'Actions', hidden: true }
        ]}
      />
      <tbody>
        {rows.map((r) => {
          const name = r.orgName ?? r.orgId
          const seen = psaQuantities.get(r.mappingId)
          const psaQty = seen ? (seen.result === 'written' ? seen.newQuantity : seen.current) : null
          return (
            <tr key={r.mappingId} className={r.enabled ? undefined : 'grid__row--off'}>
              <th scope="row">{name}</th>
              <td>{r.customerName ?? r.customerId}</td>
              <td>
                {targetLabel(r.target)}
                {!r.enabled && <span className="badge badge--after">disabled</span>}
                {r.enabled && r.blocked && (
                  <span className="badge badge--after" title={r.blocked}>
                    blocked
                  </span>
                )}
              </td>
              <td>{r.metric}</td>
              <td className="num">{r.nonBillable}</td>
              <td className="num">{qty(r.hwm)}</td>
              <td className="num">{qty(psaQty)}</td>
              <td className="grid__last">
                <span>{formatTime(r.lastSyncAt)}</span>
                {r.enabled && r.blocked && <span className="grid__error">{r.blocked}</span>}
                {r.lastSyncResult && (
                  <span className={r.lastSyncResult.startsWith('failed') ? 'grid__error' : 'muted'}>
                    {r.lastSyncResult}
                  </span>
                )}
              </td>
              <td className="grid__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Edit billing of ${name}`}
                  disabled={busy.has(r.mappingId)}
                  onClick={() =>
                    openEditor({ source: r.source, orgId: r.orgId, orgName: name, mappingId: r.mappingId })
                  }
                >
                  Edit
                </button>
                {r.enabled ? (
                  <button
                    type="button"
                    className="button button--small button--danger-quiet"
                    aria-label={`Disable billing of ${name}`}
                    disabled={busy.has(r.mappingId)}
                    onClick={() => onDisable(r)}
                  >
                    Disable
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Enable billing of ${name}`}
                    disabled={busy.has(r.mappingId)}
                    onClick={() => void setEnabled(r.mappingId, true)}
                  >
                    Enable
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
