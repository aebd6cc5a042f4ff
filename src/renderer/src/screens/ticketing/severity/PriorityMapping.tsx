import { SEVERITY_LABELS, type SeverityTicketing } from '../../../../../shared/contract/severity-ticketing'
import type { Choices } from '../fields'

const SEVERITIES = ['critical', 'medium', 'low'] as const

interface Props {
  draft: SeverityTicketing
  choices: Choices | null
  onChange(next: SeverityTicketing): void
}

/** Alert Priority Mapping: each severity on or off, and the PSA priority its tickets get (required while on). */
export function PriorityMapping({ draft, choices, onChange }: Props) {
  return (
    <section className="card" aria-label="Alert priority mapping">
      <h2 className="card__title">Alert priority mapping</h2>
      <p className="card__description">Each severity becomes a ticket priority from the PSA’s own list.</p>
      <table className="grid tk-grid">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Ticketed</th>
            <th scope="col">PSA priority</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((sev) => {
            const rule = draft.severities[sev]
            const set = (next: Partial<typeof rule>) =>
              onChange({ ...draft, severities: { ...draft.severities, [sev]: { ...rule, ...next } } })
            const label = SEVERITY_LABELS[sev]
            return (
              <tr key={sev}>
                <th scope="row">{label}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Ticket ${label} alerts`}
                    checked={rule.enabled}
                    onChange={(e) => set({ enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <select
                    className="tk-input"
                    aria-label={`Priority for ${label} alerts`}
                    aria-invalid={rule.enabled && !rule.priority ? true : undefined}
                    value={rule.priority ?? ''}
                    disabled={!rule.enabled}
                    onChange={(e) => set({ priority: e.target.value || null })}
                  >
                    <option value="">Choose a priority…</option>
                    {choices?.priorities.map((p) => (
                      <option key={p.value} value={p.value}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
