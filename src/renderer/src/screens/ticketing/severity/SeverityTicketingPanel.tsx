import { useEffect } from 'react'
import { kindLabel, psaInfo, type SourceKind } from '../../../../../shared/registry'
import { ErrorNotice, StatusNotice } from '../../../components/Notice'
import { useSourceTicketing } from '../../../stores/source-ticketing'
import { useTicketing } from '../../../stores/ticketing'
import type { Choices, Psa } from '../fields'
import { EventTypeOverrides } from './EventTypeOverrides'
import { OrgContracts } from './OrgContracts'
import { PriorityMapping } from './PriorityMapping'
import { SeverityStatusCard } from './SeverityStatusCard'
import { SeverityTestTicket } from './SeverityTestTicket'
import { TicketDefaults } from './TicketDefaults'

interface Props {
  source: SourceKind
  psa: Psa
  choices: Choices | null
  customers: ReadonlyArray<{ id: string; name: string }>
}

/** The PSA's own word for the issue-type field (Syncro: problem type), from the registry. */
function issueTypeWord(psa: Psa): string {
  const field = psaInfo(psa).ticketFields.find((f) => f.key === 'issueType')
  return (field?.label ?? 'Issue type').toLowerCase()
}

/** Ticketing of a source that alerts by severity: switch, priority mapping, defaults, overrides, contracts, test. */
export function SeverityTicketingPanel({ source, psa, choices, customers }: Props) {
  const view = useSourceTicketing((s) => s.view)
  const draft = useSourceTicketing((s) => s.draft)
  const error = useSourceTicketing((s) => s.error)
  const notice = useSourceTicketing((s) => s.notice)
  const busy = useSourceTicketing((s) => s.busy)
  useEffect(() => {
    void useSourceTicketing.getState().load(source)
  }, [source])

  const messages = (
    <div className="billing__messages">
      {error && <ErrorNotice message={error.message} hint={error.hint} />}
      {notice && <StatusNotice>{notice}</StatusNotice>}
    </div>
  )
  if (!view || !draft)
    return (
      <>
        {messages}
        {!error && (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
      </>
    )
  const { edit, save, discard } = useSourceTicketing.getState()
  const dirty = JSON.stringify({ ...draft, enabled: view.settings.enabled }) !== JSON.stringify(view.settings)
  const blankOverride = draft.eventTypeOverrides.some((o) => !o.eventType.trim())
  return (
    <>
      <p className="screen__intro">
        {kindLabel(source)} alerts become tickets by severity: each severity has a PSA priority, event types can have
        their own {issueTypeWord(psa)}; repeats are added to the open ticket as notes.
      </p>
      {messages}
      <SeverityStatusCard source={source} />
      {!choices && (
        <div className="card__warning" role="note">
          The PSA’s lists are not loaded yet.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => void useTicketing.getState().refreshLists()}
          >
            Refresh lists from PSA
          </button>
        </div>
      )}
      <PriorityMapping draft={draft} choices={choices} onChange={edit} />
      <TicketDefaults psa={psa} draft={draft} choices={choices} onChange={edit} />
      <EventTypeOverrides psa={psa} draft={draft} choices={choices} onChange={edit} />
      <OrgContracts source={view.source} orgs={view.orgs} draft={draft} onChange={edit} />
      <div className="form__actions tk-save">
        <button
          type="button"
          className="button button--primary"
          disabled={!dirty || busy !== null || blankOverride}
          onClick={() => void save()}
        >
          {busy === 'save' ? 'Saving…' : 'Save settings'}
        </button>
        {dirty && (
          <button type="button" className="button" onClick={discard}>
            Discard changes
          </button>
        )}
        {blankOverride && <span className="field__error">Every override needs an event type.</span>}
        {dirty && !blankOverride && <span className="muted">Unsaved changes</span>}
      </div>
      <SeverityTestTicket customers={customers} dirty={dirty} />
    </>
  )
}
