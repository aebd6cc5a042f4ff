import { useCustomers } from '../../stores/customers'

const PHASE_LABEL: Record<string, string> = {
  starting: 'Starting…',
  organizations: 'Organizations read',
  customers: 'Customers read'
}

/** A determinate bar while a refresh runs, fed by the core's syncProgress events. */
export function RefreshProgress() {
  const r = useCustomers((s) => s.refreshing)
  if (!r) return null
  const what = r.from === 'psa' ? 'PSA' : r.from === 'source' ? 'source' : 'PSA and source'
  return (
    <div className="refresh">
      <span className="refresh__label">Refreshing data from {what}</span>
      <progress aria-label={`Refreshing data from ${what}`} max={r.total} value={r.done} />
      <span className="muted">{PHASE_LABEL[r.phase] ?? r.phase}</span>
    </div>
  )
}
