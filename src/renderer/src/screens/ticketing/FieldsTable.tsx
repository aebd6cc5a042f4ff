import type { AlertType, TicketFields, TicketingSettings, TicketingView } from '../../../../shared/contract/ticketing'
import { fieldsOf, setField, type Choices, type FieldDef, type Psa } from './fields'
import { FieldInput } from './FieldInput'

interface Props {
  psa: Psa
  view: TicketingView
  draft: TicketingSettings
  onChange(next: TicketingSettings): void
  onValidity(cellId: string, ok: boolean): void
}

/**
 * One grid for the defaults and every alert type: the defaults row sets what each type falls back to,
 * an alert type row overrides single fields ("Default (…)" = use the defaults row).
 */
export function FieldsTable({ psa, view, draft, onChange, onValidity }: Props) {
  const fields = fieldsOf(psa)
  const choices = view.choices
  const problemOf = (scope: string, key: string) =>
    view.problems.find((p) => p.scope === scope && p.field === key)?.message ?? null

  const setDefaults = (key: keyof TicketFields, value: string | number | null) =>
    onChange({ ...draft, defaults: setField(draft.defaults, key, value, choices, null) })
  const setOverride = (type: AlertType, key: keyof TicketFields, value: string | number | null) => {
    const t = draft.types[type]
    const overrides = setField(t.overrides, key, value, choices, draft.defaults.issueType)
    onChange({ ...draft, types: { ...draft.types, [type]: { ...t, overrides } } })
  }
  const setTypeEnabled = (type: AlertType, enabled: boolean) =>
    onChange({ ...draft, types: { ...draft.types, [type]: { ...draft.types[type], enabled } } })

  return (
    <div className="tk-table-wrap">
      <table className="grid tk-table" aria-label="Ticket fields per alert type">
        <thead>
          <tr>
            <th scope="col">On</th>
            <th scope="col">Alert type</th>
            {fields.map((f) => (
              <th scope="col" key={f.key}>
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="tk-table__defaults">
            <td />
            <th scope="row" title="Used where an alert type has no override">
              Ticket defaults
            </th>
            {fields.map((f) => (
              <Cell
                key={f.key}
                def={f}
                rowLabel="ticket defaults"
                fields={draft.defaults}
                fallback={null}
                issueType={draft.defaults.issueType}
                choices={choices}
                problem={problemOf('defaults', f.key)}
                onChange={(v) => setDefaults(f.key, v)}
                onValidity={onValidity}
              />
            ))}
          </tr>
          {view.alertTypes.map((t) => {
            const row = draft.types[t.id]
            return (
              <tr key={t.id} className={row.enabled ? undefined : 'grid__row--off'}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Create tickets for ${t.label}`}
                    checked={row.enabled}
                    onChange={(e) => setTypeEnabled(t.id, e.target.checked)}
                  />
                </td>
                <th scope="row" title={`JumpCloud events: ${t.eventTypes.join(', ')}`}>
                  {t.label}
                </th>
                {fields.map((f) => (
                  <Cell
                    key={f.key}
                    def={f}
                    rowLabel={t.label}
                    fields={row.overrides}
                    fallback={draft.defaults}
                    issueType={row.overrides.issueType ?? draft.defaults.issueType}
                    choices={choices}
                    problem={problemOf(t.id, f.key)}
                    disabled={!row.enabled}
                    onChange={(v) => setOverride(t.id, f.key, v)}
                    onValidity={onValidity}
                  />
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function Cell(props: {
  def: FieldDef
  rowLabel: string
  fields: TicketFields
  fallback: TicketFields | null
  issueType: string | null
  choices: Choices | null
  problem: string | null
  disabled?: boolean
  onChange(v: string | number | null): void
  onValidity(cellId: string, ok: boolean): void
}) {
  return (
    <td>
      <FieldInput
        def={props.def}
        name={`${props.def.label} for ${props.rowLabel}`}
        value={props.fields[props.def.key]}
        fallback={props.fallback ? props.fallback[props.def.key] : undefined}
        issueType={props.issueType}
        choices={props.choices}
        problem={props.problem}
        disabled={props.disabled}
        onChange={props.onChange}
        onValidity={(ok) => props.onValidity(`${props.rowLabel}.${props.def.key}`, ok)}
      />
    </td>
  )
}
