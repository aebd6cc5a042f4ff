import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { ErrorNotice, StatusNotice } from '../../components/Notice'
import { useTicketing } from '../../stores/ticketing'
import '../ticketing/ticketing.css'
import { ageText } from '../ticketing/fields'
import { AlertQueueTable } from './AlertQueueTable'
import { AlertTicketsTable } from './AlertTicketsTable'

const FILTERS = [
  { value: 'pending', label: 'Not delivered' },
  { value: 'all', label: 'All alerts' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'suppressed', label: 'Suppressed' }
] as const
type Filter = (typeof FILTERS)[number]['value']

/** Activity's ticketing part: every generated ticket, and the alerts still queued or waiting for a mapping. */
export function TicketsSection() {
  const tickets = useTicketing((s) => s.tickets)
  const alerts = useTicketing((s) => s.alerts)
  const error = useTicketing((s) => s.error)
  const notice = useTicketing((s) => s.notice)
  const [filter, setFilter] = useState<Filter>('pending')

  useEffect(() => {
    // Messages of the Ticketing screen do not belong here.
    useTicketing.setState({ notice: null, error: null })
    void useTicketing.getState().loadActivity()
    return api.on('alertsChanged', () => void useTicketing.getState().loadActivity())
  }, [])

  const rows = (alerts?.alerts ?? []).filter((a) =>
    filter === 'all'
      ? true
      : filter === 'pending'
        ? a.state === 'queued' || a.state === 'waiting-mapping' || a.state === 'attention'
        : a.state === filter
  )
  const c = alerts?.counts
  return (
    <section className="tk-section" aria-label="Tickets">
      <div className="tk-section__bar">
        <h2 className="card__title">Tickets</h2>
        {c && (
          <span className="muted" role="status">
            {c.delivered} delivered · {c.queued} queued
            {alerts.oldestQueuedSeconds !== null ? ` (oldest ${ageText(alerts.oldestQueuedSeconds)})` : ''} ·{' '}
            {c.waitingMapping} waiting for a mapping · {c.suppressed} suppressed
            {c.attention ? ` · ${c.attention} need attention` : ''}
          </span>
        )}
      </div>
      {error && <ErrorNotice message={error.message} hint={error.hint} />}
      {notice && <StatusNotice>{notice}</StatusNotice>}
      {tickets === null ? (
        <p className="muted">Loading tickets…</p>
      ) : tickets.length === 0 ? (
        <p className="billing__empty">
          No tickets yet. Switch on automated ticketing or send a test ticket on the Ticketing step.
        </p>
      ) : (
        <AlertTicketsTable tickets={tickets} alerts={alerts?.alerts ?? []} />
      )}
      <div className="tk-section__bar">
        <h3 className="card__subtitle">Alerts</h3>
        <label className="check">
          <span className="check__label">Show</span>
          <select
            className="tk-snooze"
            aria-label="Show alerts"
            value={filter}
            onChange={(e) => setFilter(FILTERS.find((f) => f.value === e.target.value)?.value ?? 'pending')}
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? <p className="muted">No alerts here.</p> : <AlertQueueTable alerts={rows} />}
    </section>
  )
}
