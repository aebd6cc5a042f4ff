import type { AlertRow } from '../../../../shared/contract/ticketing'
import { kindLabel } from '../../../../shared/registry'
import { ActionBadge } from '../billing/ActionBadge'
import { formatTime } from '../billing/format'
import { ageText } from '../ticketing/fields'
import { GridHead } from '../../components/GridHead'

const STATE_WORDS: Record<AlertRow['state'], string> = {
  queued: 'queued',
  delivered: 'delivered',
  'waiting-mapping': 'waiting for a mapping',
  suppressed: 'suppressed',
  disabled: 'type off',
  attention: 'needs attention'
}

/** Alerts with where they went: a ticket, a note, the retry queue (with its age) or waiting for a mapping. */
export function AlertQueueTable({ alerts }: { alerts: AlertRow[] }) {
  return (
    <table className="grid" aria-label="Alerts">
      <GridHead
        columns={[
          { label: 'Occurred' },
          { label: 'Source' },
          { label: 'Organization' },
          { label: 'Alert' },
          { label: 'User / device' },
          { label: 'State' },
          { label: 'Outcome' }
        ]}
      />
      <tbody>
        {alerts.map((a) => (
          <tr key={a.eventId}>
            <th scope="row">{formatTime(a.occurredAt)}</th>
            <td>{kindLabel(a.source)}</td>
            <td>{a.orgName ?? a.orgId}</td>
            <td>{a.alertLabel}</td>
            <td>{[a.user, a.device].filter(Boolean).join(' · ') || '—'}</td>
            <td>
              <ActionBadge value={STATE_WORDS[a.state]} />
            </td>
            <td>
              <Outcome a={a} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Outcome({ a }: { a: AlertRow }) {
  const ticket = a.ticketNumber ?? a.ticketId
  if (a.state === 'delivered')
    return <>{a.delivery === 'note' ? `Note on #${ticket ?? '?'}` : `Ticket #${ticket ?? '?'}`}</>
  if (a.state === 'queued')
    return (
      <div className="grid__last">
        <span>
          Waiting {ageText(a.ageSeconds)} · {a.attempts} attempt(s)
          {a.nextAttemptAt ? ` · next ${formatTime(a.nextAttemptAt)}` : ''}
        </span>
        {a.lastError && <span className="grid__error">{a.lastError}</span>}
      </div>
    )
  if (a.state === 'attention')
    return (
      <div className="grid__last">
        <span>Not retried until a setting changes (then Retry now):</span>
        <span className="grid__error">{a.lastError ?? 'the PSA refused it'}</span>
      </div>
    )
  if (a.state === 'waiting-mapping')
    return <>Kept {ageText(a.ageSeconds)}: map the organization or set a catch-all customer</>
  if (a.state === 'suppressed')
    return (
      <>
        {ticket
          ? `Repeat recorded on #${ticket} (acknowledged or snoozed)`
          : 'Recorded, no note (acknowledged or snoozed)'}
      </>
    )
  return <>Recorded; this alert type is switched off</>
}
