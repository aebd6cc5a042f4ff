import { useCallback, useEffect, useState } from 'react'
import { Combobox } from './Combobox'

const MAX_OPTIONS = 50

export interface RemoteChoice {
  id: string
  name: string
  /** A second line: a price, a customer. */
  meta?: string
}

interface Props {
  /** Accessible name, e.g. "Contract for Acme". */
  label: string
  selected: RemoteChoice | null
  placeholder: string
  /** What is listed ("contracts"), for the empty and error texts. */
  what: string
  /** Reads the choices live from the PSA (once per mount). */
  load(): Promise<RemoteChoice[]>
  onChoose(choice: RemoteChoice): void
  disabled?: boolean
}

/** A searchable picker over a list read from the PSA: type to filter by name or id, never type an id. */
export function RemotePicker(props: Props) {
  const { load } = props
  const [items, setItems] = useState<RemoteChoice[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    load().then(
      (list) => live && setItems(list),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e))
    )
    return () => {
      live = false
    }
  }, [load])
  const search = useCallback(
    (q: string) => {
      const needle = q.trim().toLowerCase()
      const hits = (items ?? []).filter((c) => !needle || c.name.toLowerCase().includes(needle) || c.id === needle)
      return { items: hits.slice(0, MAX_OPTIONS), more: Math.max(0, hits.length - MAX_OPTIONS) }
    },
    [items]
  )
  if (error)
    return (
      <span className="field__error" role="alert">
        Could not read the {props.what} from the PSA: {error}
      </span>
    )
  return (
    <Combobox<RemoteChoice>
      label={props.label}
      selectedText={props.selected ? props.selected.name : null}
      placeholder={items === null ? `Loading ${props.what}…` : props.placeholder}
      disabled={props.disabled || items === null}
      search={search}
      keyOf={(c) => c.id}
      emptyText={(q) => (q ? `No ${props.what} match “${q}”` : `No ${props.what} in the PSA`)}
      onChoose={props.onChoose}
      renderOption={(c) => (
        <>
          <span className="picker__name">{c.name}</span>
          {c.meta && <span className="picker__meta">{c.meta}</span>}
        </>
      )}
    />
  )
}
