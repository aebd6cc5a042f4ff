import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import './combobox.css'

export interface ComboboxProps<T> {
  /** Accessible name, e.g. "Customer for Acme". */
  label: string
  /** Shown while closed: the current choice. */
  selectedText: string | null
  placeholder: string
  disabled?: boolean
  /** The options for a query (already limited), and how many more there are. */
  search(query: string): { items: readonly T[]; more: number }
  keyOf(item: T): string
  renderOption(item: T): ReactNode
  /** "No customer matches “x”". */
  emptyText(query: string): string
  onChoose(item: T): void
}

/**
 * ARIA 1.2 combobox: type to filter, arrows to move, Enter or click to choose, Escape to leave.
 * The listbox is portalled to <body> with fixed position so a grid's scroll box and row
 * transforms cannot clip it.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const listId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [pos, setPos] = useState<{ left: number; top: number; width: number; bottom: number } | null>(null)
  const { search } = props
  const { items, more } = useMemo(() => (open ? search(query) : { items: [], more: 0 }), [open, search, query])

  useLayoutEffect(() => {
    if (!open || !inputRef.current) return
    const place = () => {
      const r = inputRef.current?.getBoundingClientRect()
      if (r)
        setPos({
          left: r.left,
          top: r.bottom + 2,
          width: Math.max(r.width, 260),
          bottom: window.innerHeight - r.top + 2
        })
    }
    place()
    // The grid scrolls under a fixed list: follow the input rather than float away.
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
    }
  }, [open])

  const close = () => {
    setOpen(false)
    setQuery('')
  }
  const choose = (item: T | undefined) => {
    if (item === undefined) return
    close()
    props.onChoose(item)
  }
  const start = (text: string) => {
    setQuery(text)
    setActive(0)
    setOpen(true)
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (!open) return start('')
      setActive((i) => Math.min(i + 1, items.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (e.key === 'Enter' && open) {
      e.preventDefault()
      choose(items[active])
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      close()
    }
  }

  // Above the input when there is no room below (the last rows of the grid).
  const flip = pos !== null && pos.top + 260 > window.innerHeight
  const optionId = (i: number) => `${listId}-o${i}`

  return (
    <div className="picker">
      <input
        ref={inputRef}
        className="picker__input"
        role="combobox"
        aria-label={props.label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && items[active] !== undefined ? optionId(active) : undefined}
        value={open ? query : (props.selectedText ?? '')}
        placeholder={props.placeholder}
        disabled={props.disabled}
        spellCheck={false}
        autoComplete="off"
        onFocus={() => start('')}
        onClick={() => !open && start('')}
        onBlur={close}
        onChange={(e) => start(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {open &&
        pos &&
        createPortal(
          <ul
            id={listId}
            role="listbox"
            aria-label={props.label}
            className="picker__list"
            style={
              flip
                ? { left: pos.left, bottom: pos.bottom, width: pos.width }
                : { left: pos.left, top: pos.top, width: pos.width }
            }
          >
            {items.map((item, i) => (
              <li
                key={props.keyOf(item)}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="picker__option"
                // mousedown would blur the input (and close the list) before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(item)}
              >
                {props.renderOption(item)}
              </li>
            ))}
            {items.length === 0 && (
              <li className="picker__empty" aria-disabled="true">
                {props.emptyText(query)}
              </li>
            )}
            {more > 0 && (
              <li className="picker__empty" aria-disabled="true">
                {more} more — type to narrow
              </li>
            )}
          </ul>,
          document.body
        )}
    </div>
  )
}
