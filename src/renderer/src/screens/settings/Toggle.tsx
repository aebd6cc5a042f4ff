/** A labelled checkbox that saves on change. */
export function Toggle(props: {
  label: string
  help: string
  checked: boolean
  disabled?: boolean
  onChange(v: boolean): void
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>
        <span className="check__label">{props.label}</span>
        <span className="field__help">{props.help}</span>
      </span>
    </label>
  )
}
