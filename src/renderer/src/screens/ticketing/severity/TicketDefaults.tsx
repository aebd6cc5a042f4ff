import {
  GroupBySchema,
  REQUIRED_SEVERITY_DEFAULTS,
  type SeverityTicketing
} from '../../../../../shared/contract/severity-ticketing'
import { FieldInput } from '../FieldInput'
import { fieldsOf, setField, type Choices, type Psa } from '../fields'

type GroupBy = SeverityTicketing['groupBy']
const GROUP_LABELS: Record<GroupBy, string> = {
  'event-type-and-user': 'Event type and user',
  'event-type': 'Event type',
  user: 'User'
}
const required = new Set<string>(REQUIRED_SEVERITY_DEFAULTS)

interface Props {
  psa: Psa
  draft: SeverityTicketing
  choices: Choices | null
  onChange(next: SeverityTicketing): void
}

/** Ticket defaults (the fields this PSA has; priority comes from the severity), note defaults and grouping. */
export function TicketDefaults({ psa, draft, choices, onChange }: Props) {
  const fields = fieldsOf(psa).filter((f) => f.key !== 'priority')
  const note = draft.note
  return (
    <section className="card" aria-label="Ticket and note defaults">
      <h2 className="card__title">Ticket defaults</h2>
      <p className="card__description">
        Every ticket gets these; fields marked required must be set before switching on.
      </p>
      <div className="tk-defaults">
        {fields.map((def) => (
          <label key={def.key} className="tk-defaults__field">
            <span>
              {def.label}
              {required.has(def.key) ? ' (required)' : ''}
            </span>
            <FieldInput
              def={def}
              name={`Default ${def.label.toLowerCase()}`}
              value={draft.defaults[def.key]}
              fallback={undefined}
              issueType={draft.defaults.issueType}
              choices={choices}
              problem={null}
              onChange={(v) =>
                onChange({
                  ...draft,
                  defaults: setField(draft.defaults, def.key, v, choices, draft.defaults.issueType)
                })
              }
              onValidity={() => undefined}
            />
          </label>
        ))}
      </div>
      <h2 className="card__title">Note defaults</h2>
      <p className="card__description">A repeat of an alert is added to its open ticket as a note.</p>
      <div className="tk-defaults">
        <label className="tk-defaults__field">
          <span>Note title (required)</span>
          <input
            className="tk-input"
            aria-label="Note title"
            value={note.title ?? ''}
            placeholder="Repeated alert: {alertType}"
            onChange={(e) =>
              onChange({ ...draft, note: { ...note, title: e.target.value.trim() ? e.target.value : null } })
            }
          />
        </label>
        <label className="tk-defaults__field">
          <span>Note visibility (required)</span>
          <select
            className="tk-input"
            aria-label="Note visibility"
            value={note.visibility ?? ''}
            onChange={(e) =>
              onChange({
                ...draft,
                note: { ...note, visibility: e.target.value === '' ? null : (e.target.value as 'internal' | 'public') }
              })
            }
          >
            <option value="">Choose…</option>
            <option value="internal">Internal (hidden from the client)</option>
            <option value="public">Public</option>
          </select>
        </label>
        <label className="tk-defaults__field">
          <span>Group repeats by</span>
          <select
            className="tk-input"
            aria-label="Group repeats by"
            value={draft.groupBy}
            onChange={(e) => onChange({ ...draft, groupBy: GroupBySchema.parse(e.target.value) })}
          >
            {GroupBySchema.options.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
          <span className="field__help">Always within one organization and severity; never by the subject text.</span>
        </label>
      </div>
    </section>
  )
}
