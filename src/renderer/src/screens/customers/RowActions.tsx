import type { OrgRow } from '../../../../shared/contract/customers'
import { useCustomers } from '../../stores/customers'
import { rowRef } from './filter'

interface RowActionsProps {
  org: OrgRow
  busy: boolean
  onDisable(org: OrgRow): void
}

/** The per-row buttons; each accessible name carries the org name ("Ignore Acme"). */
export function RowActions({ org, busy, onDisable }: RowActionsProps) {
  const s = useCustomers.getState()
  const ref = rowRef(org)
  const open = org.status === 'unmapped' || org.status === 'suggested'
  return (
    <div className="row-actions">
      {org.status === 'suggested' && org.suggestion && (
        <button
          type="button"
          className="button button--small button--primary"
          disabled={busy}
          aria-label={`Accept suggestion for ${org.name}`}
          onClick={() => void s.acceptSuggestion(ref)}
        >
          Accept
        </button>
      )}
      {open && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={`Create ${org.name} in PSA`}
          onClick={() => void s.createInPsa(ref)}
        >
          Create in PSA
        </button>
      )}
      {open && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={`Ignore ${org.name}`}
          onClick={() => void s.setIgnored(ref, true)}
        >
          Ignore
        </button>
      )}
      {org.status === 'ignored' && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={`Stop ignoring ${org.name}`}
          onClick={() => void s.setIgnored(ref, false)}
        >
          Un-ignore
        </button>
      )}
      {org.status === 'mapped' && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={`Unmap ${org.name}`}
          onClick={() => void s.unmapOrg(ref)}
        >
          Unmap
        </button>
      )}
      {org.status === 'disabled' ? (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={`Enable ${org.name}`}
          onClick={() => void s.setDisabled(ref, false)}
        >
          Enable
        </button>
      ) : (
        <button
          type="button"
          className="button button--small button--danger-quiet"
          disabled={busy}
          aria-label={`Disable ${org.name}`}
          onClick={() => onDisable(org)}
        >
          Disable
        </button>
      )}
    </div>
  )
}
