import { useId, type ReactNode } from 'react'

interface FieldProps {
  label: string
  value: string
  onChange(value: string): void
  onBlur?(): void
  type?: 'text' | 'password'
  /** Shown under the input; replaced by the error when there is one. */
  help?: ReactNode
  error?: string | null
  placeholder?: string
  autoComplete?: string
  name: string
}

/** A labelled input whose help/error text is its accessible description. */
export function Field(props: FieldProps) {
  const id = useId()
  const noteId = `${id}-note`
  const note = props.error ?? props.help
  return (
    <div className={props.error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
      />
      {note && (
        <p id={noteId} className={props.error ? 'field__error' : 'field__help'}>
          {note}
        </p>
      )}
    </div>
  )
}

interface SelectFieldProps {
  label: string
  name: string
  value: string
  options: ReadonlyArray<{ value: string; label: string }>
  onChange(value: string): void
  error?: string | null
}

export function SelectField(props: SelectFieldProps) {
  const id = useId()
  return (
    <div className={props.error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-note` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <p id={`${id}-note`} className="field__error">
          {props.error}
        </p>
      )}
    </div>
  )
}
