import type { SeverityTicketing, SeverityTicketingView } from '../../../../../shared/contract/severity-ticketing'

interface Props {
  orgs: SeverityTicketingView['orgs']
  draft: SeverityTicketing
  onChange(next: SeverityTicketing): void
}

/** "Add agreement/contract to tickets": per org, the PSA contract set on every ticket created for it. */
export function OrgContracts({ orgs, draft, onChange }: Props) {
  const setContract = (orgId: string, text: string) => {
    const id = text.replace(/\D/g, '').slice(0, 15)
    const next = { ...draft.orgContracts }
    if (id) next[orgId] = id
    else delete next[orgId]
    onChange({ ...draft, orgContracts: next })
  }
  return (
    <section className="card" aria-label="Contracts on tickets">
      <h2 className="card__title">Contracts on tickets</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.contractOnTickets}
          onChange={(e) => onChange({ ...draft, contractOnTickets: e.target.checked })}
        />{' '}
        <span className="check__label">Add the organization’s contract to its tickets</span>
      </label>
      <p className="card__description">
        Organizations without a contract still get tickets, without one. The contract is the PSA’s contract id (Autotask
        contract, Syncro contract).
      </p>
      {draft.contractOnTickets && (
        <table className="grid tk-grid">
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">PSA customer</th>
              <th scope="col">Contract id</th>
            </tr>
          </thead>
          <tbody>
            {orgs.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No organizations read from this source yet.
                </td>
              </tr>
            )}
            {orgs.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{o.customerName ?? <span className="muted">not mapped (catch-all)</span>}</td>
                <td>
                  <input
                    className="tk-input"
                    inputMode="numeric"
                    aria-label={`Contract for ${o.name}`}
                    value={draft.orgContracts[o.id] ?? ''}
                    onChange={(e) => setContract(o.id, e.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
