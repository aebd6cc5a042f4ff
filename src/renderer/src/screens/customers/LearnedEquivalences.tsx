import { useCustomers } from '../../stores/customers'

/**
 * Words the matcher learned from the admin's own mappings ("Chiro" = "Chiropractic"), with where each came from.
 * Removing an entry recomputes the suggestions without it.
 */
export function LearnedEquivalences() {
  const list = useCustomers((s) => s.learned)
  if (list.length === 0) return null
  return (
    <section className="learned" aria-label="Learned from your mappings">
      <h3 className="learned__title">Learned from your mappings</h3>
      <ul className="learned__list">
        {list.map((e) => (
          <li key={`${e.a}|${e.b}`}>
            <span>
              &lsquo;{e.shownA}&rsquo; = &lsquo;{e.shownB}&rsquo;
            </span>{' '}
            <span className="muted">
              from {e.orgName} → {e.customerName}
            </span>{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={`Forget '${e.shownA}' = '${e.shownB}'`}
              onClick={() => void useCustomers.getState().forgetLearned(e)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
