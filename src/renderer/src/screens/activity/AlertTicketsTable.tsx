import type { AlertRow, AlertTicketRow } from '../../../../shared/contract/ticketing'
import { useTicketing } from '../../stores/ticketing'
import { ActionBadge } from '../billing/ActionBadge'
import { formatTime } from '../billing/format'
import { safeLink } from '../ticketing/fields'
import { GridHead } from '../../components/GridHead'

const SNOOZE = [
  { hours: 1, label: '1 hour' },
  { hours: 8, label: '8 hours' },
  { hours: 24, label: '1 day' },
  { hours: 168, label: '1 week' }
]

/** Tickets PSA Bridge generated, with acknowledge / snooze for the alert group behind each. */
export function AlertTicketsTable({ tickets, alerts }: { tickets: AlertTicketRow[]; alerts: AlertRow[] }) {
  const groupBusy = useTicketing((s) => s.groupBusy)
  const loadedAt = useTicketing((s) => s.loadedAt)
  // The ticket row has no alert type; the newest alert of its group names it.
  const about = new Map<string, AlertRow>()
  for (const a of alerts) if (!about.has(a.groupKey)) about.set(a.groupKey, a)

  return (
    <table className="grid" aria-label="Generated tickets">
      <GridHead
        columns={[
          { label: 'Ticket' },
          { label: 'Customer' },
          { label: 'Alert' },
          { label: 'Created' },
          { label: 'Alerts', num: true },
          { label: 'State' },
          { label: 'Actions', hidden: true }
        ]}
      />
      <tbody>
        {tickets.map((t) => {
          const name = t.ticketNumber ?? t.ticketId ?? 'pending'
          const link = safeLink(t.ticketUrl)
          const a = about.get(t.groupKey)
          const snoozed = t.snoozedUntil !== null && Date.parse(t.snoozedUntil) > loadedAt
          const busy = groupBusy.has(t.groupKey)
          const { acknowledge, snooze } = useTicketing.getState()
          return (
            <tr key={`${t.groupKey}:${t.ticketId ?? ''}:${t.createdAt ?? ''}`}>
              <th scope="row">
                {link ? (
                  <a href={link} target="_blank" rel="noreferrer">
                    #{name}
                  </a>
                ) : (
                  `#${name}`
                )}
                {t.isTest && <span className="badge badge--after">test</span>}
              </th>
              <td>{t.customerName ?? t.customerId}</td>
              <td>
                {t.isTest ? 'Test ticket' : a ? [a.alertLabel, a.user, a.device].filter(Boolean).join(' · ') : '—'}
              </td>
              <td>{formatTime(t.createdAt)}</td>
              <td className="num">{t.alerts}</td>
              <td>
                <ActionBadge value={t.state} />
                {t.acknowledgedAt && <span className="badge badge--after">acknowledged</span>}
                {snoozed && <div className="grid__reason">Snoozed until {formatTime(t.snoozedUntil)}</div>}
              </td>
              <td className="grid__actions">
                {!t.isTest && t.state !== 'closed' && (
                  <>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      aria-pressed={t.acknowledgedAt !== null}
                      aria-label={`${t.acknowledgedAt ? 'Remove acknowledgement of' : 'Acknowledge'} ticket ${name}`}
                      onClick={() => void acknowledge(t.groupKey, t.acknowledgedAt === null)}
                    >
                      {t.acknowledgedAt ? 'Unacknowledge' : 'Acknowledge'}
                    </button>
                    {snoozed ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy}
                        aria-label={`Unsnooze ticket ${name}`}
                        onClick={() => void snooze(t.groupKey, null)}
                      >
                        Unsnooze
                      </button>
                    ) : (
                      <select
                        className="tk-snooze"
                        aria-label={`Snooze ticket ${name}`}
                        value=""
                        disabled={busy}
                        onChange={(e) => {
                          const hours = Number(e.target.value)
                          if (hours > 0) void snooze(t.groupKey, new Date(Date.now() + hours * 3_600_000).toISOString())
                        }}
                      >
                        <option value="">Snooze…</option>
                        {SNOOZE.map((s) => (
                          <option key={s.hours} value={s.hours}>
                            {s.label}
                          </option>
                        ))}
                      </select>
                    )}
                  </>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
