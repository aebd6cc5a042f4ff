import type { BillingView } from '../../../../shared/contract/billing'
import { useBilling } from '../../stores/billing'

/** Mapped orgs that are not billed yet: each one is a button into the editor. */
export function OrgsWithoutBilling({ orgs }: { orgs: BillingView['orgsWithoutBilling'] }) {
  if (orgs.length === 0) return null
  const { openEditor } = useBilling.getState()
  return (
    <section className="card" aria-label="Organizations without billing">
      <h2 className="card__title">Not billed yet ({orgs.length})</h2>
      <ul className="chips">
        {orgs.map((o) => (
          <li key={`${o.source}:${o.orgId}`}>
            <button
              type="button"
              className="button button--small"
              aria-label={`Set up billing of ${o.orgName}`}
              onClick={() => openEditor({ source: o.source, orgId: o.orgId, orgName: o.orgName })}
            >
              {o.orgName}
              <span className="muted"> → {o.customerName ?? o.customerId}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
