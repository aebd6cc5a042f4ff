import { useCallback, useState } from 'react'
import { OrgContractBillingSchema, type OrgContractBilling } from '../../../../shared/contract/billing'
import type { SourceKind } from '../../../../shared/registry'
import { api } from '../../api/client'
import { RemotePicker } from '../../components/RemotePicker'

export interface SyncDayOrg {
  orgId: string
  orgName: string
  customerName: string | null
  /** It has a billing mapping already: the default service is never added for it. */
  billed: boolean
}

interface Props {
  kind: SourceKind
  org: SyncDayOrg
  value: OrgContractBilling | undefined
  /** undefined = nothing set for this org. */
  onChange(next: OrgContractBilling | undefined): void
}

/** One org's contract (picked from the PSA), "add the default service" and unit cost/price overrides. */
export function SyncDayOrgRow({ kind, org, value, onChange }: Props) {
  const v = value ?? OrgContractBillingSchema.parse({})
  const [picking, setPicking] = useState(false)
  const put = (patch: Partial<OrgContractBilling>) => {
    const next = { ...v, ...patch }
    const empty = !next.containerId && !next.addDefaultService && next.unitCost === null && next.unitPrice === null
    onChange(empty ? undefined : next)
  }
  const loadContracts = useCallback(
    () =>
      api.listBillingTargets({ source: kind, orgId: org.orgId }).then((t) =>
        t.containers.map((c) => ({
          id: c.id,
          name: c.name,
          meta: `${c.items.length} line${c.items.length === 1 ? '' : 's'}`
        }))
      ),
    [kind, org.orgId]
  )
  const money = (field: 'unitCost' | 'unitPrice', words: string) => (
    <input
      className="tk-input"
      type="number"
      min="0"
      step="0.01"
      aria-label={`${words} for ${org.orgName}`}
      value={v[field] ?? ''}
      placeholder="catalogue"
      onChange={(e) => put({ [field]: e.target.value === '' ? null : Number(e.target.value) })}
    />
  )
  return (
    <tr>
      <th scope="row">{org.orgName}</th>
      <td>{org.customerName ?? <span className="muted">—</span>}</td>
      <td>
        {picking ? (
          <RemotePicker
            label={`Contract for ${org.orgName}`}
            what="contracts"
            placeholder="Search this customer's contracts"
            selected={v.containerId ? { id: v.containerId, name: v.containerName || v.containerId } : null}
            load={loadContracts}
            onChoose={(c) => {
              put({ containerId: c.id, containerName: c.name })
              setPicking(false)
            }}
          />
        ) : (
          <>
            <span>{v.containerId ? v.containerName || v.containerId : <span className="muted">none</span>}</span>{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={`${v.containerId ? 'Change' : 'Pick'} contract for ${org.orgName}`}
              onClick={() => setPicking(true)}
            >
              {v.containerId ? 'Change' : 'Pick contract'}
            </button>
            {v.containerId && (
              <button
                type="button"
                className="button button--small"
                aria-label={`Clear contract for ${org.orgName}`}
                onClick={() => put({ containerId: null, containerName: '', addDefaultService: false })}
              >
                Clear
              </button>
            )}
          </>
        )}
      </td>
      <td>
        {org.billed ? (
          <span className="muted">has a billing line</span>
        ) : (
          <input
            type="checkbox"
            aria-label={`Add the default contract service for ${org.orgName}`}
            checked={v.addDefaultService}
            onChange={(e) => put({ addDefaultService: e.target.checked })}
          />
        )}
      </td>
      {/* Overrides for the service when it is added; a billed org's cost and price are its mapping's. */}
      <td>{org.billed ? <span className="muted">its mapping’s</span> : money('unitCost', 'Unit cost')}</td>
      <td>{org.billed ? <span className="muted">its mapping’s</span> : money('unitPrice', 'Unit price')}</td>
    </tr>
  )
}
