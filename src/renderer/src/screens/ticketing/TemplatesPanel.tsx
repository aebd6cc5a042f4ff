import { useId } from 'react'
import type { TicketingSettings } from '../../../../shared/contract/ticketing'
import { Field, SelectField } from '../../components/Field'

const PLACEHOLDERS = '{org} {user} {device} {subject} {alertType} {time}'

/** Subject/body of a new ticket and the note added for a repeat of the same alert. */
export function TemplatesPanel({
  draft,
  onChange
}: {
  draft: TicketingSettings
  onChange(next: TicketingSettings): void
}) {
  const note = draft.note
  return (
    <section className="card" aria-label="Ticket and note templates">
      <h2 className="card__title">Templates</h2>
      <p className="card__description">
        Placeholders: {PLACEHOLDERS}. The subject never decides grouping: a repeat of the same alert becomes a note.
      </p>
      <div className="tk-templates">
        <div className="tk-templates__col">
          <h3 className="card__subtitle">New ticket</h3>
          <Field
            label="Subject template"
            name="subjectTemplate"
            value={draft.subjectTemplate}
            error={draft.subjectTemplate.trim() === '' ? 'A subject is required.' : null}
            onChange={(v) => onChange({ ...draft, subjectTemplate: v })}
          />
          <TextArea
            label="Ticket description"
            value={draft.bodyTemplate}
            onChange={(v) => onChange({ ...draft, bodyTemplate: v })}
          />
        </div>
        <div className="tk-templates__col">
          <h3 className="card__subtitle">Note for a repeated alert</h3>
          <div className="tk-templates__pair">
            <Field
              label="Note title"
              name="noteTitle"
              value={note.title}
              error={note.title.trim() === '' ? 'A title is required.' : null}
              onChange={(v) => onChange({ ...draft, note: { ...note, title: v } })}
            />
            <SelectField
              label="Note visibility"
              name="noteVisibility"
              value={note.visibility}
              options={[
                { value: 'internal', label: 'Internal (hidden from the client)' },
                { value: 'public', label: 'Public (visible to the client)' }
              ]}
              onChange={(v) =>
                onChange({ ...draft, note: { ...note, visibility: v === 'public' ? 'public' : 'internal' } })
              }
            />
          </div>
          <TextArea
            label="Note template"
            help="Filled in once per repeat. All repeats of an alert found in one check go into one note that lists them, oldest first."
            value={note.template}
            onChange={(v) => onChange({ ...draft, note: { ...note, template: v } })}
          />
        </div>
      </div>
    </section>
  )
}

function TextArea({
  label,
  help,
  value,
  onChange
}: {
  label: string
  help?: string
  value: string
  onChange(v: string): void
}) {
  const id = useId()
  const helpId = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help && (
        <span id={helpId} className="field__help">
          {help}
        </span>
      )}
      <textarea
        id={id}
        aria-describedby={help ? helpId : undefined}
        className="tk-textarea"
        rows={4}
        maxLength={4000}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  )
}

/** Whether the templates can be saved (the contract requires a non-empty subject and note title). */
export function templatesValid(d: TicketingSettings): boolean {
  return d.subjectTemplate.trim() !== '' && d.note.title.trim() !== ''
}
