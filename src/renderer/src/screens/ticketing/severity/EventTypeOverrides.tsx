import type { EventTypeOverride, SeverityTicketing } from '../../../../../shared/contract/severity-ticketing'
import { fieldsOf, optionsFor, type Choices, type Psa } from '../fields'

interface Props {
  psa: Psa
  draft: SeverityTicketing
  choices: Choices | null
  onChange(next: SeverityTicketing): void
}

/** Optional per-event-type overrides of the issue type (Autotask issue / sub-issue type, Syncro problem type). */
export function EventTypeOverrides({ psa, draft, choices, onChange }: Props) {
  const fields = fieldsOf(psa)
  const issue = fields.find((f) => f.key === 'issueType')
  const sub = fields.find((f) => f.key === 'subIssueType')
  const list = draft.eventTypeOverrides
  const put = (next: EventTypeOverride[]) => onChange({ ...draft, eventTypeOverrides: next })
  const update = (i: number, patch: Partial<EventTypeOverride>) =>
    put(list.map((o, j) => (j === i ? { ...o, ...patch } : o)))
  if (!issue) return null
  const defaultIssue = { value: draft.defaults.issueType }
  return (
    <section className="card" aria-label="Event type overrides">
      <h2 className="card__title">Event type overrides</h2>
      <p className="card__description">
        Alerts of these event types get their own {issue.label.toLowerCase()}; all others use the ticket defaults.
      </p>
      {list.length > 0 && (
        <table className="grid tk-grid">
          <thead>
            <tr>
              <th scope="col">Event type</th>
              <th scope="col">{issue.label}</th>
              {sub && <th scope="col">{sub.label}</th>}
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o, i) => (
              <tr key={i}>
                <td>
                  <input
                    className="tk-input"
                    aria-label={`Event type ${i + 1}`}
                    placeholder="e.g. mfa.disable"
                    value={o.eventType}
                    onChange={(e) => update(i, { eventType: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    className="tk-input"
                    aria-label={`${issue.label} for event type ${i + 1}`}
                    value={o.issueType ?? ''}
                    onChange={(e) => update(i, { issueType: e.target.value || null, subIssueType: null })}
                  >
                    {optionsFor({ choices, list: 'issueTypes', value: o.issueType, fallback: defaultIssue }).map(
                      (x) => (
                        <option key={x.value} value={x.value}>
                          {x.label}
                        </option>
                      )
                    )}
                  </select>
                </td>
                {sub && (
                  <td>
                    <select
                      className="tk-input"
                      aria-label={`${sub.label} for event type ${i + 1}`}
                      value={o.subIssueType ?? ''}
                      onChange={(e) => update(i, { subIssueType: e.target.value || null })}
                    >
                      {optionsFor({
                        choices,
                        list: 'subIssueTypes',
                        value: o.subIssueType,
                        fallback: { value: null },
                        issueType: o.issueType ?? draft.defaults.issueType
                      }).map((x) => (
                        <option key={x.value} value={x.value}>
                          {x.label}
                        </option>
                      ))}
                    </select>
                  </td>
                )}
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => put(list.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="button button--small"
        onClick={() => put([...list, { eventType: '', issueType: null, subIssueType: null }])}
      >
        Add override
      </button>
    </section>
  )
}
