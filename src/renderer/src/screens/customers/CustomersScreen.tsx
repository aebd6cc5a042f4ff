import { NO_PSA_MESSAGE, SOURCE_CHOICES } from '../../../../shared/registry'
import { memo, useCallback, useEffect, useMemo, useState } from 'react'
import type { OrgRow } from '../../../../shared/contract/customers'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorNotice, StatusNotice } from '../../components/Notice'
import { useCustomers } from '../../stores/customers'
import { CatchAllSelector } from './CatchAllSelector'
import { LearnedEquivalences } from './LearnedEquivalences'
import { countByStatus, filterOrgs, rowRef } from './filter'
import { IgnoredCustomers } from './IgnoredCustomers'
import { OrgTable } from './OrgTable'
import { RefreshControls } from './RefreshControls'
import { Toolbar } from './Toolbar'
import './customers.css'

// Every keystroke in the search box re-renders this screen; the panels beside the grid keep their props (the view,
// its customers), so they skip that render instead of reconciling two 5,000-customer pickers per key. (The toolbar
// holds the search box and reads the query itself, so it renders per key either way.)
const CatchAllPanel = memo(CatchAllSelector)
const RefreshPanel = memo(RefreshControls)
const LearnedPanel = memo(LearnedEquivalences)
const IgnoredPanel = memo(IgnoredCustomers)

export function CustomersScreen() {
  const view = useCustomers((s) => s.view)
  const indexed = useCustomers((s) => s.indexed)
  const status = useCustomers((s) => s.status)
  const query = useCustomers((s) => s.query)
  const source = useCustomers((s) => s.source)
  const error = useCustomers((s) => s.error)
  const notice = useCustomers((s) => s.notice)
  const pendingCreate = useCustomers((s) => s.pendingCreate)
  const [disabling, setDisabling] = useState<OrgRow | null>(null)

  useEffect(() => void useCustomers.getState().load(), [])

  const rows = useMemo(() => filterOrgs(indexed, status, query, source), [indexed, status, query, source])
  const ofSource = useMemo(() => (view?.orgs ?? []).filter((o) => !source || o.source === source), [view, source])
  const counts = useMemo(() => countByStatus(ofSource), [ofSource])
  const confidentCount = useMemo(
    () => ofSource.filter((o) => o.status === 'suggested' && o.suggestion?.confident).length,
    [ofSource]
  )
  const onDisable = useCallback((org: OrgRow) => setDisabling(org), [])

  if (!view) {
    return error ? (
      <ErrorNotice message={error.message} hint={error.hint} />
    ) : (
      <p className="muted" role="status">
        Loading organizations…
      </p>
    )
  }

  const empty = view.orgs.length === 0
  return (
    <div className="customers">
      <p className="screen__intro">
        Map each organization to its customer in the PSA. A wrong match bills the wrong client: check suggestions before
        accepting them.
      </p>
      {(!view.psa || view.sources.length === 0) && (
        <ErrorNotice
          message={!view.psa ? NO_PSA_MESSAGE : `${SOURCE_CHOICES} is not connected yet.`}
          hint="Connect it on the Connect step, then refresh the data here."
        />
      )}
      <div className="customers__bar">
        <CatchAllPanel view={view} />
        <RefreshPanel refreshedAt={view.refreshedAt} />
      </div>
      <Toolbar counts={counts} confidentCount={confidentCount} sources={view.sources.map((s) => s.source)} />
      <LearnedPanel />
      <IgnoredPanel customers={view.customers} />
      <div className="customers__messages">
        {error && <ErrorNotice message={error.message} hint={error.hint} />}
        {notice && <StatusNotice>{notice}</StatusNotice>}
      </div>
      {empty ? (
        <p className="customers__empty">
          No organizations yet. Use “Refresh data from source” to read them from {SOURCE_CHOICES}.
        </p>
      ) : (
        <OrgTable rows={rows} customers={view.customers} query={query} onDisable={onDisable} />
      )}

      <ConfirmDialog
        open={disabling !== null}
        title={`Disable ${disabling?.name ?? ''}?`}
        confirmLabel="Disable organization"
        danger
        onCancel={() => setDisabling(null)}
        onConfirm={() => {
          if (disabling) void useCustomers.getState().setDisabled(rowRef(disabling), true)
          setDisabling(null)
        }}
      >
        This removes its customer, billing and ticketing mappings and stops its sync. You can enable it again later, but
        the mappings must be set up anew.
      </ConfirmDialog>
      <ConfirmDialog
        open={pendingCreate !== null}
        title={`Create ${pendingCreate?.orgName ?? ''} in the PSA?`}
        confirmLabel="Create anyway"
        onCancel={() => useCustomers.getState().cancelCreate()}
        onConfirm={() => {
          if (pendingCreate) void useCustomers.getState().createInPsa(pendingCreate.org, true)
        }}
      >
        {pendingCreate?.message} Creating another customer may split this client&apos;s billing and tickets.
      </ConfirmDialog>
    </div>
  )
}
