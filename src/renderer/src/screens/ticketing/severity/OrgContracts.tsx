import { useCallback, useState } from 'react'
import type { SeverityTicketing, SeverityTicketingView } from '../../../../../shared/contract/severity-ticketing'
import { SourceKindSchema } from '../../../../../shared/registry'
import { api } from '../../../api/client'
import { RemotePicker } from '../../../components/RemotePicker'

interface Props {
  source: string
  orgs: SeverityTicketingView['orgs']
  draft: SeverityTicketing
  onChange(next: SeverityTicketing): void
}

/** "Add agreement/contract to tickets": per org, the PSA contract set on every ticket created for it. */
export function OrgContracts({ source, orgs, draft, onChange }: Props) {
  const setContract = (orgId: string, id: string | null) => {
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
        Organizations without a contract still get tickets, without one. Pick each organization’s contract from its PSA
        customer’s contracts (Autotask contracts, Syncro contracts).
      </p>
      {draft.contractOnTickets && (
        <table className="grid tk-grid">
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">PSA customer</th>
              <th scope="col">Contract</th>
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
                  {o.customerId ? (
                    <ContractCell
                      source={source}
                      org={o}
                      contractId={draft.orgContracts[o.id] ?? null}
                      onChange={(id) => setContract(o.id, id)}
                    />
                  ) : (
                    <span className="muted">map it to a customer first</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function ContractCell(props: {
  source: string
  org: SeverityTicketingView['orgs'][number]
  contractId: string | null
  onChange(id: string | null): void
}) {
  const { source, org } = props
  const [picking, setPicking] = useState(false)
  const [name, setName] = useState<string | null>(null)
  const load = useCallback(
    () =>
      api
        .listOrgContracts({ source: SourceKindSchema.parse(source), orgId: org.id })
        .then((r) => r.contracts.map((c) => ({ id: c.id, name: c.name, meta: `#${c.id}` }))),
    [source, org.id]
  )
  const shown = props.contractId ? (name ?? `Contract #${props.contractId}`) : null
  if (picking)
    return (
      <RemotePicker
        label={`Contract for ${org.name}`}
        what="contracts"
        placeholder="Search this customer's contracts"
        selected={props.contractId && shown ? { id: props.contractId, name: shown } : null}
        load={load}
        onChoose={(c) => {
          setName(c.name)
          props.onChange(c.id)
          setPicking(false)
        }}
      />
    )
  return (
    <>
      <span>{shown ?? <span className="muted">none</span>}</span>{' '}
      <button
        type="button"
        className="button button--small"
        aria-label={`${props.contractId ? 'Change' : 'Pick'} contract for ${org.name}`}
        onClick={() => setPicking(true)}
      >
        {props.contractId ? 'Change' : 'Pick contract'}
      </button>
      {props.contractId && (
        <button
          type="button"
          className="button button--small"
          aria-label={`Clear contract for ${org.name}`}
          onClick={() => props.onChange(null)}
        >
          Clear
        </button>
      )}
    </>
  )
}
