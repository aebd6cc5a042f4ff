import { useCallback, useEffect, useState } from 'react'
import { api } from '../../api/client'
import { ErrorNotice, StatusNotice } from '../../components/Notice'
import { useTicketing } from '../../stores/ticketing'
import { formatTime } from '../billing/format'
import '../billing/billing.css'
import './ticketing.css'
import { FieldsTable } from './FieldsTable'
import { StatusCard } from './StatusCard'
import { TemplatesPanel, templatesValid } from './TemplatesPanel'
import { TestTicketPanel } from './TestTicketPanel'
import { kindLabel, NO_PSA_MESSAGE, PSA_CHOICES, sourceInfo, type SourceKind } from '../../../../shared/registry'
import { SeverityTicketingPanel } from './severity/SeverityTicketingPanel'
import { SourceTabs, useTicketingSources } from './SourceTabs'

export function TicketingScreen() {
  const view = useTicketing((s) => s.view)
  const draft = useTicketing((s) => s.draft)
  const error = useTicketing((s) => s.error)
  const notice = useTicketing((s) => s.notice)
  const busy = useTicketing((s) => s.busy)
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set())
  // Bumped by "Discard changes" so cell editors holding typed text start over from the saved values.
  const [epoch, setEpoch] = useState(0)
  const sources = useTicketingSources()
  const [picked, setPicked] = useState<SourceKind | null>(null)
  const source = picked && sources.includes(picked) ? picked : sources[0]!
  const customers = useTicketing((s) => s.customers)

  useEffect(() => {
    void useTicketing.getState().load()
    // Scheduled polls (or the tray) deliver alerts while this screen is open.
    return api.on('alertsChanged', () => void useTicketing.getState().loadActivity())
  }, [])

  const onValidity = useCallback(
    (cell: string, ok: boolean) =>
      setInvalid((s) => {
        if (ok === !s.has(cell)) return s
        const next = new Set(s)
        if (ok) next.delete(cell)
        else next.add(cell)
        return next
      }),
    []
  )

  if (!view || !draft) {
    return error ? (
      <ErrorNotice message={error.message} hint={error.hint} />
    ) : (
      <p className="muted" role="status">
        Loading ticketing…
      </p>
    )
  }

  const { edit, save, discard, refreshLists } = useTicketing.getState()
  const dirty = JSON.stringify({ ...draft, enabled: view.settings.enabled }) !== JSON.stringify(view.settings)
  const psa = view.psa
  const tabs = <SourceTabs sources={sources} current={source} onChoose={setPicked} />
  if (psa && sourceInfo(source).alertsBy === 'severity')
    return (
      <div className="billing tk">
        {tabs}
        <SeverityTicketingPanel source={source} psa={psa} choices={view.choices} customers={customers} />
      </div>
    )
  return (
    <div className="billing tk">
      {tabs}
      <p className="screen__intro">
        JumpCloud security alerts become tickets in your PSA: one ticket per organization, alert type and user or
        device; repeats are added to it as notes.
      </p>
      {!psa && <ErrorNotice message={NO_PSA_MESSAGE} hint={`Connect ${PSA_CHOICES} on the Connect step.`} />}
      <div className="billing__messages">
        {error && <ErrorNotice message={error.message} hint={error.hint} />}
        {notice && <StatusNotice>{notice}</StatusNotice>}
      </div>
      <StatusCard view={view} />
      {psa && (
        <>
          <section className="card" aria-label="Ticket fields">
            <div className="card__header">
              <h2 className="card__title">Ticket fields</h2>
              <div className="tk-lists">
                <span className="muted">
                  {view.choices
                    ? `${kindLabel(psa)} lists read ${formatTime(view.choicesFetchedAt)}`
                    : `${kindLabel(psa)} lists not loaded`}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  onClick={() => void refreshLists()}
                >
                  {busy === 'refresh' ? 'Refreshing…' : 'Refresh lists from PSA'}
                </button>
              </div>
            </div>
            <p className="card__description">
              Ticket defaults apply wherever an alert type row says “Default”. Choices come from the PSA’s own lists.
            </p>
            {view.choicesError && (
              <ErrorNotice
                message={view.choicesError}
                hint="The last lists read are used; refresh when the PSA is reachable."
              />
            )}
            {view.problems.length > 0 && (
              <div className="card__warning" role="note">
                {view.problems.length} saved value(s) are no longer in the PSA's lists; alerts that use them are held
                until you choose another value.
              </div>
            )}
            <FieldsTable key={epoch} psa={psa} view={view} draft={draft} onChange={edit} onValidity={onValidity} />
          </section>
          <TemplatesPanel draft={draft} onChange={edit} />
          <div className="form__actions tk-save">
            <button
              type="button"
              className="button button--primary"
              disabled={!dirty || busy !== null || invalid.size > 0 || !templatesValid(draft)}
              onClick={() => void save()}
            >
              {busy === 'save' ? 'Saving…' : 'Save settings'}
            </button>
            {dirty && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  discard()
                  setInvalid(new Set())
                  setEpoch((n) => n + 1)
                }}
              >
                Discard changes
              </button>
            )}
            {dirty && <span className="muted">Unsaved changes</span>}
          </div>
          <TestTicketPanel view={view} dirty={dirty} />
        </>
      )}
    </div>
  )
}
