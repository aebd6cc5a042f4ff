import { useId } from 'react'
import type { TicketingView } from '../../../../shared/contract/ticketing'
import { useTicketing } from '../../stores/ticketing'
import { formatTime } from '../billing/format'
import { ageText } from './fields'

/** The master toggle with what the intake is doing: last poll, the retry queue and its age, waiting alerts. */
export function StatusCard({ view }: { view: TicketingView }) {
  const helpId = useId()
  const busy = useTicketing((s) => s.busy)
  const alerts = useTicketing((s) => s.alerts)
  const on = view.settings.enabled
  const counts = alerts?.counts
  const { setEnabled, pollNow } = useTicketing.getState()

  return (
    <section className="card tk-status" aria-label="Automated ticketing">
      <label className="tk-switch">
        <input
          type="checkbox"
          role="switch"
          aria-label="Automated ticketing"
          aria-describedby={helpId}
          checked={on}
          disabled={busy !== null || !view.psa}
          onChange={(e) => void setEnabled(e.target.checked)}
        />
        <span>
          <span className="check__label" aria-hidden="true">
            Automated ticketing
          </span>
          <span id={helpId} className="field__help">
            {on
              ? 'On: JumpCloud alerts become tickets in the PSA.'
              : 'Off: no alerts are polled, no tickets are created. Switching it back on starts from that moment: what happened while it was off does not become tickets.'}
          </span>
        </span>
      </label>
      <dl className="tk-status__facts">
        <div>
          <dt>Last poll</dt>
          <dd>
            {formatTime(view.lastPoll.at)}
            {view.lastPoll.error && <span className="grid__error"> · {view.lastPoll.error}</span>}
          </dd>
        </div>
        <div>
          <dt>Retry queue</dt>
          <dd>
            {counts ? `${counts.queued} queued` : '—'}
            {alerts?.oldestQueuedSeconds != null && ` · oldest ${ageText(alerts.oldestQueuedSeconds)}`}
          </dd>
        </div>
        <div>
          <dt>Waiting for a mapping</dt>
          <dd>{counts ? counts.waitingMapping : '—'}</dd>
        </div>
        {counts && counts.attention > 0 && (
          <div>
            <dt>Need attention</dt>
            <dd className="grid__error">{counts.attention} (see Activity: a setting must change, then Retry now)</dd>
          </div>
        )}
      </dl>
      <button type="button" className="button" disabled={!on || busy !== null} onClick={() => void pollNow()}>
        {busy === 'poll' ? 'Polling…' : 'Poll now'}
      </button>
    </section>
  )
}
