import type { CustomersView } from '../../../../shared/contract/customers'
import { ActionProgress } from '../../components/ActionProgress'
import { useCustomers } from '../../stores/customers'

/** Refresh buttons with when each side was last read, and the refresh's step and counts (progress events). */
export function RefreshControls({ refreshedAt }: { refreshedAt: CustomersView['refreshedAt'] }) {
  const r = useCustomers((s) => s.refreshing)
  const { refresh } = useCustomers.getState()
  const what = r ? (r.from === 'psa' ? 'PSA' : r.from === 'source' ? 'source' : 'PSA and source') : ''
  return (
    <div className="refresh">
      {r ? (
        <>
          <span className="refresh__label">Refreshing data from {what}</span>
          <ActionProgress action="refresh" label={`Refreshing data from ${what}`} />
        </>
      ) : (
        <span className="muted refresh__stamp">
          Source read {stamp(refreshedAt.source)} · PSA read {stamp(refreshedAt.psa)}
        </span>
      )}
      <button type="button" className="button button--small" disabled={r !== null} onClick={() => void refresh('psa')}>
        Refresh data from PSA
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={r !== null}
        onClick={() => void refresh('source')}
      >
        Refresh data from source
      </button>
    </div>
  )
}

function stamp(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'never'
}
