import { useId, useState } from 'react'
import { optionsFor, parseDaysDue, type Choices, type FieldDef } from './fields'

interface Props {
  def: FieldDef
  /** Accessible name, e.g. "Priority for User Lockout". */
  name: string
  value: string | number | null
  /** undefined on the defaults row; the defaults row's value on an alert type row. */
  fallback: string | number | null | undefined
  issueType: string | null
  choices: Choices | null
  problem: string | null
  disabled?: boolean
  onChange(v: string | number | null): void
  onValidity(ok: boolean): void
}

/** One compact cell editor: a select over the PSA's list, or the days-due number. */
export function FieldInput(props: Props) {
  const noteId = useId()
  const { def, problem } = props
  if (def.list === null) return <DaysDue {...props} />
  const value = typeof props.value === 'string' ? props.value : null
  const options = optionsFor({
    choices: props.choices,
    list: def.list,
    value,
    fallback:
      props.fallback === undefined ? null : { value: typeof props.fallback === 'string' ? props.fallback : null },
    issueType: props.issueType
  })
  return (
    <>
      <select
        className={problem ? 'tk-input tk-input--invalid' : 'tk-input'}
        aria-label={props.name}
        // Cells are narrow: the full choice shows on hover.
        title={options.find((o) => o.value === (value ?? ''))?.label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? noteId : undefined}
        value={value ?? ''}
        disabled={props.disabled || (def.list === 'subIssueTypes' && options.length === 1)}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {problem && (
        <div id={noteId} className="field__error">
          {problem}
        </div>
      )}
    </>
  )
}

function DaysDue(props: Props) {
  const noteId = useId()
  const [text, setText] = useState(props.value === null ? '' : String(props.value))
  const [invalid, setInvalid] = useState(false)
  const placeholder =
    props.fallback === undefined ? 'PSA default' : props.fallback === null ? 'Default' : `Default: ${props.fallback}`
  return (
    <>
      <input
        className={invalid ? 'tk-input tk-input--days tk-input--invalid' : 'tk-input tk-input--days'}
        aria-label={props.name}
        inputMode="numeric"
        value={text}
        placeholder={placeholder}
        disabled={props.disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? noteId : undefined}
        onChange={(e) => {
          setText(e.target.value)
          const r = parseDaysDue(e.target.value)
          setInvalid(!r.ok)
          props.onValidity(r.ok)
          if (r.ok) props.onChange(r.value)
        }}
      />
      {invalid && (
        <div id={noteId} className="field__error">
          0–365 days
        </div>
      )}
    </>
  )
}
