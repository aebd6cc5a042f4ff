import { useBilling } from '../../stores/billing'
import { targetWords, type Psa } from './format'

/** Lists mapped customers that cannot be billed yet, with what to do in the PSA. */
export function PrerequisitesPanel({ psa }: { psa: Psa }) {
  const result = useBilling((s) => s.prerequisites)
  const checking = useBilling((s) => s.checking)
  const words = targetWords(psa)
  return (
    <section className="card" aria-label="Prerequisites">
      <div className="card__header">
        <h2 className="card__title">Prerequisites</h2>
        <button
          type="button"
          className="button button--small"
          disabled={checking || !psa}
          onClick={() => void useBilling.getState().checkPrerequisites()}
        >
          {checking ? 'Checking…' : 'Check prerequisites'}
        </button>
      </div>
      <p className="card__description">Every mapped customer needs {words.prerequisite}.</p>
      {result &&
        (result.problems.length === 0 ? (
          <p role="status" className="muted">
            All {result.checked} mapped customers have {words.containers} with items.
          </p>
        ) : (
          <ul className="problems" aria-label="Prerequisite problems">
            {result.problems.map((p) => (
              <li key={`${p.source}:${p.orgId}`}>
                <strong>{p.orgName}</strong> <span className="muted">({p.customerName ?? p.customerId})</span>:{' '}
                {p.message}
                <div className="problems__fix">{p.fix}</div>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
